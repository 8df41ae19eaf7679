import { useCallback } from 'react';
import { useUrlState } from '@/shared/hooks/useUrlState';
import { type CatalogFilterName, EMPTY_FILTERS, filtersFromSearchParams } from '../catalogFilters';

/** The catalog filters, read from and written to the URL query string. */
export function useCatalogFilters() {
  const { values: filters, set, clear, changed } = useUrlState(filtersFromSearchParams, EMPTY_FILTERS);
  const setFilter = useCallback((name: CatalogFilterName, value: string, options: { replace?: boolean } = {}) => set({ [name]: value }, options), [set]);
  const setIncludeArchived = useCallback((include: boolean) => set({ archived: include }), [set]);
  return { filters, setFilter, setIncludeArchived, clearFilters: clear, hasFilters: changed };
}

import { useCallback } from 'react';
import { useUrlState } from '@/shared/hooks/useUrlState';
import { EMPTY_RUN_FILTERS, type RunFilterName, runFiltersFromSearchParams } from '../runFilters';

/** The runs filters, read from and written to the URL query string. */
export function useRunFilters() {
  const { values: filters, set, clear, changed } = useUrlState(runFiltersFromSearchParams, EMPTY_RUN_FILTERS);
  const setFilter = useCallback((name: RunFilterName, value: string) => set({ [name]: value }), [set]);
  return { filters, setFilter, clearFilters: clear, hasFilters: changed };
}

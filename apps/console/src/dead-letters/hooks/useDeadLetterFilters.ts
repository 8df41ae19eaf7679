import { useCallback } from 'react';
import { useUrlState } from '@/shared/hooks/useUrlState';
import { DEFAULT_DEAD_LETTER_FILTERS, type DeadLetterFilterName, deadLetterFiltersFromSearchParams } from '../deadLetterFilters';

/** The workbench's filters, read from and written to the URL query string. */
export function useDeadLetterFilters() {
  const { values: filters, set, clear, changed } = useUrlState(deadLetterFiltersFromSearchParams, DEFAULT_DEAD_LETTER_FILTERS);
  const setFilter = useCallback(
    // A group belongs to one automation: another automation's view starts from all its groups.
    (name: DeadLetterFilterName, value: string) => set(name === 'automation' ? { automation: value, fingerprint: '' } : { [name]: value }),
    [set],
  );
  return { filters, setFilter, clearFilters: clear, hasFilters: changed };
}

import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import {
  DEAD_LETTER_FILTER_PARAMS,
  type DeadLetterFilterName,
  deadLetterFiltersFromSearchParams,
  hasActiveDeadLetterFilters,
  searchParamValue,
} from '../deadLetterFilters';

/** The workbench's filters, read from and written to the URL query string. */
export function useDeadLetterFilters() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => deadLetterFiltersFromSearchParams(searchParams), [searchParams]);

  const setFilter = useCallback(
    (name: DeadLetterFilterName, value: string) => {
      setSearchParams((current) => {
        const next = new URLSearchParams(current);
        const written = searchParamValue(name, value);
        if (written) {
          next.set(name, written);
        } else {
          next.delete(name);
        }
        // A group belongs to one automation: another automation's view starts from all its groups.
        if (name === 'automation') {
          next.delete('fingerprint');
        }
        return next;
      });
    },
    [setSearchParams],
  );

  const clearFilters = useCallback(() => {
    setSearchParams((current) => {
      const next = new URLSearchParams(current);
      DEAD_LETTER_FILTER_PARAMS.forEach((name) => next.delete(name));
      return next;
    });
  }, [setSearchParams]);

  return { filters, setFilter, clearFilters, hasFilters: hasActiveDeadLetterFilters(filters) };
}

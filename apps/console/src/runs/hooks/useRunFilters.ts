import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { type RunFilterName, hasActiveRunFilters, runFiltersFromSearchParams } from '../runFilters';

const FILTER_PARAMS: readonly RunFilterName[] = ['status', 'from', 'to', 'correlation'];

/** The runs filters, read from and written to the URL query string. */
export function useRunFilters() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => runFiltersFromSearchParams(searchParams), [searchParams]);

  const setFilter = useCallback(
    (name: RunFilterName, value: string) => {
      setSearchParams((current) => {
        const next = new URLSearchParams(current);
        if (value) {
          next.set(name, value);
        } else {
          next.delete(name);
        }
        return next;
      });
    },
    [setSearchParams],
  );

  const clearFilters = useCallback(() => {
    setSearchParams((current) => {
      const next = new URLSearchParams(current);
      FILTER_PARAMS.forEach((name) => next.delete(name));
      return next;
    });
  }, [setSearchParams]);

  return { filters, setFilter, clearFilters, hasFilters: hasActiveRunFilters(filters) };
}

import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { type CatalogFilterName, filtersFromSearchParams, hasActiveFilters } from '../catalogFilters';

/** The catalog filters, read from and written to the URL query string. */
export function useCatalogFilters() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => filtersFromSearchParams(searchParams), [searchParams]);

  const setFilter = useCallback(
    (name: CatalogFilterName, value: string, options: { replace?: boolean } = {}) => {
      setSearchParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (value) {
            next.set(name, value);
          } else {
            next.delete(name);
          }
          return next;
        },
        { replace: options.replace ?? false },
      );
    },
    [setSearchParams],
  );

  const setIncludeArchived = useCallback(
    (include: boolean) => {
      setSearchParams((current) => {
        const next = new URLSearchParams(current);
        if (include) {
          next.set('archived', '1');
        } else {
          next.delete('archived');
        }
        return next;
      });
    },
    [setSearchParams],
  );

  const clearFilters = useCallback(() => setSearchParams(new URLSearchParams()), [setSearchParams]);

  return { filters, setFilter, setIncludeArchived, clearFilters, hasFilters: hasActiveFilters(filters) };
}

import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { AUDIT_FILTER_PARAMS, type AuditFilterName, auditFiltersFromSearchParams, hasActiveAuditFilters } from '../auditFilters';

/** The page's filters, read from and written to the URL query string (so a filtered trail can be shared). */
export function useAuditFilters() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => auditFiltersFromSearchParams(searchParams), [searchParams]);

  const setFilter = useCallback(
    (name: AuditFilterName, value: string) => {
      setSearchParams((current) => {
        const next = new URLSearchParams(current);
        if (value.trim() === '') {
          next.delete(name);
        } else {
          next.set(name, value.trim());
        }
        return next;
      });
    },
    [setSearchParams],
  );

  const clearFilters = useCallback(() => {
    setSearchParams((current) => {
      const next = new URLSearchParams(current);
      AUDIT_FILTER_PARAMS.forEach((name) => next.delete(name));
      return next;
    });
  }, [setSearchParams]);

  return { filters, setFilter, clearFilters, hasFilters: hasActiveAuditFilters(filters) };
}

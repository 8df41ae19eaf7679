import { useCallback } from 'react';
import { useUrlState } from '@/shared/hooks/useUrlState';
import { type AuditFilterName, EMPTY_AUDIT_FILTERS, auditFiltersFromSearchParams } from '../auditFilters';

/** The page's filters, read from and written to the URL query string (so a filtered trail can be shared). */
export function useAuditFilters() {
  const { values: filters, set, clear, changed } = useUrlState(auditFiltersFromSearchParams, EMPTY_AUDIT_FILTERS);
  const setFilter = useCallback((name: AuditFilterName, value: string) => set({ [name]: value.trim() }), [set]);
  return { filters, setFilter, clearFilters: clear, hasFilters: changed };
}

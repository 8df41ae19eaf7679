import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { type RangeSpec, rangeFromSearch, withRange } from '../dateRange';

/** The dashboard's range, kept in the URL (`?last=30d`, `?from=…&to=…`) so the address is the link to share. */
export function useDashboardRange() {
  const [searchParams, setSearchParams] = useSearchParams();
  const range = useMemo(() => rangeFromSearch(searchParams), [searchParams]);
  const setRange = useCallback((next: RangeSpec) => setSearchParams((current) => withRange(current, next)), [setSearchParams]);
  return { range, setRange };
}

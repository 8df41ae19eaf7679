import { useCallback, useMemo } from 'react';
import { useUrlState } from '@/shared/hooks/useUrlState';
import { NO_RANGE_PARAMS, type RangeSpec, paramsOf, rangeOf, rangeParams } from '../dateRange';

/** The dashboard's range, kept in the URL (`?last=30d`, `?from=…&to=…`) so the address is the link to share. */
export function useDashboardRange() {
  const { values, set } = useUrlState(rangeParams, NO_RANGE_PARAMS);
  const range = useMemo(() => rangeOf(values), [values]);
  const setRange = useCallback((next: RangeSpec) => set(paramsOf(next)), [set]);
  return { range, setRange };
}

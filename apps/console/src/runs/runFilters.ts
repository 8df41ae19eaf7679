import type { RunFilter, RunStatus } from '@/gql/graphql';
import { RUN_STATUS_LABELS, isOneOf } from '@/shared/format/labels';

/** The runs table's filters, as they live in the URL query string (times as ISO instants). */
export interface RunFilters {
  status: RunStatus | '';
  from: string;
  to: string;
  correlation: string;
}

export type RunFilterName = keyof RunFilters;

export const EMPTY_RUN_FILTERS: RunFilters = { status: '', from: '', to: '', correlation: '' };

const isInstant = (value: string | null): value is string => value !== null && !Number.isNaN(new Date(value).getTime());

export function runFiltersFromSearchParams(params: URLSearchParams): RunFilters {
  const status = params.get('status');
  const from = params.get('from');
  const to = params.get('to');
  return {
    status: isOneOf(RUN_STATUS_LABELS, status) ? status : '',
    from: isInstant(from) ? from : '',
    to: isInstant(to) ? to : '',
    correlation: params.get('correlation')?.trim() ?? '',
  };
}

/** The api's filter: only what is set, so equal views share one cache entry. */
export function toRunFilter(filters: RunFilters, automation?: string): RunFilter {
  const filter: RunFilter = {};
  if (automation) {
    filter.automation = automation;
  }
  if (filters.status) {
    filter.status = filters.status;
  }
  if (filters.from) {
    filter.from = filters.from;
  }
  if (filters.to) {
    filter.to = filters.to;
  }
  if (filters.correlation) {
    filter.correlationId = filters.correlation;
  }
  return filter;
}

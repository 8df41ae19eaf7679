import type { DeadLetterFilter, DeadLetterStatus } from '@/gql/graphql';
import { DEAD_LETTER_STATUS_LABELS, isOneOf } from '@/shared/format/labels';

/**
 * The workbench's filters, as they live in the URL query string (times as ISO instants).
 * `status` is 'pending' when the URL says nothing (what the on-call came for) and 'any' for every status.
 */
export interface DeadLetterFilters {
  automation: string;
  status: DeadLetterStatus | 'any';
  fingerprint: string;
  from: string;
  to: string;
  q: string;
}

export type DeadLetterFilterName = keyof DeadLetterFilters;

export const DEFAULT_DEAD_LETTER_FILTERS: DeadLetterFilters = { automation: '', status: 'pending', fingerprint: '', from: '', to: '', q: '' };

export const DEAD_LETTER_FILTER_PARAMS = Object.keys(DEFAULT_DEAD_LETTER_FILTERS) as DeadLetterFilterName[];

const isInstant = (value: string | null): value is string => value !== null && !Number.isNaN(new Date(value).getTime());

function statusFrom(value: string | null): DeadLetterFilters['status'] {
  if (value === 'any') {
    return 'any';
  }
  return isOneOf(DEAD_LETTER_STATUS_LABELS, value) ? value : 'pending';
}

export function deadLetterFiltersFromSearchParams(params: URLSearchParams): DeadLetterFilters {
  const from = params.get('from');
  const to = params.get('to');
  return {
    automation: params.get('automation')?.trim() ?? '',
    status: statusFrom(params.get('status')),
    fingerprint: params.get('fingerprint')?.trim() ?? '',
    from: isInstant(from) ? from : '',
    to: isInstant(to) ? to : '',
    q: params.get('q')?.trim() ?? '',
  };
}

/** How a filter is written in the URL: the default (pending) is left out. */
export function searchParamValue(name: DeadLetterFilterName, value: string): string {
  return value === DEFAULT_DEAD_LETTER_FILTERS[name] ? '' : value;
}

/** Whether anything narrows the list beyond the default view (pending dead letters of every automation). */
export function hasActiveDeadLetterFilters(filters: DeadLetterFilters): boolean {
  return DEAD_LETTER_FILTER_PARAMS.some((key) => filters[key] !== DEFAULT_DEAD_LETTER_FILTERS[key]);
}

/** The status as the api takes it: null for every status. */
export function statusArgument(filters: DeadLetterFilters): DeadLetterStatus | null {
  return filters.status === 'any' ? null : filters.status;
}

/** The api's filter: only what is set, so equal views share one cache entry. */
export function toDeadLetterFilter(filters: DeadLetterFilters): DeadLetterFilter {
  const filter: DeadLetterFilter = {};
  if (filters.automation) {
    filter.automation = filters.automation;
  }
  if (filters.fingerprint) {
    filter.fingerprint = filters.fingerprint;
  }
  const status = statusArgument(filters);
  if (status) {
    filter.status = status;
  }
  if (filters.from) {
    filter.from = filters.from;
  }
  if (filters.to) {
    filter.to = filters.to;
  }
  if (filters.q) {
    filter.search = filters.q;
  }
  return filter;
}

export function deadLetterPath(id: string): string {
  return `/dead-letters/${encodeURIComponent(id)}`;
}

/**
 * The filters in words, for "Reprocess every pending dead letter of payout-reconciliation in the chosen
 * group?". Only what is set is named.
 */
export function describeDeadLetterFilters(filters: DeadLetterFilters): string {
  const status = filters.status === 'any' ? '' : `${DEAD_LETTER_STATUS_LABELS[filters.status].toLowerCase()} `;
  const parts = [
    `every ${status}dead letter`,
    filters.automation ? `of ${filters.automation}` : '',
    filters.fingerprint ? 'in the chosen group' : '',
    filters.q ? `with “${filters.q}” in the error` : '',
    filters.from || filters.to ? 'in the chosen time range' : '',
  ];
  return parts.filter(Boolean).join(' ');
}

import { ALL_TEAMS, TEAMS_PARAM } from '@/auth/hooks/useTeamsScope';
import type { DeadLetterFilter, DeadLetterStatus } from '@/gql/graphql';
import { DEAD_LETTER_STATUS_LABELS, isOneOf } from '@/shared/format/labels';

/** Pending or failed again: what waits for a decision (what the dashboard counts as waiting). */
export const NEEDS_ACTION = 'needs_action';

export type DeadLetterStatusChoice = DeadLetterStatus | typeof NEEDS_ACTION | 'any';

/**
 * The workbench's filters, as they live in the URL query string (times as ISO instants).
 * `status` is 'needs_action' when the URL says nothing (what the on-call came for: pending and failed
 * again) and 'any' for every status. `request` narrows to what one reprocess request sent back.
 */
export interface DeadLetterFilters {
  automation: string;
  status: DeadLetterStatusChoice;
  fingerprint: string;
  request: string;
  from: string;
  to: string;
  q: string;
}

export type DeadLetterFilterName = keyof DeadLetterFilters;

export const DEFAULT_DEAD_LETTER_FILTERS: DeadLetterFilters = { automation: '', status: NEEDS_ACTION, fingerprint: '', request: '', from: '', to: '', q: '' };

const isInstant = (value: string | null): value is string => value !== null && !Number.isNaN(new Date(value).getTime());

function statusFrom(value: string | null): DeadLetterFilters['status'] {
  if (value === 'any' || value === NEEDS_ACTION) {
    return value;
  }
  return isOneOf(DEAD_LETTER_STATUS_LABELS, value) ? value : NEEDS_ACTION;
}

export function deadLetterFiltersFromSearchParams(params: URLSearchParams): DeadLetterFilters {
  const from = params.get('from');
  const to = params.get('to');
  return {
    automation: params.get('automation')?.trim() ?? '',
    status: statusFrom(params.get('status')),
    fingerprint: params.get('fingerprint')?.trim() ?? '',
    request: /^\d{1,18}$/.test(params.get('request') ?? '') ? (params.get('request') as string) : '',
    from: isInstant(from) ? from : '',
    to: isInstant(to) ? to : '',
    q: params.get('q')?.trim() ?? '',
  };
}

/** The status as the api takes it: null for every status, and for "needs action" (its own argument). */
export function statusArgument(filters: DeadLetterFilters): DeadLetterStatus | null {
  return filters.status === 'any' || filters.status === NEEDS_ACTION ? null : filters.status;
}

/** What the groups are asked for: the same automation, status, request and teams as the list. */
export interface DeadLetterGroupsScope {
  automation: string | null;
  teams: string[] | null;
  status: DeadLetterStatus | null;
  needsAction: boolean | null;
  reprocessRequest: string | null;
}

export function groupsScope(filters: DeadLetterFilters, teams: readonly string[] | null): DeadLetterGroupsScope {
  return {
    automation: filters.automation || null,
    teams: teams === null ? null : [...teams],
    status: statusArgument(filters),
    needsAction: filters.status === NEEDS_ACTION ? true : null,
    reprocessRequest: filters.request || null,
  };
}

/** The api's filter: only what is set, so equal views share one cache entry. `teams` null is every team's. */
export function toDeadLetterFilter(filters: DeadLetterFilters, teams: readonly string[] | null = null): DeadLetterFilter {
  const filter: DeadLetterFilter = {};
  if (teams !== null) {
    filter.teams = [...teams];
  }
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
  if (filters.status === NEEDS_ACTION) {
    filter.needsAction = true;
  }
  if (filters.request) {
    filter.reprocessRequest = filters.request;
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

/*
 * Links that name one automation or one request open the workbench on every team's dead letters:
 * they were counted for that automation or request whoever owns it (dashboards, the request page),
 * and "my teams" would hide another team's and show none of the number the link came from.
 */

/** The workbench showing the dead letters a reprocess request sent back that failed again, grouped by their new error. */
export function failedAgainPath(requestId: string): string {
  return `/dead-letters?${new URLSearchParams({ request: requestId, status: 'failed_again', [TEAMS_PARAM]: ALL_TEAMS }).toString()}`;
}

/** The workbench on one automation's dead letters (what waits for a decision, as the dashboards count it). */
export function automationDeadLettersPath(slug: string): string {
  return `/dead-letters?${new URLSearchParams({ automation: slug, [TEAMS_PARAM]: ALL_TEAMS }).toString()}`;
}

/**
 * The filters in words, for "Reprocess every pending dead letter of payout-reconciliation in the chosen
 * group?". Only what is set is named.
 */
export function describeDeadLetterFilters(filters: DeadLetterFilters, teams: readonly string[] | null = null): string {
  let status = '';
  if (filters.status === NEEDS_ACTION) {
    status = 'pending or failed-again ';
  } else if (filters.status !== 'any') {
    status = `${DEAD_LETTER_STATUS_LABELS[filters.status].toLowerCase()} `;
  }
  const parts = [
    `every ${status}dead letter`,
    filters.automation ? `of ${filters.automation}` : '',
    teams === null ? '' : `owned by ${teams.join(', ')}`,
    filters.request ? `sent back by request #${filters.request}` : '',
    filters.fingerprint ? 'in the chosen group' : '',
    filters.q ? `with “${filters.q}” in the error` : '',
    filters.from || filters.to ? 'in the chosen time range' : '',
  ];
  return parts.filter(Boolean).join(' ');
}

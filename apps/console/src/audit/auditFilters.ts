import type { AuditFilter } from '@/gql/graphql';

/** The filters the page keeps in its URL; dates are whole UTC days, `to` included. */
export const AUDIT_FILTER_PARAMS = ['automation', 'team', 'actor', 'action', 'from', 'to'] as const;
export type AuditFilterName = (typeof AUDIT_FILTER_PARAMS)[number];
export type AuditFilters = Record<AuditFilterName, string>;
export const EMPTY_AUDIT_FILTERS: AuditFilters = { automation: '', team: '', actor: '', action: '', from: '', to: '' };

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

export function auditFiltersFromSearchParams(params: URLSearchParams): AuditFilters {
  return Object.fromEntries(AUDIT_FILTER_PARAMS.map((name) => [name, params.get(name)?.trim() ?? ''])) as AuditFilters;
}

/** Why the chosen days cannot be asked for, in words; null when they can. */
export function auditRangeProblem(filters: Pick<AuditFilters, 'from' | 'to'>): string | null {
  for (const [label, value] of [
    ['first', filters.from],
    ['last', filters.to],
  ] as const) {
    if (value !== '' && !ISO_DAY.test(value)) {
      return `The ${label} day is not a date.`;
    }
  }
  if (filters.from !== '' && filters.to !== '' && filters.from > filters.to) {
    return 'The first day is after the last day.';
  }
  return null;
}

/** The URL's filters as the api's: from the first day's midnight to the midnight after the last day (UTC). */
export function toAuditFilter(filters: AuditFilters): AuditFilter {
  const text = (name: AuditFilterName) => (filters[name] === '' ? {} : { [name]: filters[name] });
  return {
    ...text('automation'),
    ...text('team'),
    ...text('actor'),
    ...text('action'),
    ...(ISO_DAY.test(filters.from) ? { from: `${filters.from}T00:00:00.000Z` } : {}),
    ...(ISO_DAY.test(filters.to) ? { to: new Date(Date.parse(`${filters.to}T00:00:00.000Z`) + DAY_MS).toISOString() } : {}),
  };
}

/** The export with the page's filters: `/audit/export.csv?team=finance-ops&from=…`. */
export function auditExportUrl(filter: AuditFilter): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filter)) {
    if (typeof value === 'string' && value !== '') {
      params.set(name, value);
    }
  }
  const query = params.toString();
  return `/audit/export.csv${query === '' ? '' : `?${query}`}`;
}

/** Whose trail a page shows beside its own work: one reprocess request's, or one automation's reprocesses and discards (with its owner team). */
export type AuditScope = { requestId: string } | { automation: string; team: string };

/** The reprocess and discard entries of a scope, as the api's filter. */
export function auditScopeFilter(scope: AuditScope): AuditFilter {
  return 'requestId' in scope ? { targetKind: 'reprocess_request', targetId: scope.requestId } : { targetKind: 'reprocess_request', automation: scope.automation };
}

import type { DateRangeInput } from '@/gql/graphql';

/** The ranges offered as one click; the api accepts any `<n>d`, these are the ones people ask for. */
export const RANGE_PRESETS = [
  { last: '7d', label: 'Last 7 days' },
  { last: '30d', label: 'Last 30 days' },
  { last: '90d', label: 'Last 90 days' },
] as const;

/** A range as the URL (and a dashboard file) writes it: a rolling `last`, or whole days `from`–`to`. */
export interface RangeSpec {
  last?: string | null;
  from?: string | null;
  to?: string | null;
}

/**
 * The range in a dashboard URL (`?last=30d`, `?from=2026-09-01&to=2026-11-30`), or null for the
 * dashboard's own default. Values are passed on as written: the api judges them and names the
 * field when one is wrong, which the page shows.
 */
export function rangeFromSearch(params: URLSearchParams): DateRangeInput | null {
  return rangeOf(rangeParams(params));
}

/** The range's URL parameters as written ('' when absent), for the page's URL state. */
export interface RangeParams {
  last: string;
  from: string;
  to: string;
}

export const NO_RANGE_PARAMS: RangeParams = { last: '', from: '', to: '' };

export function rangeParams(params: URLSearchParams): RangeParams {
  return { last: params.get('last') ?? '', from: params.get('from') ?? '', to: params.get('to') ?? '' };
}

/** The range the parameters name: a rolling `last` wins over days; null when none is given. */
export function rangeOf({ last, from, to }: RangeParams): DateRangeInput | null {
  if (last !== '') {
    return { last };
  }
  if (from === '' && to === '') {
    return null;
  }
  return { ...(from === '' ? {} : { from }), ...(to === '' ? {} : { to }) };
}

/** The parameters that write a range: `last` alone, or the days (any other range parameter removed). */
export function paramsOf(range: RangeSpec): RangeParams {
  return range.last ? { last: range.last, from: '', to: '' } : { last: '', from: range.from ?? '', to: range.to ?? '' };
}

/** The search params with the range written in (and any other range parameter removed). */
export function withRange(params: URLSearchParams, range: RangeSpec): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of ['last', 'from', 'to'] as const) {
    next.delete(key);
  }
  if (range.last) {
    next.set('last', range.last);
    return next;
  }
  if (range.from) {
    next.set('from', range.from);
  }
  if (range.to) {
    next.set('to', range.to);
  }
  return next;
}

/** A stable key part for react-query: the same range written the same way shares the cache. */
export function rangeKey(range: DateRangeInput | null): string {
  if (range === null) {
    return 'default';
  }
  return range.last ? `last:${range.last}` : `from:${range.from ?? ''}:to:${range.to ?? ''}`;
}

/** "2026-11-27T10:00:00Z" → "2026-11-27" (UTC). */
export function isoDay(instant: string): string {
  return new Date(instant).toISOString().slice(0, 10);
}

/** The last whole day of a range whose end is excluded: the day before `end`, or `end`'s own day when it is not midnight. */
export function lastDayOf(end: string): string {
  const date = new Date(end);
  const midnight = date.getUTCHours() === 0 && date.getUTCMinutes() === 0 && date.getUTCSeconds() === 0 && date.getUTCMilliseconds() === 0;
  return isoDay(midnight ? new Date(date.getTime() - 86_400_000).toISOString() : end);
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Why a custom range typed in the picker cannot be asked for, in words; null when it can. */
export function customRangeProblem(from: string, to: string): string | null {
  if (!ISO_DAY.test(from) || !ISO_DAY.test(to)) {
    return 'Choose both a first and a last day.';
  }
  if (from > to) {
    return 'The first day must not be after the last day.';
  }
  return null;
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** "2026-04-06" → "6 Apr 2026". Calendar dates are shown as written, whatever the viewer's time zone. */
export function formatDate(value: string): string {
  const date = new Date(ISO_DATE.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? value : dateFormat.format(date);
}

/** An instant, in the viewer's time zone. */
export function formatDateTime(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : dateTimeFormat.format(date);
}

const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });
const timeWithSecondsFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' });
const dayTimeFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
const relativeFormat = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** "08:15", in the viewer's time zone. */
export function formatTime(value: string | number, withSeconds = false): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    return String(value);
  }
  return (withSeconds ? timeWithSecondsFormat : timeFormat).format(date);
}

/** "27 Nov". */
export function formatDay(value: string | number): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : dayFormat.format(date);
}

/** "27 Nov, 08:15". */
export function formatDayTime(value: string | number): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : dayTimeFormat.format(date);
}

const RELATIVE_STEPS: readonly { unit: Intl.RelativeTimeFormatUnit; seconds: number }[] = [
  { unit: 'day', seconds: 86_400 },
  { unit: 'hour', seconds: 3_600 },
  { unit: 'minute', seconds: 60 },
];

/** "3 minutes ago", "yesterday", "just now". */
export function formatTimeAgo(value: string, now: number = Date.now()): string {
  const time = new Date(value).getTime();
  if (Number.isNaN(time)) {
    return value;
  }
  const seconds = Math.round((time - now) / 1000);
  if (Math.abs(seconds) < 45) {
    return 'just now';
  }
  const step = RELATIVE_STEPS.find((candidate) => Math.abs(seconds) >= candidate.seconds) ?? { unit: 'minute', seconds: 60 };
  return relativeFormat.format(Math.round(seconds / step.seconds), step.unit);
}

const instantFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });

/** An instant to the second, in the viewer's time zone: "27 Nov 2026, 08:15:03". */
export function formatInstant(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : instantFormat.format(date);
}

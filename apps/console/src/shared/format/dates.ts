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

/** How long a new token lasts, in days (the api allows 1 to 365). */
export const EXPIRY_CHOICES = [
  { days: 30, label: '30 days' },
  { days: 90, label: '90 days' },
  { days: 180, label: '180 days' },
  { days: 365, label: '1 year' },
] as const;
export const DEFAULT_EXPIRY_DAYS = 90;

/** How long the old token keeps working beside the new one after a rotation, in hours (1 to 168). */
export const OVERLAP_CHOICES = [
  { hours: 1, label: '1 hour' },
  { hours: 6, label: '6 hours' },
  { hours: 24, label: '24 hours' },
  { hours: 72, label: '3 days' },
  { hours: 168, label: '1 week' },
] as const;
export const DEFAULT_OVERLAP_HOURS = 24;

/** The windows the health tab offers; the api accepts the same strings. */
export const HEALTH_WINDOWS = ['1h', '24h', '7d', '30d'] as const;
export type HealthWindow = (typeof HEALTH_WINDOWS)[number];

export const DEFAULT_HEALTH_WINDOW: HealthWindow = '24h';

export const HEALTH_WINDOW_LABELS: Record<HealthWindow, string> = {
  '1h': 'Last hour',
  '24h': 'Last 24 hours',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
};

/** "in the last 24 hours", for sentences. */
export const HEALTH_WINDOW_PHRASES: Record<HealthWindow, string> = {
  '1h': 'in the last hour',
  '24h': 'in the last 24 hours',
  '7d': 'in the last 7 days',
  '30d': 'in the last 30 days',
};

export function healthWindowFrom(value: string | null): HealthWindow {
  return HEALTH_WINDOWS.find((window) => window === value) ?? DEFAULT_HEALTH_WINDOW;
}

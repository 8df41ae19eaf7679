/**
 * Series colours of the health charts: the stylesheet's good / danger / caution, and the accent for
 * latency, each at least 3:1 against the chart's white (WCAG 2.1 AA for graphics, 1.4.11; proved in
 * healthChartColours.spec.ts). p50 is also dashed, so the three latency lines differ by more than shade.
 */
export const HEALTH_COLOURS = {
  succeeded: '#1f6b45',
  failed: '#a3282e',
  deadLettered: '#5e1a2e',
  retried: '#9a6700',
  errorRate: '#a3282e',
  retryRate: '#9a6700',
  p50: '#5f86a8',
  p95: '#325a7a',
  p99: '#1d2430',
} as const;

export const P50_DASH = '6 3';

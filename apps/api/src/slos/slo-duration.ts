import { parseDuration, type Slo } from '@roundhouse/contracts';

/** The SLO window (default `30d`) in milliseconds. */
export function sloWindowMs(slo: Pick<Slo, 'window'>): number {
  return parseDuration(slo.window);
}

/** The latency bound or maximum age in milliseconds, or null for SLOs without one (success rate, backlog). */
export function sloThresholdMs(slo: Pick<Slo, 'threshold'>): number | null {
  return slo.threshold === undefined ? null : parseDuration(slo.threshold);
}

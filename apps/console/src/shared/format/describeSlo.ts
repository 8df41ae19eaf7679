import type { SloIndicator } from '@/gql/graphql';
import { formatNumber } from './numbers';

export interface SloObjective {
  indicator: SloIndicator;
  objective: number;
  threshold?: string | null;
  percentile?: number | null;
  maxBacklog?: number | null;
  window: string;
}

/**
 * The objective in plain words, e.g. "95% of runs under 15m over 30d". Durations are kept as the
 * owner wrote them (15m, 30d): that is how they appear in the catalog file too.
 */
export function describeSloObjective(slo: SloObjective): string {
  const percent = `${formatNumber(slo.objective)}%`;
  const over = `over ${slo.window}`;
  const threshold = slo.threshold ?? '?';
  switch (slo.indicator) {
    case 'success_rate':
      return `${percent} of runs succeed ${over}`;
    case 'latency':
      return `${percent} of runs under ${threshold} ${over}`;
    case 'freshness':
      return `${percent} of the time, the last success is under ${threshold} old, ${over}`;
    case 'dead_letter_backlog':
      return `${percent} of the time, at most ${slo.maxBacklog ?? '?'} dead letters pending, ${over}`;
    case 'dead_letter_age':
      return `${percent} of the time, the oldest dead letter is under ${threshold} old, ${over}`;
  }
}

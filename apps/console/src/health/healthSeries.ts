import type { AutomationHealthQuery } from '@/gql/graphql';
import { formatDay, formatDayTime, formatTime } from '@/shared/format/dates';

export type AutomationHealth = AutomationHealthQuery['automationHealth'];
type HealthPoint = AutomationHealth['series'][number];

/** One bucket, shaped for the charts: time as a number, rates as percentages. */
export interface ChartPoint {
  time: number;
  throughput: number;
  succeeded: number;
  failed: number;
  deadLettered: number;
  retried: number;
  errorPercent: number | null;
  retryPercent: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
}

const toPercent = (rate: number | null) => (rate === null ? null : rate * 100);

export function toChartPoints(series: readonly HealthPoint[]): ChartPoint[] {
  return series
    .map((point) => ({
      time: new Date(point.at).getTime(),
      throughput: point.throughput,
      succeeded: point.succeeded,
      failed: point.failed,
      deadLettered: point.deadLettered,
      retried: point.retried,
      errorPercent: toPercent(point.errorRate),
      retryPercent: toPercent(point.retryRate),
      p50Ms: point.p50Ms,
      p95Ms: point.p95Ms,
      p99Ms: point.p99Ms,
    }))
    .sort((a, b) => a.time - b.time);
}

const BUCKET_MS: Record<string, number> = { '1m': 60_000, '5m': 300_000, '15m': 900_000, '1h': 3_600_000, '6h': 21_600_000, '1d': 86_400_000 };

/** How long one bucket lasts, from the api's bucket name (1m, 5m, 15m, 1h, 6h, 1d). */
export function bucketMs(bucket: string): number {
  return BUCKET_MS[bucket] ?? 3_600_000;
}

/** Axis labels fit the span: times within a day, days and times within a week, days beyond. */
export function tickFormatter(healthWindow: string): (time: number) => string {
  switch (healthWindow) {
    case '1h':
    case '24h':
      return (time) => formatTime(time);
    case '7d':
      return (time) => formatDayTime(time);
    default:
      return (time) => formatDay(time);
  }
}

/** "27 Nov, 08:00 – 08:05": the bucket a chart tooltip is about. */
export function describeBucket(time: number, bucket: string): string {
  const end = time + bucketMs(bucket);
  if (bucket === '1d') {
    return formatDay(time);
  }
  return `${formatDayTime(time)} – ${formatTime(end)}`;
}

/** Whether the automation has never reported anything Roundhouse can show. */
export function hasNeverReported(health: AutomationHealth): boolean {
  return health.throughput === 0 && health.lastSuccessAt === null && health.lastHeartbeatAt === null && health.series.every((point) => point.throughput === 0);
}

import type { DeadLetterV1, IngestEventV2 } from '@roundhouse/contracts';
import type { AppConfig } from '../config/app.config.js';

const SECOND_MS = 1000;
const DAY_MS = 86_400_000;

/**
 * How far an event's times may stray from the server clock: ahead by the clock skew, back by the
 * retention of what the event feeds.
 */
export interface TimestampWindow {
  maxSkewSeconds: number;
  /** Runs, steps, heartbeats and resilience signals: raw runs (whose key and phases keep run replays out), and the event ids that keep other replays out, are kept this long. */
  runRetentionDays: number;
  /** KPI measurements and dead letters: kept with no retention, so backfills and old queues may go back this far. */
  maxAgeDays: number;
}

export function timestampWindow(
  config: Pick<AppConfig, 'ROUNDHOUSE_INGEST_MAX_CLOCK_SKEW_SECONDS' | 'ROUNDHOUSE_RUN_RETENTION_DAYS' | 'ROUNDHOUSE_INGEST_MAX_AGE_DAYS'>,
): TimestampWindow {
  return {
    maxSkewSeconds: config.ROUNDHOUSE_INGEST_MAX_CLOCK_SKEW_SECONDS,
    runRetentionDays: config.ROUNDHOUSE_RUN_RETENTION_DAYS,
    maxAgeDays: config.ROUNDHOUSE_INGEST_MAX_AGE_DAYS,
  };
}

/** Every time an event carries, by field name. */
function timesOf(event: IngestEventV2): [field: string, value: string][] {
  const times: [string, string][] = [['occurredAt', event.occurredAt]];
  if (event.type === 'run_started' || event.type === 'run_finished' || event.type === 'run_failed' || event.type === 'run' || event.type === 'step') {
    times.push(['startedAt', event.startedAt]);
  }
  if (event.type === 'dead_letter' && event.firstFailedAt !== undefined) {
    times.push(['firstFailedAt', event.firstFailedAt]);
  }
  return times;
}

/** How far back this event's times may go, and why, in words. */
function pastBound(event: IngestEventV2, window: TimestampWindow): { days: number; why: string } {
  return event.type === 'kpi_measurement' || event.type === 'dead_letter'
    ? { days: window.maxAgeDays, why: 'ROUNDHOUSE_INGEST_MAX_AGE_DAYS' }
    : { days: window.runRetentionDays, why: 'the run retention, ROUNDHOUSE_RUN_RETENTION_DAYS' };
}

/**
 * Why an event's times fall outside the window, in the quarantine's words (field, value found,
 * what is allowed), or undefined when they are all inside: from `now` minus the retention of what
 * the event feeds to `now` plus the clock skew. A heartbeat from the year 9999 would keep a dead
 * runtime alive forever; a run from before the retention could be counted twice (its event ids
 * are forgotten) — both are quarantined, never applied.
 */
export function timestampProblem(event: IngestEventV2, now: Date, window: TimestampWindow): string | undefined {
  const past = pastBound(event, window);
  const earliest = now.getTime() - past.days * DAY_MS;
  const latest = now.getTime() + window.maxSkewSeconds * SECOND_MS;
  for (const [field, value] of timesOf(event)) {
    const at = Date.parse(value);
    if (!(at >= earliest && at <= latest)) {
      return (
        `${field}: found "${value}"; allowed: a time from ${new Date(earliest).toISOString()} to ${new Date(latest).toISOString()} ` +
        `(at most ${past.days} days back, ${past.why}, and ${window.maxSkewSeconds} s ahead of the server clock, ROUNDHOUSE_INGEST_MAX_CLOCK_SKEW_SECONDS)`
      );
    }
  }
  return undefined;
}

/**
 * A collected dead letter's times, made safe to store. The message is in its dead-letter queue now,
 * so it is a current failure however long ago it died: an old time is kept as the broker wrote it.
 * A time after `now` plus the clock skew (a wrong clock or a forged `x-death`) or before 1970 (no
 * broker writes one) would sit at the top of the workbench or age the backlog forever: it is stored
 * as `now`, the time it was collected. The broker's own headers (`x-death`) are kept as they were.
 */
export function collectedFailureTimes(letter: DeadLetterV1, now: Date, window: TimestampWindow): DeadLetterV1 {
  const latest = now.getTime() + window.maxSkewSeconds * SECOND_MS;
  const plausible = (value: string): boolean => {
    const at = Date.parse(value);
    return at >= 0 && at <= latest;
  };
  const occurredAt = plausible(letter.occurredAt) ? letter.occurredAt : now.toISOString();
  const first = letter.firstFailedAt ?? letter.occurredAt;
  const firstFailedAt = plausible(first) && Date.parse(first) <= Date.parse(occurredAt) ? first : occurredAt;
  return { ...letter, occurredAt, firstFailedAt };
}

// Thirty days of one automation's runs, as the ingest would have stored them in `run`: N attempt
// rows over the 30 days up to `now`, with a working-day rhythm, month-end peaks and a few incidents;
// ~97 % succeeded, the rest retried, failed for good (validation) or dead-lettered after their last
// attempt; log-normal durations; a few runs a person had to touch. Written as COPY text, generated as
// it streams (memory stays bounded: one chunk of rows at a time), with the totals the rollups must
// add up to, counted with the api's own duration buckets.

export const COPY_COLUMNS = [
  'automation_slug',
  'run_id',
  'attempt',
  'started_at',
  'correlation_id',
  'status',
  'finished_at',
  'duration_ms',
  'error_class',
  'error_message',
  'manual_touch',
  'counted',
];

const MINUTE = 60_000;
const DAY = 86_400_000;
const MAX_ATTEMPTS = 4;

/** xorshift32, as apps/demo-runtime/src/random.ts: the dataset repeats for a seed. */
function seeded(seed) {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

function logNormal(r, median, spread) {
  const normal = Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  return median * Math.exp(normal * spread);
}

/** Relative volume of the minute starting at `ms` (UTC): working hours, quiet nights and weekends, month-end close. */
export function minuteWeight(ms) {
  const at = new Date(ms);
  const hour = at.getUTCHours();
  const weekday = at.getUTCDay();
  const hourly = hour >= 7 && hour < 18 ? 1.6 : hour >= 18 && hour < 22 ? 0.6 : 0.25;
  const weekly = weekday === 0 || weekday === 6 ? 0.3 : 1;
  const nextDay = new Date(ms + DAY);
  const daysToMonthEnd = Math.round((Date.UTC(nextDay.getUTCFullYear(), nextDay.getUTCMonth() + 1, 1) - ms) / DAY);
  const monthEnd = daysToMonthEnd <= 3 || at.getUTCDate() === 1 ? 1.8 : 1;
  return hourly * weekly * monthEnd;
}

const FAILURES = {
  timeout: { errorClass: 'TimeoutError', message: () => 'NetSuite createInvoice did not answer within 30000 ms' },
  rateLimit: { errorClass: 'RateLimitError', message: (r) => `NetSuite answered 429 Too Many Requests (concurrency limit ${r() < 0.5 ? 25 : 15} reached)` },
  validation: {
    errorClass: 'ValidationError',
    message: (r) =>
      [
        'Avalara rejected the quote: ship-to address has no postal code',
        'Quote line 3 has no tax code for subsidiary Northwind GmbH',
        'Billing contact has no email address; the invoice cannot be sent',
        'Opportunity currency CHF is not enabled on the NetSuite subsidiary',
      ][Math.floor(r() * 4)],
  },
};

/**
 * The dataset: `rows` attempt rows of `slug` started in [now − days, now), `now` a whole minute.
 * `bucketOf` is the api's duration bucket (apps/api/src/runs/duration-histogram.ts), for the totals.
 */
export function generateRuns({ slug, rows, seed, now, days, bucketOf, buckets, chunkRows = 5_000 }) {
  const r = seeded(seed);
  const start = now - days * DAY;
  const minutes = days * 1440;

  // Rows per minute: the rhythm's share of N, exactly N in all.
  const weights = new Float64Array(minutes);
  let weightSum = 0;
  for (let m = 0; m < minutes; m += 1) {
    weights[m] = minuteWeight(start + m * MINUTE);
    weightSum += weights[m];
  }

  // Incidents: NetSuite or Avalara struggling for 25 minutes to 3 hours; failures and durations rise.
  const incidents = [0.12, 0.41, 0.66, 0.93].map((f) => {
    const from = start + Math.floor(f * (minutes - 240)) * MINUTE;
    return { from, to: from + Math.round(25 + r() * 155) * MINUTE };
  });
  const inIncident = (ms) => incidents.some((i) => ms >= i.from && ms < i.to);

  const counts = { rows: 0, runs: 0, status: {}, manualTouches: 0, ended: 0, histogram: new Array(buckets).fill(0) };
  const count = (status, durationMs, manualTouch) => {
    counts.rows += 1;
    counts.status[status] = (counts.status[status] ?? 0) + 1;
    if (status !== 'running') {
      counts.histogram[bucketOf(durationMs)] += 1;
      counts.manualTouches += manualTouch ? 1 : 0;
    }
  };

  const iso = (ms) => new Date(ms).toISOString();
  const esc = (text) => text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n');

  /** One attempt's outcome: succeeded, retrying (dead-lettered when it was the last), or failed for good. */
  function outcome(attempt, incident, transientBefore) {
    // The first attempt fails now and then; once it has, the trouble often persists.
    const pTransient = transientBefore ? (incident ? 0.7 : 0.35) : incident ? 0.3 : 0.016;
    const roll = r();
    if (roll < pTransient) {
      const failure = r() < 0.6 ? FAILURES.timeout : FAILURES.rateLimit;
      const durationMs = failure === FAILURES.timeout ? 30_000 + Math.floor(r() * 400) : Math.round(logNormal(r, 900, 0.4));
      return { status: attempt === MAX_ATTEMPTS ? 'dead_lettered' : 'retrying', failure, durationMs, manualTouch: false };
    }
    if (roll < pTransient + 0.005) {
      return { status: 'failed', failure: FAILURES.validation, durationMs: Math.round(logNormal(r, 2_500, 0.5)), manualTouch: r() < 0.6 };
    }
    const durationMs = Math.max(1, Math.round(logNormal(r, incident ? 380_000 : 150_000, 0.75)));
    return { status: 'succeeded', failure: null, durationMs, manualTouch: r() < 0.003 };
  }

  /** One logical run: its attempts as COPY lines, at most `room` of them. */
  function run(startedAt, index, room, lines) {
    const runId = `ig-${index.toString(36)}`;
    const correlationId = `deal-SF-006${(4_000_000 + index).toString(36)}`;
    const incident = inIncident(startedAt);
    let at = startedAt;
    let emitted = 0;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS && emitted < room && at < now; attempt += 1) {
      const { status, failure, durationMs, manualTouch } = outcome(attempt, incident, attempt > 1);
      const finishedAt = at + durationMs;
      emitted += 1;
      if (finishedAt >= now) {
        // Still running when the dataset ends.
        lines.push(`${slug}\t${runId}\t${attempt}\t${iso(at)}\t${correlationId}\trunning\t\\N\t\\N\t\\N\t\\N\tf\tf`);
        count('running', 0, false);
        break;
      }
      const error = failure === null ? '\\N\t\\N' : `${failure.errorClass}\t${esc(failure.message(r))}`;
      lines.push(`${slug}\t${runId}\t${attempt}\t${iso(at)}\t${correlationId}\t${status}\t${iso(finishedAt)}\t${durationMs}\t${error}\t${manualTouch ? 't' : 'f'}\tt`);
      count(status, durationMs, manualTouch);
      if (status !== 'retrying') {
        break;
      }
      // The broker redelivers after a back-off: 30 s, 60 s, 120 s, with jitter.
      at = finishedAt + 30_000 * 2 ** (attempt - 1) + Math.floor(r() * 5_000);
    }
    return emitted;
  }

  function* chunks() {
    let lines = [];
    let cumulative = 0;
    let planned = 0;
    let index = 0;
    for (let m = 0; m < minutes; m += 1) {
      cumulative += weights[m];
      // Rows this minute's runs may add, with what earlier minutes could not place carried over.
      const target = m === minutes - 1 ? rows : Math.round((rows * cumulative) / weightSum);
      const minuteStart = start + m * MINUTE;
      while (counts.rows < target) {
        const startedAt = minuteStart + Math.floor(r() * MINUTE);
        const emitted = run(startedAt, index, target - counts.rows, lines);
        index += 1;
        counts.runs += 1;
        planned += emitted;
        if (lines.length >= chunkRows) {
          yield `${lines.join('\n')}\n`;
          lines = [];
        }
      }
    }
    if (lines.length > 0) {
      yield `${lines.join('\n')}\n`;
    }
    if (planned !== rows) {
      throw new Error(`generated ${planned} rows, expected ${rows}`);
    }
  }

  return { chunks, counts, incidents, start };
}

/** KPI measurements of a measurement KPI: one every `everyMinutes` over [start, now), near `level` with noise. */
export function generateMeasurements({ slug, kpi, start, now, everyMinutes, level, seed }) {
  const r = seeded(seed);
  const ids = [];
  const values = [];
  const at = [];
  for (let ms = start; ms < now; ms += everyMinutes * MINUTE) {
    ids.push(`bench-${kpi}-${ms}`);
    values.push(Math.round(logNormal(r, level, 0.35) * 100) / 100);
    at.push(new Date(ms).toISOString());
  }
  return { slug, kpi, ids, values, at };
}

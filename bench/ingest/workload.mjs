// The benchmark's workload: attempts of finance-ops automations over the last hours, as ingest
// events (cut into gzip'd request bodies) and as the `run` rows they must become (as COPY text).
//
// Everything but the ids comes from a seeded generator, so a seed gives the same shape of work
// every time. Ids (run ids, event ids) are random UUIDs: a 32-bit seeded generator would repeat
// some among 100,000 of them, and ids must be unique.
import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';

/** Automations of team finance-ops in catalog/, with how they behave. */
const AUTOMATIONS = [
  {
    slug: 'invoice-generation',
    share: 0.5,
    medianMs: 1800,
    spread: 0.6,
    manualTouchRate: 0.02,
    correlationId: (random) => `SO-${400000 + Math.floor(random() * 100000)}`,
    errors: [
      ['NetSuiteRateLimitError', 'NetSuite answered 429 Too Many Requests on POST /record/v1/invoice'],
      ['TimeoutError', 'NetSuite did not answer within 30 s'],
      ['ValidationError', 'Sales order has no billing address; the invoice cannot be created'],
    ],
  },
  {
    slug: 'payout-reconciliation',
    share: 0.3,
    medianMs: 12000,
    spread: 0.8,
    manualTouchRate: 0.01,
    correlationId: (random) =>
      `po_${Math.floor(random() * 36 ** 8)
        .toString(36)
        .padStart(8, '0')}`,
    errors: [
      ['StripeApiError', 'Stripe answered 500 on GET /v1/balance_transactions'],
      ['BalanceMismatchError', 'The payout differs from the bank statement line by 12.40 EUR'],
    ],
  },
  {
    slug: 'dunning-reminders',
    share: 0.2,
    medianMs: 700,
    spread: 0.5,
    manualTouchRate: 0,
    correlationId: (random) => `CUST-${10000 + Math.floor(random() * 90000)}`,
    errors: [
      ['SalesforceAuthError', 'Salesforce answered INVALID_SESSION_ID: the session expired'],
      ['SmtpError', '550 5.1.1 mailbox unavailable'],
    ],
  },
];

/** Shares of attempt outcomes. */
export const OUTCOME_SHARES = { succeeded: 0.9, retrying: 0.07, failed: 0.03 };

/** The columns of `run` that the benchmark fills, in COPY order. */
export const RUN_COLUMNS = [
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

/** mulberry32: a small seeded generator of numbers in [0, 1). */
function seeded(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A log-normal duration in whole ms around `medianMs`. */
function duration(random, medianMs, spread) {
  const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return Math.max(1, Math.round(medianMs * Math.exp(spread * normal)));
}

function pickAutomation(random) {
  let x = random();
  for (const automation of AUTOMATIONS) {
    x -= automation.share;
    if (x < 0) {
      return automation;
    }
  }
  return AUTOMATIONS[AUTOMATIONS.length - 1];
}

/** Exactly the shares of OUTCOME_SHARES over `count` attempts, in seeded random order. */
function outcomes(count, random) {
  const retrying = Math.round(count * OUTCOME_SHARES.retrying);
  const failed = Math.round(count * OUTCOME_SHARES.failed);
  const list = [...Array(retrying).fill('retrying'), ...Array(failed).fill('failed'), ...Array(count - retrying - failed).fill('succeeded')];
  for (let i = list.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}

/**
 * `attempts` attempts (one `run` row each) starting over the `hours` before `now`. An attempt that
 * ends `retrying` is followed by the next attempt of the same run after a backoff (30 s, 60 s, …),
 * so some runs have several attempts; each attempt is two events, its start and its end.
 */
export function generateWorkload({ attempts, hours, seed, now = Date.now() }) {
  const random = seeded(seed);
  const statuses = outcomes(attempts, random);
  const windowStart = now - hours * 3_600_000;
  const windowMs = Math.max(60_000, hours * 3_600_000 - 20 * 60_000); // room for retries and long attempts before now
  const rows = [];
  const events = [];
  let retryOf = null;
  let runs = 0;
  for (const status of statuses) {
    let run;
    if (retryOf === null) {
      const automation = pickAutomation(random);
      run = { automation, runId: randomUUID(), attempt: 1, correlationId: automation.correlationId(random), startedAt: windowStart + Math.floor(random() * windowMs) };
      runs += 1;
    } else {
      run = { ...retryOf, attempt: retryOf.attempt + 1, startedAt: retryOf.finishedAt + Math.min(900_000, 30_000 * 2 ** (retryOf.attempt - 1)) };
    }
    const { automation } = run;
    const durationMs = duration(random, automation.medianMs, automation.spread);
    const finishedAt = run.startedAt + durationMs;
    const [errorClass, errorMessage] = status === 'succeeded' ? [null, null] : automation.errors[Math.floor(random() * automation.errors.length)];
    const manualTouch = status === 'succeeded' && random() < automation.manualTouchRate;
    const startedAtIso = new Date(run.startedAt).toISOString();
    const finishedAtIso = new Date(finishedAt).toISOString();
    rows.push({
      automation: automation.slug,
      runId: run.runId,
      attempt: run.attempt,
      startedAt: startedAtIso,
      correlationId: run.correlationId,
      status,
      finishedAt: finishedAtIso,
      durationMs,
      errorClass,
      errorMessage,
      manualTouch,
    });

    const common = { automation: automation.slug, runId: run.runId, attempt: run.attempt, correlationId: run.correlationId, startedAt: startedAtIso };
    events.push({ id: randomUUID(), type: 'run_started', occurredAt: startedAtIso, ...common });
    events.push(
      status === 'succeeded'
        ? { id: randomUUID(), type: 'run_finished', occurredAt: finishedAtIso, ...common, durationMs, manualTouch }
        : { id: randomUUID(), type: 'run_failed', occurredAt: finishedAtIso, ...common, durationMs, manualTouch, errorClass, errorMessage, outcome: status },
    );
    retryOf = status === 'retrying' ? { ...run, finishedAt } : null;
  }
  // A runtime reports as things happen: the stream is in time order (a start and its end may land in
  // different requests, and concurrent clients may deliver an end before its start).
  const order = events.map((event, index) => ({ at: Date.parse(event.occurredAt), index }));
  order.sort((a, b) => a.at - b.at || a.index - b.index);
  return { rows, events: order.map(({ index }) => events[index]), runs, automations: AUTOMATIONS.map((a) => a.slug) };
}

/**
 * The reported events cut into requests of at most `batchSize` events, as a runtime sends them:
 * `sdk` cuts them as the SDK does (its own `batchEvents`: an attempt whose start and end fall into
 * one request goes out as one `run` event, to /ingest/v2/events); `v1` sends every event as
 * reported, start and end apart (a runtime speaking version 1 without the SDK).
 */
export function requestEvents(events, batchSize, shape, batchEvents) {
  if (shape === 'sdk') {
    return batchEvents(events, batchSize);
  }
  const batches = [];
  for (let start = 0; start < events.length; start += batchSize) {
    batches.push(events.slice(start, start + batchSize));
  }
  return batches;
}

/** Each request's events as its body: a JSON array, gzip'd. */
export function encodeBatches(requests) {
  return requests.map((events) => {
    const json = Buffer.from(JSON.stringify(events));
    return { events: events.length, jsonBytes: json.length, body: gzipSync(json) };
  });
}

function copyText(value) {
  if (value === null) {
    return '\\N';
  }
  return String(value).replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]);
}

/** The rows in COPY's text format (RUN_COLUMNS order), as chunks of about 64 KiB. */
export function encodeCopyRows(rows) {
  const chunks = [];
  let lines = [];
  let size = 0;
  for (const r of rows) {
    const line = `${[r.automation, r.runId, r.attempt, r.startedAt, r.correlationId, r.status, r.finishedAt, r.durationMs, r.errorClass, r.errorMessage].map(copyText).join('\t')}\t${r.manualTouch ? 't' : 'f'}\tt\n`;
    lines.push(line);
    size += line.length;
    if (size >= 65_536) {
      chunks.push(Buffer.from(lines.join('')));
      lines = [];
      size = 0;
    }
  }
  if (lines.length > 0) {
    chunks.push(Buffer.from(lines.join('')));
  }
  return chunks;
}

/** How many attempts of each status the rows hold. */
export function statusCounts(rows) {
  const counts = {};
  for (const row of rows) {
    counts[row.status] = (counts[row.status] ?? 0) + 1;
  }
  return counts;
}

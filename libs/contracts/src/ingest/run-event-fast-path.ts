import { SLUG_PATTERN } from '../catalog/common.js';
import { EVENT_ID_PATTERN, runFailedV1, runFinishedV1, runStartedV1, type RunEventV1 } from './ingest-event.v1.js';
import { RUN_OUTCOMES, runV2, type RunEventV2 } from './ingest-event.v2.js';

/**
 * A compiled check of the hot event shapes (run_started, run_finished, run_failed and, in version
 * 2, run, without a reprocessId), for the ingest's inner loop: field by field, no schema walk, no error objects.
 *
 * It only ever vouches for an event the schema itself accepts, with the same output (defaults
 * filled in); anything it does not vouch for — an invalid event, another type, a field it does not
 * check — comes back `undefined` and goes through the schema, which decides and says why. Its own
 * tests hold it to the schema on valid and invalid events alike, and it switches itself off if the
 * schema gains or loses a field it does not know.
 */

type Check = (value: unknown) => boolean;

/** The schema's own pattern for timestamps (ISO 8601 with an offset), read from it so the two never differ. */
function patternOf(schema: unknown): RegExp | undefined {
  const pattern = (schema as { _zod?: { pattern?: unknown } } | undefined)?._zod?.pattern;
  return pattern instanceof RegExp ? pattern : undefined;
}

const TIMESTAMP = patternOf(runStartedV1.shape.startedAt);

const text =
  (min: number, max: number, pattern?: RegExp): Check =>
  (value) =>
    typeof value === 'string' && value.length >= min && value.length <= max && (pattern === undefined || pattern.test(value));
const timestamp: Check = (value) => typeof value === 'string' && TIMESTAMP !== undefined && TIMESTAMP.test(value);
const integer =
  (min: number, max: number): Check =>
  (value) =>
    typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max;
const optional =
  (check: Check): Check =>
  (value) =>
    value === undefined || check(value);
const oneOf =
  (...allowed: readonly string[]): Check =>
  (value) =>
    typeof value === 'string' && allowed.includes(value);
/** A field the fast path leaves to the schema: present means "not vouched for". */
const absent: Check = (value) => value === undefined;

const base: Record<string, Check> = {
  id: text(8, 128, EVENT_ID_PATTERN),
  automation: text(2, 63, SLUG_PATTERN),
  occurredAt: timestamp,
  runId: text(1, 200),
  attempt: optional(integer(1, 1000)),
  correlationId: optional(text(1, 200)),
  startedAt: timestamp,
  reprocessId: absent,
};
const ended: Record<string, Check> = { ...base, durationMs: integer(0, 7 * 24 * 3600 * 1000), manualTouch: optional((v) => typeof v === 'boolean') };

const CHECKS: Record<RunEventV2['type'], ReadonlyMap<string, Check>> = {
  run_started: new Map(Object.entries({ ...base, type: oneOf('run_started') })),
  run_finished: new Map(Object.entries({ ...ended, type: oneOf('run_finished') })),
  run_failed: new Map(
    Object.entries({ ...ended, type: oneOf('run_failed'), errorClass: text(1, 200), errorMessage: text(0, 4000), outcome: oneOf('retrying', 'failed', 'dead_lettered') }),
  ),
  run: new Map(Object.entries({ ...ended, type: oneOf('run'), errorClass: optional(text(1, 200)), errorMessage: optional(text(0, 4000)), outcome: oneOf(...RUN_OUTCOMES) })),
};

/** Whether every check names exactly the schema's fields: otherwise the fast path stays off. */
function sameFields(checks: ReadonlyMap<string, Check>, shape: Record<string, unknown>): boolean {
  const ours = [...checks.keys()].sort();
  const theirs = Object.keys(shape).sort();
  return ours.length === theirs.length && ours.every((key, i) => key === theirs[i]);
}

/** Whether the fast path is on: the schema's timestamp pattern was found and every field is checked. */
export const RUN_EVENT_FAST_PATH_ON =
  TIMESTAMP !== undefined &&
  sameFields(CHECKS.run_started, runStartedV1.shape) &&
  sameFields(CHECKS.run_finished, runFinishedV1.shape) &&
  sameFields(CHECKS.run_failed, runFailedV1.shape) &&
  sameFields(CHECKS.run, runV2.shape);

/** The fields checked one by one; the error fields of a `run` also have to match its outcome (the schema's refinement). */
function vouch(event: Record<string, unknown>, checks: ReadonlyMap<string, Check>): boolean {
  for (const key of Object.keys(event)) {
    const check = checks.get(key);
    if (check === undefined || !check(event[key])) {
      return false;
    }
  }
  for (const [key, check] of checks) {
    if (!Object.hasOwn(event, key) && !check(undefined)) {
      return false;
    }
  }
  if (event.type === 'run') {
    const plain = event.errorClass === undefined && event.errorMessage === undefined;
    return (event.outcome === 'succeeded') === plain && (event.errorClass === undefined) === (event.errorMessage === undefined);
  }
  return true;
}

function fastParse(raw: unknown, version: 1 | 2): RunEventV2 | undefined {
  if (!RUN_EVENT_FAST_PATH_ON || raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return undefined;
  }
  const event = raw as Record<string, unknown>;
  const type = event.type;
  const checks = type === 'run_started' || type === 'run_finished' || type === 'run_failed' || (version === 2 && type === 'run') ? CHECKS[type] : undefined;
  if (checks === undefined || !vouch(event, checks)) {
    return undefined;
  }
  const parsed: Record<string, unknown> = { ...event, attempt: event.attempt ?? 1 };
  if (type !== 'run_started') {
    parsed.manualTouch = event.manualTouch ?? false;
  }
  return parsed as unknown as RunEventV2;
}

/**
 * The event as the version 1 schema would parse it, when it is a run event this check can vouch
 * for; otherwise `undefined` (parse it with `ingestEventV1`).
 */
export function fastRunEvent(raw: unknown): RunEventV1 | undefined {
  return fastParse(raw, 1) as RunEventV1 | undefined;
}

/**
 * The event as the version 2 schema would parse it, when it is a run event (`run` included) this
 * check can vouch for; otherwise `undefined` (parse it with `ingestEventV2`).
 */
export function fastRunEventV2(raw: unknown): RunEventV2 | undefined {
  return fastParse(raw, 2);
}

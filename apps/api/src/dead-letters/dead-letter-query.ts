import { DEAD_LETTER_STATUSES, type DeadLetterStatus } from '@roundhouse/contracts';
import { searchQuery } from '../database/search-query.js';

// The dead-letter workbench's shapes and SQL pieces: rows as listed, the filter, the status as read, and the
// filter's conditions (shared with the reprocess snapshot so "everything matching" means what the list shows).

export interface DeadLetterRow {
  id: string;
  automation_slug: string;
  automation_title: string;
  source_kind: string;
  source_queue: string;
  message_id: string;
  fingerprint: string;
  error_class: string;
  error_message: string;
  attempts: number;
  deliveries: number;
  first_failed_at: Date;
  last_failed_at: Date;
  /** last_failed_at to the microsecond, for cursors (a JavaScript Date keeps only milliseconds). */
  last_failed_key: string;
  status: DeadLetterStatus;
  correlation_id: string | null;
  run_id: string | null;
  /** The message's bytes as they came, with their content type and encoding. */
  body: Buffer;
  content_type: string | null;
  content_encoding: string | null;
  headers: Record<string, string>;
  reprocess_of: string | null;
  /** The errors it failed with before its latest one, oldest first. */
  earlier_errors: EarlierError[];
}

/** An error a dead letter failed with before it failed again differently. */
export interface EarlierError {
  errorClass: string;
  errorMessage: string;
  /** When the next error replaced it (ISO). */
  until: string;
}

/** Statuses that wait for a decision: what the workbench's "needs action" view, the dashboard's "waiting" and the SLOs count. */
export const WAITING_STATUSES = ['pending', 'failed_again'] as const;

export interface GroupRow {
  fingerprint: string;
  automation_slug: string;
  automation_title: string;
  error_class: string;
  normalized_message: string;
  sample_message: string;
  source_kind: string;
  source_queue: string;
  total: number;
  pending: number;
  matching: number;
  first_seen: Date;
  last_seen: Date;
  trend: number[];
}

export interface DeadLetterQuery {
  automation?: string;
  fingerprint?: string;
  status?: DeadLetterStatus;
  /** Pending or failed again: waiting for a decision. */
  needsAction?: boolean;
  /** Only dead letters of automations these teams own. */
  teams?: readonly string[];
  /** Dead letters a reprocess request sent back, each as it stands now: the new dead letter when it failed again as a new message. */
  reprocessRequest?: string;
  from?: Date;
  to?: Date;
  search?: string;
}

export interface DeadLetterPosition {
  /** ISO timestamp to the microsecond. */
  lastFailedAt: string;
  id: string;
}

/**
 * The state of the latest ledger item that sends the dead letter (alias `d`) back (not a discard),
 * or NULL: one probe of reprocess_item_dead_letter_idx (dead_letter_id, id DESC) per row, written
 * as a scalar subquery so that PostgreSQL does not hash every item of every request instead.
 */
const latestSend = (alias: string) => `(SELECT i.state FROM reprocess_item i WHERE i.dead_letter_id = ${alias}.id AND i.route <> 'discard' ORDER BY i.id DESC LIMIT 1)`;

/**
 * A dead letter's status (alias `d`) as everyone reads it. The stored status keeps only outcomes
 * (pending, failed again, reprocessed as a new dead letter, resolved, discarded): a request writes
 * only its own ledger, neither when it takes a dead letter (the snapshot) nor when it sends it, so
 * that neither path rewrites a dead letter and every index on the table. While the latest request
 * that took it has not sent it, a dead letter that could be acted on reads `reprocessing`; once the
 * transport confirmed it, `reprocessed` until its outcome is stored (resolved, failed again).
 * Undelivered or cancelled, it reads its stored status again.
 */
export const DEAD_LETTER_STATUS = `CASE WHEN d.status IN ('pending', 'failed_again', 'reprocessed')
  THEN coalesce(CASE ${latestSend('d')} WHEN 'queued' THEN 'reprocessing' WHEN 'dispatched' THEN 'reprocessing' WHEN 'acknowledged' THEN 'reprocessed' END, d.status)
  ELSE d.status END`;

/** The latest send's state (latestSend) as DEAD_LETTER_STATUS tells them apart; `other` is none, or an outcome. */
type LatestSend = 'queued' | 'dispatched' | 'acknowledged' | 'other';
const LATEST_SENDS: readonly LatestSend[] = ['queued', 'dispatched', 'acknowledged', 'other'];

/** What a dead letter stored as `stored` reads as (DEAD_LETTER_STATUS), by its latest send. */
function readAs(stored: DeadLetterStatus, latest: LatestSend): DeadLetterStatus {
  if (stored !== 'pending' && stored !== 'failed_again' && stored !== 'reprocessed') {
    return stored; // reprocessing (stored only by releases before the ledger kept it), resolved, discarded
  }
  if (latest === 'queued' || latest === 'dispatched') {
    return 'reprocessing';
  }
  return latest === 'acknowledged' ? 'reprocessed' : stored;
}

/**
 * The SQL condition (alias `d`) that a dead letter's status, as read (DEAD_LETTER_STATUS), is one of
 * `statuses`; appends its parameters to `params`. The stored status narrows first (an index can
 * serve it); the ledger is probed only for rows whose stored status can read otherwise, and the probe
 * is written as the latest send's state being in (or not in) a list of states, never as a comparison
 * with the whole CASE: PostgreSQL guesses such a list's selectivity from its length (a pending dead
 * letter "not taken by a request" is nearly all of them), where it guessed 0.5% for the CASE and so
 * chose, for a search on the pending list, to read every match through the full-text index and sort.
 */
export function statusCondition(statuses: readonly DeadLetterStatus[], params: unknown[]): string {
  const always: DeadLetterStatus[] = [];
  const probed = new Map<string, DeadLetterStatus[]>(); // the condition on the latest send → the stored statuses it applies to
  for (const stored of DEAD_LETTER_STATUSES) {
    const reading = LATEST_SENDS.filter((latest) => statuses.includes(readAs(stored, latest)));
    if (reading.length === LATEST_SENDS.length) {
      always.push(stored);
    } else if (reading.length > 0) {
      const condition = latestSendIn(reading);
      probed.set(condition, [...(probed.get(condition) ?? []), stored]);
    }
  }
  const terms: string[] = [];
  if (always.length > 0) {
    terms.push(storedIn(always, params));
  }
  for (const [condition, stored] of probed) {
    terms.push(`(${storedIn(stored, params)} AND ${condition})`);
  }
  return terms.length === 0 ? 'false' : terms.length === 1 ? (terms[0] as string) : `(${terms.join(' OR ')})`;
}

/**
 * The stored statuses that can read as one of `statuses` (statusCondition without its ledger probes):
 * a condition an index on `status` serves, true of every dead letter statusCondition selects and of few
 * others. Appends its parameter to `params`.
 */
export function storedStatusCondition(statuses: readonly DeadLetterStatus[], params: unknown[]): string {
  const stored = DEAD_LETTER_STATUSES.filter((status) => LATEST_SENDS.some((latest) => statuses.includes(readAs(status, latest))));
  return stored.length === 0 ? 'false' : storedIn(stored, params);
}

function storedIn(stored: readonly DeadLetterStatus[], params: unknown[]): string {
  params.push(stored.length === 1 ? stored[0] : [...stored]);
  return stored.length === 1 ? `d.status = $${params.length}` : `d.status = ANY ($${params.length}::text[])`;
}

/** The SQL condition that the latest send of `d` is in `latest` (some, not all, of LATEST_SENDS). No parameters. */
function latestSendIn(latest: readonly LatestSend[]): string {
  const named = (states: readonly LatestSend[]) => states.map((state) => `'${state}'`).join(', ');
  return latest.includes('other')
    ? `coalesce(${latestSend('d')}, '') NOT IN (${named(LATEST_SENDS.filter((state) => state !== 'other' && !latest.includes(state)))})`
    : `${latestSend('d')} IN (${named(latest)})`;
}

/**
 * The SQL condition (table alias `alias`) that the latest request to take the dead letter has not
 * sent it yet or does not know its outcome yet (it reads reprocessing or reprocessed). No parameters.
 */
export function takenByRequest(alias: string): string {
  return `coalesce(${latestSend(alias)}, '') IN ('queued', 'dispatched', 'acknowledged')`;
}

/**
 * The SQL condition (table alias `alias`) that a dead letter waits for a decision: pending or failed
 * again, and not taken by a request (takenByRequest). What the workbench's "needs action", the
 * groups, the dashboards' backlog, the SLOs and the retention warnings count. No parameters.
 */
export function waitingCondition(alias: string): string {
  return `(${alias}.status IN ('pending', 'failed_again') AND NOT ${takenByRequest(alias)})`;
}

export const COLUMNS = `d.id::text AS id, d.automation_slug, a.title AS automation_title, d.source_kind, d.source_queue, d.message_id,
  d.fingerprint, d.error_class, d.error_message, d.attempts, d.deliveries, d.first_failed_at, d.last_failed_at, to_char(d.last_failed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS last_failed_key, ${DEAD_LETTER_STATUS} AS status,
  d.correlation_id, d.run_id, d.body, d.content_type, d.content_encoding, d.headers, d.reprocess_of::text AS reprocess_of, d.earlier_errors`;

export const SELECT = `SELECT ${COLUMNS} FROM dead_letter d JOIN automation a ON a.slug = d.automation_slug`;

/**
 * The SQL conditions (on alias `d`) for a workbench filter; appends their parameters to `params`.
 * The reprocess snapshot uses the same conditions, so "everything matching this filter" means
 * exactly what the list shows.
 */
export function deadLetterConditions(query: DeadLetterQuery, params: unknown[]): string[] {
  const where: string[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replaceAll('?', `$${params.length}`));
  };
  if (query.automation !== undefined) {
    add('d.automation_slug = ?', query.automation);
  }
  if (query.fingerprint !== undefined) {
    add('d.fingerprint = ?', query.fingerprint);
  }
  if (query.status !== undefined) {
    where.push(statusCondition([query.status], params));
  }
  if (query.teams !== undefined) {
    add('d.automation_slug IN (SELECT t.slug FROM automation t WHERE t.owner_team = ANY (?::text[]))', [...query.teams]);
  }
  if (query.needsAction === true) {
    where.push(waitingCondition('d'));
  }
  if (query.reprocessRequest !== undefined) {
    add(
      'EXISTS (SELECT 1 FROM reprocess_item i WHERE i.request_id = ?::bigint AND coalesce(i.new_dead_letter_id, i.dead_letter_id) = d.id)',
      /^\d{1,18}$/.test(query.reprocessRequest) ? query.reprocessRequest : '0',
    );
  }
  if (query.from !== undefined) {
    add('d.last_failed_at >= ?', query.from);
  }
  if (query.to !== undefined) {
    add('d.last_failed_at < ?', query.to);
  }
  const tsquery = query.search === undefined ? undefined : searchQuery(query.search);
  if (tsquery !== undefined) {
    // The stored searchable text (error class and message, written at ingest and when the error changes).
    add(`d.search @@ to_tsquery('simple', ?)`, tsquery);
  }
  return where;
}

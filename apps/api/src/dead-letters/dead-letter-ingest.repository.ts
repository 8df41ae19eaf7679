import { Inject, Injectable } from '@nestjs/common';
import type { DeadLetterStatus, DeadLetterV1 } from '@roundhouse/contracts';
import { takenByRequest } from './dead-letter-query.js';
import { errorFingerprint, normalizeErrorMessage } from './fingerprint.js';
import { reportedBody } from './message-body.js';
import { Database, type Transaction } from '../database/database.js';

/** A dead letter seen again with an error, reported at `at`. */
interface NewError {
  id: string;
  automation: string;
  sourceKind: string;
  sourceQueue: string;
  errorClass: string;
  errorMessage: string;
  at: Date | string;
}

/** A dead letter joining the group of `fingerprint`. */
interface GroupEntry {
  fingerprint: string;
  automation: string;
  sourceKind: string;
  sourceQueue: string;
  errorClass: string;
  errorMessage: string;
  at: Date | string;
}

const UUID = /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/i;

/**
 * The dead-letter writes of ingest and the collectors: dead letters reported (stored, grouped, seen again
 * with a new error), the outcomes of the messages a reprocess sent back, and those whose outcome is still awaited.
 */
@Injectable()
export class DeadLetterIngestRepository {
  constructor(@Inject(Database) private readonly db: Database) {}

  /**
   * Stores dead letters reported at ingest, inside its transaction. A message seen before (same
   * automation, queue and message id) is one dead letter seen again; new ones count into their group.
   */
  async store(tx: Transaction, events: readonly DeadLetterV1[]): Promise<void> {
    if (events.length === 0) {
      return;
    }
    // One row per message; several deliveries of it in one batch count as that many deliveries.
    const byMessage = new Map<string, { event: DeadLetterV1; deliveries: number }>();
    for (const event of events) {
      const key = JSON.stringify([event.automation, event.source.queue, event.messageId]);
      byMessage.set(key, { event, deliveries: (byMessage.get(key)?.deliveries ?? 0) + 1 });
    }
    const merged = [...byMessage.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, value]) => value);
    const rows = merged.map((m) => m.event);
    const messages = rows.map(reportedBody);
    const fingerprints = rows.map((e) =>
      errorFingerprint({ automation: e.automation, sourceKind: e.source.kind, sourceQueue: e.source.queue, errorClass: e.errorClass, errorMessage: e.errorMessage }),
    );
    const inserted = await this.db.query<{ id: string; fingerprint: string; status: DeadLetterStatus; inserted: boolean }>(
      `INSERT INTO dead_letter AS d (automation_slug, source_kind, source_queue, source_exchange, source_routing_key, message_id, fingerprint,
          error_class, error_message, attempts, first_failed_at, last_failed_at, body, content_type, content_encoding, headers, correlation_id, run_id, deliveries)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
          $10::int[], $11::timestamptz[], $12::timestamptz[], $13::bytea[], $14::text[], $15::text[], $16::jsonb[], $17::text[], $18::text[], $19::int[])
       ON CONFLICT ON CONSTRAINT dead_letter_message_unique DO UPDATE SET
         deliveries = d.deliveries + EXCLUDED.deliveries,
         attempts = greatest(d.attempts, EXCLUDED.attempts),
         last_failed_at = greatest(d.last_failed_at, EXCLUDED.last_failed_at),
         status = CASE WHEN d.status IN ('reprocessed', 'resolved', 'reprocessing') OR d.status = 'pending' AND ${takenByRequest('d')} THEN 'failed_again' ELSE d.status END
       RETURNING id::text AS id, fingerprint, status, (xmax = 0) AS inserted`,
      [
        rows.map((e) => e.automation),
        rows.map((e) => e.source.kind),
        rows.map((e) => e.source.queue),
        rows.map((e) => e.source.exchange ?? null),
        rows.map((e) => e.source.routingKey ?? null),
        rows.map((e) => e.messageId),
        fingerprints,
        rows.map((e) => e.errorClass),
        rows.map((e) => e.errorMessage),
        rows.map((e) => e.attempts),
        rows.map((e) => e.firstFailedAt ?? e.occurredAt),
        rows.map((e) => e.occurredAt),
        messages.map((m) => m.body.bytes),
        messages.map((m) => m.body.contentType),
        messages.map((m) => m.body.contentEncoding),
        messages.map((m) => JSON.stringify(m.headers)),
        rows.map((e) => e.correlationId ?? null),
        rows.map((e) => e.runId ?? null),
        merged.map((m) => m.deliveries),
      ],
      tx,
    );
    await this.closeFailedReprocesses(tx, rows, inserted);
    const fresh: GroupEntry[] = [];
    const seenAgain: NewError[] = [];
    inserted.forEach((row, index) => {
      const event = rows[index];
      if (event === undefined) {
        return;
      }
      const entry = {
        automation: event.automation,
        sourceKind: event.source.kind,
        sourceQueue: event.source.queue,
        errorClass: event.errorClass,
        errorMessage: event.errorMessage,
        at: event.occurredAt,
      };
      if (row.inserted) {
        fresh.push({ ...entry, fingerprint: row.fingerprint });
      } else {
        seenAgain.push({ ...entry, id: row.id });
      }
    });
    await this.countIntoGroups(tx, fresh);
    await this.recordNewErrors(tx, seenAgain);
  }

  /**
   * A dead letter seen again with another error now reads its newest one: a message that failed again
   * after a reprocess moves to the group of the error it failed with this time (counted into it), and
   * the error it had is kept in its earlier errors. An older report arriving late changes nothing.
   */
  private async recordNewErrors(tx: Transaction, errors: readonly NewError[]): Promise<void> {
    if (errors.length === 0) {
      return;
    }
    const fingerprints = errors.map((e) => errorFingerprint(e));
    const moved = await this.db.query<{
      fingerprint: string;
      automation_slug: string;
      source_kind: string;
      source_queue: string;
      error_class: string;
      error_message: string;
      at: Date;
    }>(
      `WITH x AS (
         SELECT u.id, u.fingerprint, u.error_class, u.error_message, u.at, d.fingerprint AS was
           FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::timestamptz[]) AS u(id, fingerprint, error_class, error_message, at)
           JOIN dead_letter d ON d.id = u.id
       ), moved AS (
       UPDATE dead_letter d SET
         fingerprint = x.fingerprint,
         error_class = x.error_class,
         error_message = x.error_message,
         last_failed_at = greatest(d.last_failed_at, x.at),
         earlier_errors = CASE WHEN x.was = x.fingerprint THEN d.earlier_errors
           ELSE d.earlier_errors || jsonb_build_array(jsonb_build_object('errorClass', d.error_class, 'errorMessage', d.error_message, 'until', x.at)) END
         FROM x
        WHERE d.id = x.id AND x.at >= d.last_failed_at AND (d.error_class, d.error_message) IS DISTINCT FROM (x.error_class, x.error_message)
       RETURNING CASE WHEN x.was <> x.fingerprint THEN d.fingerprint END AS fingerprint, d.automation_slug, d.source_kind, d.source_queue, d.error_class, d.error_message, x.at
       )
       SELECT * FROM moved`,
      [errors.map((e) => e.id), fingerprints, errors.map((e) => e.errorClass), errors.map((e) => e.errorMessage), errors.map((e) => e.at)],
      tx,
    );
    await this.countIntoGroups(
      tx,
      moved
        .filter((row) => row.fingerprint !== null)
        .map((row) => ({
          fingerprint: row.fingerprint,
          automation: row.automation_slug,
          sourceKind: row.source_kind,
          sourceQueue: row.source_queue,
          errorClass: row.error_class,
          errorMessage: row.error_message,
          at: row.at,
        })),
    );
  }

  /** Counts dead letters that joined groups (new ones, or ones that moved to their new error) into them, creating groups first seen. */
  private async countIntoGroups(tx: Transaction, entries: readonly GroupEntry[]): Promise<void> {
    const byFingerprint = new Map<string, { entry: GroupEntry; count: number }>();
    for (const entry of entries) {
      byFingerprint.set(entry.fingerprint, { entry, count: (byFingerprint.get(entry.fingerprint)?.count ?? 0) + 1 });
    }
    if (byFingerprint.size === 0) {
      return;
    }
    const groups = [...byFingerprint.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, g]) => g);
    await this.db.query(
      `INSERT INTO dead_letter_group AS g (fingerprint, automation_slug, error_class, normalized_message, sample_message, source_kind, source_queue, total, first_seen, last_seen)
       SELECT f, a, c, n, m, k, q, t, s, s FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $9::timestamptz[]) AS x(f, a, c, n, m, k, q, t, s)
       ON CONFLICT (fingerprint) DO UPDATE SET
         total = g.total + EXCLUDED.total,
         first_seen = least(g.first_seen, EXCLUDED.first_seen),
         last_seen = greatest(g.last_seen, EXCLUDED.last_seen),
         sample_message = EXCLUDED.sample_message`,
      [
        groups.map((g) => g.entry.fingerprint),
        groups.map((g) => g.entry.automation),
        groups.map((g) => g.entry.errorClass),
        groups.map((g) => normalizeErrorMessage(g.entry.errorMessage)),
        groups.map((g) => g.entry.errorMessage),
        groups.map((g) => g.entry.sourceKind),
        groups.map((g) => g.entry.sourceQueue),
        groups.map((g) => g.count),
        groups.map((g) => g.entry.at),
      ],
      tx,
    );
  }

  /**
   * A reprocessed message that fails again closes its ledger item as failed: either it comes back
   * as the same dead letter (same message id: a broker redelivery), or the runtime reports a new
   * dead letter carrying the reprocess id — then the new one links to the one it failed again from
   * and is the one that failed again (waiting, under its own error); the old one was reprocessed and
   * is not counted twice.
   */
  private async closeFailedReprocesses(
    tx: Transaction,
    events: readonly DeadLetterV1[],
    stored: readonly { id: string; status: DeadLetterStatus; inserted: boolean }[],
  ): Promise<void> {
    const keyed = events
      .map((event, index) => ({ reprocessId: event.reprocessId, id: stored[index]?.id }))
      .filter((k): k is { reprocessId: string; id: string } => k.id !== undefined && k.reprocessId !== undefined && UUID.test(k.reprocessId));
    const cameBack = stored.filter((row) => !row.inserted && row.status === 'failed_again').map((row) => row.id);
    if (keyed.length === 0 && cameBack.length === 0) {
      return;
    }
    await this.db.query(
      `WITH failed AS (
         SELECT i.id AS item_id, i.dead_letter_id AS old_id, x.new_id
           FROM unnest($1::uuid[], $2::bigint[]) AS x(reprocess_id, new_id) JOIN reprocess_item i ON i.reprocess_id = x.reprocess_id
         UNION
         SELECT i.id, i.dead_letter_id, i.dead_letter_id
           FROM reprocess_item i WHERE i.dead_letter_id = ANY($3::bigint[]) AND i.state IN ('dispatched', 'acknowledged')
       ), closed AS (
         UPDATE reprocess_item i SET state = 'failed', finished_at = now(), new_dead_letter_id = f.new_id, last_error = 'failed again'
           FROM failed f WHERE i.id = f.item_id AND i.state IN ('dispatched', 'acknowledged')
         RETURNING f.old_id, f.new_id
       ), old AS (
         UPDATE dead_letter d SET status = 'reprocessed' WHERE d.id = ANY (ARRAY(SELECT old_id FROM closed WHERE old_id <> new_id)) AND d.status IN ('pending', 'reprocessing', 'reprocessed', 'failed_again')
       )
       UPDATE dead_letter d SET reprocess_of = c.old_id, status = 'failed_again' FROM closed c WHERE d.id = c.new_id AND c.old_id <> c.new_id AND d.id = ANY (ARRAY(SELECT new_id FROM closed))`,
      [keyed.map((k) => k.reprocessId), keyed.map((k) => k.id), cameBack],
      tx,
    );
  }

  /**
   * Runs that handled a reprocessed message close its ledger item: a success resolves the dead
   * letter; a run that gave up without parking the message again marks it failed again, under the
   * error the run failed with.
   */
  async recordReprocessRuns(tx: Transaction, succeeded: readonly string[], gaveUp: readonly { reprocessId: string; errorClass: string; errorMessage: string }[]): Promise<void> {
    const ok = succeeded.filter((id) => UUID.test(id));
    const failed = gaveUp.filter((f) => UUID.test(f.reprocessId));
    if (ok.length === 0 && failed.length === 0) {
      return;
    }
    const closed = await this.db.query<{ id: string; automation_slug: string; source_kind: string; source_queue: string; reprocess_id: string; ok: boolean }>(
      `WITH outcome AS (
         SELECT x.reprocess_id, x.ok, x.error FROM unnest($1::uuid[], $2::boolean[], $3::text[]) AS x(reprocess_id, ok, error)
       ), done AS (
         UPDATE reprocess_item i SET state = CASE WHEN o.ok THEN 'succeeded' ELSE 'failed' END, finished_at = now(), last_error = o.error
           FROM outcome o WHERE i.reprocess_id = o.reprocess_id AND i.state IN ('dispatched', 'acknowledged')
         RETURNING i.dead_letter_id, i.reprocess_id, o.ok
       ), closed AS (
         UPDATE dead_letter d SET status = CASE WHEN done.ok THEN 'resolved' ELSE 'failed_again' END
           FROM done WHERE d.id = done.dead_letter_id AND d.id = ANY (ARRAY(SELECT dead_letter_id FROM done)) AND d.status IN ('pending', 'reprocessing', 'reprocessed', 'failed_again')
         RETURNING d.id::text AS id, d.automation_slug, d.source_kind, d.source_queue, done.reprocess_id::text AS reprocess_id, done.ok
       )
       SELECT * FROM closed`,
      [
        [...ok, ...failed.map((f) => f.reprocessId)],
        [...ok.map(() => true), ...failed.map(() => false)],
        [...ok.map(() => null), ...failed.map((f) => `${f.errorClass}: ${f.errorMessage}`.slice(0, 1000))],
      ],
      tx,
    );
    const errors = new Map(failed.map((f) => [f.reprocessId.toLowerCase(), f]));
    const at = new Date();
    await this.recordNewErrors(
      tx,
      closed.flatMap((row) => {
        const error = row.ok ? undefined : errors.get(row.reprocess_id);
        return error === undefined
          ? []
          : [
              {
                id: row.id,
                automation: row.automation_slug,
                sourceKind: row.source_kind,
                sourceQueue: row.source_queue,
                errorClass: error.errorClass,
                errorMessage: error.errorMessage,
                at,
              },
            ];
      }),
    );
  }

  /**
   * Messages a reprocess sent back through `route` (a runtime kind) whose outcome is not known yet
   * (acknowledged, e.g. BullMQ jobs retried): their keys and message ids. The route is a parameter
   * of an unnamed statement, planned with its value, so the partial index for BullMQ still serves it.
   */
  acknowledgedItems(route: string, automation: string, queue: string, limit: number): Promise<{ reprocess_id: string; message_id: string }[]> {
    return this.db.query(
      `SELECT i.reprocess_id::text AS reprocess_id, d.message_id FROM reprocess_item i JOIN dead_letter d ON d.id = i.dead_letter_id
        WHERE i.route = $4 AND i.state = 'acknowledged' AND i.automation_slug = $1 AND d.source_queue = $2 ORDER BY i.id LIMIT $3`,
      [automation, queue, limit, route],
    );
  }
}

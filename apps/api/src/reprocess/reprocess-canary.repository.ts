import { Inject, Injectable } from '@nestjs/common';
import type { CanaryCounts, CanaryDecision, CanarySpec } from './reprocess-canary.js';
import { Database, type Transaction } from '../database/database.js';

/** A request's canary with its slice's ledger. */
export interface CanaryRow extends CanaryCounts {
  request_id: string;
  state: string;
  automations: string[];
  canary: CanarySpec;
  canary_decision: CanaryDecision | null;
}

/** Canary reprocess: the first slice of a request's ledger, the rest it holds, and the decision. */
@Injectable()
export class ReprocessCanaryRepository {
  constructor(@Inject(Database) private readonly db: Database) {}

  /** The request's oldest `spec.size` items (its sending order) make the slice; the rest is held until the canary passes. */
  async stage(tx: Transaction, requestId: string, spec: CanarySpec): Promise<void> {
    await this.db.query(`UPDATE reprocess_request SET canary = $2 WHERE id = $1::bigint`, [requestId, JSON.stringify(spec)], tx);
    // The held rest is not due; the ones in the slice are sent first.
    await this.db.query(
      `UPDATE reprocess_item i SET in_canary = r.n <= $2, held = r.n > $2
         FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM reprocess_item WHERE request_id = $1::bigint) r
        WHERE i.id = r.id`,
      [requestId, spec.size],
      tx,
    );
  }

  /** Requests' canaries (those with one), with their slices' counts. */
  async canaries(requestIds: readonly string[], tx?: Transaction): Promise<Map<string, CanaryRow>> {
    const rows = await this.db.query<CanaryRow>(
      `SELECT r.id::text AS request_id, r.state, r.automations, r.canary, r.canary_decision,
              count(*) FILTER (WHERE i.in_canary)::int AS size,
              count(*) FILTER (WHERE i.in_canary AND i.state IN ('queued', 'dispatched'))::int AS unsent,
              count(*) FILTER (WHERE i.in_canary AND i.state = 'acknowledged')::int AS awaiting,
              count(*) FILTER (WHERE i.in_canary AND i.state = 'succeeded')::int AS succeeded,
              count(*) FILTER (WHERE i.in_canary AND i.state = 'failed')::int AS failed,
              count(*) FILTER (WHERE NOT i.in_canary)::int AS rest
         FROM reprocess_request r JOIN reprocess_item i ON i.request_id = r.id
        WHERE r.id = ANY($1::bigint[]) AND r.canary IS NOT NULL
        GROUP BY r.id`,
      [[...requestIds]],
      tx,
    );
    return new Map(rows.map((row) => [row.request_id, row]));
  }

  /** Records the decision once (while the request is running or paused, and undecided); false when it was not open to one. */
  async decide(tx: Transaction, requestId: string, decision: CanaryDecision): Promise<boolean> {
    const rows = await this.db.query<{ id: string }>(
      `WITH decided AS (
         UPDATE reprocess_request SET canary_decision = $2, waiting_reason = NULL, updated_at = now()
          WHERE id = $1::bigint AND state IN ('running', 'paused') AND canary IS NOT NULL AND canary_decision IS NULL RETURNING id::text AS id
       )
       SELECT * FROM decided`,
      [requestId, JSON.stringify(decision)],
      tx,
    );
    return rows.length > 0;
  }

  /** The canary passed: the rest may be sent. Answers how many were held. */
  async release(tx: Transaction, requestId: string): Promise<number> {
    const [row] = await this.db.query<{ released: number }>(
      `WITH released AS (UPDATE reprocess_item SET held = false WHERE request_id = $1::bigint AND held RETURNING id) SELECT count(*)::int AS released FROM released`,
      [requestId],
      tx,
    );
    return row?.released ?? 0;
  }
}

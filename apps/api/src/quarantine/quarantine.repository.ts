import { Inject, Injectable } from '@nestjs/common';
import { Database } from '../database/database.js';

export interface QuarantinedRow {
  id: string;
  received_at: Date;
  automation: string | null;
  event_type: string | null;
  reason: string;
  payload: unknown;
  token_name: string | null;
}

@Injectable()
export class QuarantineRepository {
  constructor(@Inject(Database) private readonly db: Database) {}

  /** Newest first; `teams` undefined means every team. */
  async page(
    teams: readonly string[] | undefined,
    automation: string | undefined,
    limit: number,
    beforeId: string | undefined,
  ): Promise<{ rows: QuarantinedRow[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (teams !== undefined) {
      params.push(teams);
      where.push(`q.team = ANY($${params.length}::text[])`);
    }
    if (automation !== undefined) {
      params.push(automation);
      where.push(`q.automation = $${params.length}`);
    }
    const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const [count] = await this.db.query<{ total: number }>(`SELECT count(*)::int AS total FROM quarantined_event q ${filter}`, params);
    const pageParams = [...params];
    let pageFilter = filter;
    if (beforeId !== undefined) {
      pageParams.push(beforeId);
      pageFilter = `${filter === '' ? 'WHERE' : `${filter} AND`} q.id < $${pageParams.length}::bigint`;
    }
    pageParams.push(limit);
    const rows = await this.db.query<QuarantinedRow>(
      `SELECT q.id::text AS id, q.received_at, q.automation, q.event_type, q.reason, q.payload, t.name AS token_name
         FROM quarantined_event q LEFT JOIN runtime_token t ON t.id = q.token_id
         ${pageFilter} ORDER BY q.id DESC LIMIT $${pageParams.length}`,
      pageParams,
    );
    return { rows, total: count?.total ?? 0 };
  }
}

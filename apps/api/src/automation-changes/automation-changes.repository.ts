import { Inject, Injectable } from '@nestjs/common';
import type { AutomationDefinition } from '../automations/index.js';
import type { AutomationInput } from '../automations/dto/automation.input.js';
import { Database, type Transaction } from '../database/database.js';

export const CHANGE_STATES = ['pending', 'approved', 'rejected', 'superseded'] as const;
export type ChangeState = (typeof CHANGE_STATES)[number];

export interface ChangeRow {
  id: string;
  automation_slug: string;
  owner_team: string;
  requested_by: string;
  requested_by_name: string;
  requested_at: Date;
  /** As the caller sent it: applied through updateAutomation when approved. */
  proposed_input: AutomationInput;
  proposed_definition: AutomationDefinition;
  /** The automation's definition when the change was asked for. */
  base_definition: AutomationDefinition;
  state: ChangeState;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: Date | null;
  reason: string | null;
}

export interface NewChange {
  automation: string;
  ownerTeam: string;
  requestedBy: { id: string; name: string };
  proposedInput: AutomationInput;
  proposedDefinition: AutomationDefinition;
  baseDefinition: AutomationDefinition;
}

const COLUMNS = `id::text AS id, automation_slug, owner_team, requested_by, requested_by_name, requested_at, proposed_input, proposed_definition,
  base_definition, state, decided_by, decided_by_name, decided_at, reason`;

/** Changes to automations that wait for their owner team's approval. */
@Injectable()
export class AutomationChangesRepository {
  constructor(@Inject(Database) private readonly db: Database) {}

  async insert(tx: Transaction, change: NewChange): Promise<ChangeRow> {
    const [row] = await this.db.query<ChangeRow>(
      `INSERT INTO automation_change_request (automation_slug, owner_team, requested_by, requested_by_name, proposed_input, proposed_definition, base_definition)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
      [
        change.automation,
        change.ownerTeam,
        change.requestedBy.id,
        change.requestedBy.name,
        JSON.stringify(change.proposedInput),
        JSON.stringify(change.proposedDefinition),
        JSON.stringify(change.baseDefinition),
      ],
      tx,
    );
    return row as ChangeRow;
  }

  async find(id: string): Promise<ChangeRow | undefined> {
    if (!/^\d{1,18}$/.test(id)) {
      return undefined;
    }
    const [row] = await this.db.query<ChangeRow>(`SELECT ${COLUMNS} FROM automation_change_request WHERE id = $1::bigint`, [id]);
    return row;
  }

  /** The change waiting for approval on each of these automations (at most one each). */
  async pendingFor(slugs: readonly string[], tx?: Transaction): Promise<Map<string, ChangeRow>> {
    const rows = await this.db.query<ChangeRow>(`SELECT ${COLUMNS} FROM automation_change_request WHERE state = 'pending' AND automation_slug = ANY($1::text[])`, [[...slugs]], tx);
    return new Map(rows.map((row) => [row.automation_slug, row]));
  }

  /** Every change waiting for approval, oldest first. */
  pending(): Promise<ChangeRow[]> {
    return this.db.query<ChangeRow>(`SELECT ${COLUMNS} FROM automation_change_request WHERE state = 'pending' ORDER BY id`);
  }

  /** Settles a pending change; undefined when it was no longer pending. */
  async settle(tx: Transaction, id: string, state: Exclude<ChangeState, 'pending'>, by: { id: string; name: string }, reason: string | null): Promise<ChangeRow | undefined> {
    const [row] = await this.db.query<ChangeRow>(
      `WITH settled AS (
         UPDATE automation_change_request SET state = $2, decided_by = $3, decided_by_name = $4, decided_at = now(), reason = $5
          WHERE id = $1::bigint AND state = 'pending' RETURNING ${COLUMNS}
       )
       SELECT * FROM settled`,
      [id, state, by.id, by.name, reason],
      tx,
    );
    return row;
  }
}

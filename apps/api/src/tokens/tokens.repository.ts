import { Inject, Injectable } from '@nestjs/common';
import { Database, type Transaction } from '../database/database.js';
import { RUNTIME_TOKEN_COLUMNS, type NewRuntimeToken, type RuntimeToken } from './runtime-token-row.js';

export type { NewRuntimeToken };

/** A token whose named list lost an automation. */
export interface ReducedToken {
  id: string;
  name: string;
  before: string[];
  after: string[];
}

@Injectable()
export class TokensRepository {
  constructor(@Inject(Database) private readonly db: Database) {}

  async insert(token: NewRuntimeToken, tx?: Transaction): Promise<RuntimeToken> {
    const [row] = await this.db.query<RuntimeToken>(
      `INSERT INTO runtime_token (id, name, team, all_automations, automations, capabilities, secret_hash, prefix, created_by, expires_at, replaces)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       RETURNING ${RUNTIME_TOKEN_COLUMNS}`,
      [
        token.id,
        token.name,
        token.team,
        token.allAutomations,
        token.automations,
        token.capabilities,
        token.secretHash,
        token.prefix,
        token.createdBy,
        token.expiresAt,
        token.replaces,
      ],
      tx,
    );
    return row as RuntimeToken;
  }

  /**
   * A token of the team in effect under this name (case and surrounding spaces aside): not revoked,
   * not expired, not replaced by a rotation. Takes the team's creation lock first, so two creations
   * of one name at once cannot both find none.
   */
  async liveNamed(tx: Transaction, team: string, name: string, at: Date): Promise<RuntimeToken | null> {
    await this.db.query(`SELECT pg_advisory_xact_lock(hashtext('runtime_token:' || $1))`, [team], tx);
    const [row] = await this.db.query<RuntimeToken>(
      `SELECT ${RUNTIME_TOKEN_COLUMNS} FROM runtime_token
        WHERE team = $1 AND lower(btrim(name)) = lower(btrim($2)) AND revoked_at IS NULL AND replaced_by IS NULL AND expires_at > $3
        LIMIT 1`,
      [team, name, at],
      tx,
    );
    return row ?? null;
  }

  async findById(id: string): Promise<RuntimeToken | null> {
    const [row] = await this.db.query<RuntimeToken>(`SELECT ${RUNTIME_TOKEN_COLUMNS} FROM runtime_token WHERE id = $1`, [id]);
    return row ?? null;
  }

  listByTeam(team: string): Promise<RuntimeToken[]> {
    return this.db.query(`SELECT ${RUNTIME_TOKEN_COLUMNS} FROM runtime_token WHERE team = $1 ORDER BY created_at DESC`, [team]);
  }

  /** Revokes a token not revoked yet; false when it already was (or is gone). */
  async revoke(tx: Transaction, id: string, by: string, at: Date): Promise<boolean> {
    const affected = await this.db.execute(`UPDATE runtime_token SET revoked_at = $2, revoked_by = $3 WHERE id = $1 AND revoked_at IS NULL`, [id, at, by], tx);
    return affected === 1;
  }

  /**
   * Marks `id` as replaced by `replacement` and moves its end to `endsAt` unless it ends sooner;
   * false when it is revoked or was rotated already (a concurrent rotation loses here).
   */
  async markReplaced(tx: Transaction, id: string, replacement: string, endsAt: Date): Promise<boolean> {
    const affected = await this.db.execute(
      `UPDATE runtime_token SET replaced_by = $2, expires_at = least(expires_at, $3::timestamptz)
        WHERE id = $1 AND revoked_at IS NULL AND replaced_by IS NULL`,
      [id, replacement, endsAt],
      tx,
    );
    return affected === 1;
  }

  /**
   * Takes `slug` out of the named list of every token of `team` not revoked that names it, in the
   * caller's transaction; answers each token changed, with its list before and after.
   */
  dropAutomation(tx: Transaction, team: string, slug: string): Promise<ReducedToken[]> {
    return this.db.query<ReducedToken>(
      `WITH named AS (
         SELECT id, automations FROM runtime_token WHERE team = $1 AND $2 = ANY (automations) AND revoked_at IS NULL ORDER BY id FOR UPDATE
       ), reduced AS (
         UPDATE runtime_token t SET automations = array_remove(t.automations, $2) FROM named
          WHERE t.id = named.id
         RETURNING t.id::text AS id, t.name, named.automations AS before, t.automations AS after
       )
       SELECT * FROM reduced ORDER BY id`,
      [team, slug],
      tx,
    );
  }

  async reload(tx: Transaction, id: string): Promise<RuntimeToken> {
    const [row] = await this.db.query<RuntimeToken>(`SELECT ${RUNTIME_TOKEN_COLUMNS} FROM runtime_token WHERE id = $1`, [id], tx);
    if (row === undefined) {
      throw new Error(`No runtime token ${id} to read back.`);
    }
    return row;
  }

  /** Records use at most once a minute per token, so ingest does not write on every request. */
  async touch(id: string, at: Date): Promise<void> {
    await this.db.query(
      `UPDATE runtime_token SET last_used_at = $2::timestamptz WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $2::timestamptz - interval '1 minute')`,
      [id, at],
    );
  }
}

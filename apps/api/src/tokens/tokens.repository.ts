import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { RuntimeTokenEntity } from './runtime-token.entity.js';

/** A token whose named list lost an automation. */
export interface ReducedToken {
  id: string;
  name: string;
  before: string[];
  after: string[];
}

export type NewRuntimeToken = Omit<RuntimeTokenEntity, 'createdAt' | 'lastUsedAt' | 'revokedAt' | 'revokedBy' | 'replacedBy'>;

@Injectable()
export class TokensRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async insert(token: NewRuntimeToken, manager: EntityManager = this.dataSource.manager): Promise<RuntimeTokenEntity> {
    const tokens = manager.getRepository(RuntimeTokenEntity);
    await tokens.insert(token);
    return tokens.findOneByOrFail({ id: token.id });
  }

  /**
   * A token of the team in effect under this name (case and surrounding spaces aside): not revoked,
   * not expired, not replaced by a rotation. Takes the team's creation lock first, so two creations
   * of one name at once cannot both find none.
   */
  async liveNamed(manager: EntityManager, team: string, name: string, at: Date): Promise<RuntimeTokenEntity | null> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('runtime_token:' || $1))`, [team]);
    const rows = await manager.query<{ id: string }[]>(
      `SELECT id FROM runtime_token
        WHERE team = $1 AND lower(btrim(name)) = lower(btrim($2)) AND revoked_at IS NULL AND replaced_by IS NULL AND expires_at > $3
        LIMIT 1`,
      [team, name, at],
    );
    return rows[0] === undefined ? null : manager.getRepository(RuntimeTokenEntity).findOneByOrFail({ id: rows[0].id });
  }

  findById(id: string): Promise<RuntimeTokenEntity | null> {
    return this.dataSource.getRepository(RuntimeTokenEntity).findOneBy({ id });
  }

  listByTeam(team: string): Promise<RuntimeTokenEntity[]> {
    return this.dataSource.getRepository(RuntimeTokenEntity).find({ where: { team }, order: { createdAt: 'DESC' } });
  }

  /** Revokes a token not revoked yet; false when it already was (or is gone). */
  async revoke(manager: EntityManager, id: string, by: string, at: Date): Promise<boolean> {
    const [, affected] = await manager.query<[unknown, number]>(`UPDATE runtime_token SET revoked_at = $2, revoked_by = $3 WHERE id = $1 AND revoked_at IS NULL`, [id, at, by]);
    return affected === 1;
  }

  /**
   * Marks `id` as replaced by `replacement` and moves its end to `endsAt` unless it ends sooner;
   * false when it is revoked or was rotated already (a concurrent rotation loses here).
   */
  async markReplaced(manager: EntityManager, id: string, replacement: string, endsAt: Date): Promise<boolean> {
    const [, affected] = await manager.query<[unknown, number]>(
      `UPDATE runtime_token SET replaced_by = $2, expires_at = least(expires_at, $3::timestamptz)
        WHERE id = $1 AND revoked_at IS NULL AND replaced_by IS NULL`,
      [id, replacement, endsAt],
    );
    return affected === 1;
  }

  /**
   * Takes `slug` out of the named list of every token of `team` not revoked that names it, in the
   * caller's transaction; answers each token changed, with its list before and after.
   */
  dropAutomation(manager: EntityManager, team: string, slug: string): Promise<ReducedToken[]> {
    return manager.query<ReducedToken[]>(
      `WITH named AS (
         SELECT id, automations FROM runtime_token WHERE team = $1 AND $2 = ANY (automations) AND revoked_at IS NULL ORDER BY id FOR UPDATE
       ), reduced AS (
         UPDATE runtime_token t SET automations = array_remove(t.automations, $2) FROM named
          WHERE t.id = named.id
         RETURNING t.id::text AS id, t.name, named.automations AS before, t.automations AS after
       )
       SELECT * FROM reduced ORDER BY id`,
      [team, slug],
    );
  }

  reload(manager: EntityManager, id: string): Promise<RuntimeTokenEntity> {
    return manager.getRepository(RuntimeTokenEntity).findOneByOrFail({ id });
  }

  /** Records use at most once a minute per token, so ingest does not write on every request. */
  async touch(id: string, at: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE runtime_token SET last_used_at = $2::timestamptz WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $2::timestamptz - interval '1 minute')`,
      [id, at],
    );
  }
}

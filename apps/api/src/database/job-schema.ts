import PgBoss from 'pg-boss';
import type pg from 'pg';
import { handOverSchema } from './database-roles.js';

/** The schema pg-boss keeps its queues in. */
export const JOB_SCHEMA = 'pgboss';

/**
 * pg-boss keeps its queues in their own schema and adds a table to it for each new queue, so the
 * api's role owns that schema (and nothing else). Creating a schema takes CREATE on the database,
 * which the api's role is not given: the migrations' role installs pg-boss once, with pg-boss's own
 * construction plan, and hands the schema to the api's role. pg-boss upgrades it from then on, as
 * the api's role. A schema someone else made is left alone: only this role's own objects move.
 */
export async function installJobSchema(db: pg.ClientBase, apiRole: string | undefined): Promise<void> {
  const { rows } = await db.query<{ me: string; owner: string | null }>(
    `SELECT current_user AS me, (SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = $1) AS owner`,
    [JOB_SCHEMA],
  );
  const { me, owner } = rows[0] ?? { me: '', owner: null };
  if (owner === null) {
    await db.query(PgBoss.getConstructionPlans(JOB_SCHEMA));
  }
  if (apiRole !== undefined && apiRole !== me && (owner === null || owner === me)) {
    await handOverSchema(db, JOB_SCHEMA, me, apiRole);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Runtime tokens get a lifecycle: every token expires, a rotation links the old token to the one
 * that replaced it, and a revocation records who revoked it.
 *
 * Existing tokens expire 90 days after they were created, but never sooner than 30 days after this
 * migration, so no runtime is cut off by the upgrade itself. Until now any token that could ingest
 * could also report dead letters; that capability is now checked, so existing ingest tokens are
 * given it and keep working.
 */
export class RuntimeTokenLifecycle1795802400000 implements MigrationInterface {
  name = 'RuntimeTokenLifecycle1795802400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE runtime_token
        ADD COLUMN expires_at   timestamptz,
        ADD COLUMN revoked_by   text,
        ADD COLUMN replaces     uuid,
        ADD COLUMN replaced_by  uuid`);
    await db.query(`UPDATE runtime_token SET expires_at = greatest(created_at + interval '90 days', now() + interval '30 days')`);
    await db.query(`ALTER TABLE runtime_token ALTER COLUMN expires_at SET NOT NULL`);
    await db.query(`
      ALTER TABLE runtime_token
        ADD CONSTRAINT runtime_token_replaces_fk FOREIGN KEY (replaces) REFERENCES runtime_token (id),
        ADD CONSTRAINT runtime_token_replaced_by_fk FOREIGN KEY (replaced_by) REFERENCES runtime_token (id),
        ADD CONSTRAINT runtime_token_replaced_once UNIQUE (replaces),
        ADD CONSTRAINT runtime_token_revoked_by_when_revoked CHECK (revoked_by IS NULL OR revoked_at IS NOT NULL)`);
    await db.query(`UPDATE runtime_token SET capabilities = capabilities || ARRAY['dead_letters'] WHERE 'ingest' = ANY (capabilities) AND NOT 'dead_letters' = ANY (capabilities)`);
  }

  async down(db: QueryRunner): Promise<void> {
    // The dead_letters capability given in up() stays: it was implied by ingest before.
    await db.query(`
      ALTER TABLE runtime_token
        DROP CONSTRAINT runtime_token_revoked_by_when_revoked,
        DROP CONSTRAINT runtime_token_replaced_once,
        DROP CONSTRAINT runtime_token_replaced_by_fk,
        DROP CONSTRAINT runtime_token_replaces_fk,
        DROP COLUMN replaced_by,
        DROP COLUMN replaces,
        DROP COLUMN revoked_by,
        DROP COLUMN expires_at`);
  }
}

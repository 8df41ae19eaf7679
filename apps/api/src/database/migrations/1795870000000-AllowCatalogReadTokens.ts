import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Runtime tokens may carry `catalog_read`: Backstage reading the automations as entities. */
export class AllowCatalogReadTokens1795870000000 implements MigrationInterface {
  name = 'AllowCatalogReadTokens1795870000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE runtime_token DROP CONSTRAINT runtime_token_capabilities_known`);
    await db.query(
      `ALTER TABLE runtime_token ADD CONSTRAINT runtime_token_capabilities_known CHECK (capabilities <@ ARRAY['ingest', 'dead_letters', 'commands', 'catalog_read']::text[])`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    // A token that could only read the catalog cannot be kept as a runtime's: it goes.
    await db.query(`DELETE FROM runtime_token WHERE capabilities = ARRAY['catalog_read']::text[]`);
    await db.query(`UPDATE runtime_token SET capabilities = array_remove(capabilities, 'catalog_read')`);
    await db.query(`ALTER TABLE runtime_token DROP CONSTRAINT runtime_token_capabilities_known`);
    await db.query(`ALTER TABLE runtime_token ADD CONSTRAINT runtime_token_capabilities_known CHECK (capabilities <@ ARRAY['ingest', 'dead_letters', 'commands']::text[])`);
  }
}

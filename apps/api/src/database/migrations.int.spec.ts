import { DataSource } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/harness.js';
import { dataSourceOptions, runMigrations } from './data-source.js';
import { migrations } from './migrations/index.js';
import { undoMigrationsThrough } from '../../test/undo-migrations.js';

describe('migrations', () => {
  it('apply to an empty database, revert with down, and apply again', async () => {
    const db = await createTestDatabase({ migrate: false });
    try {
      expect(await runMigrations(db.migrationUrl, { apiRole: db.roles.api })).toHaveLength(migrations.length);
      expect(await runMigrations(db.migrationUrl, { apiRole: db.roles.api })).toEqual([]);
      const dataSource = new DataSource(dataSourceOptions(db.migrationUrl));
      await dataSource.initialize();
      const [oldest] = migrations;
      if (oldest !== undefined) {
        await undoMigrationsThrough(dataSource, oldest);
      }
      const tables = await dataSource.query<{ table_name: string }[]>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`,
      );
      expect(tables).toEqual([]);
      await dataSource.destroy();
      expect(await runMigrations(db.migrationUrl, { apiRole: db.roles.api })).toHaveLength(migrations.length);
    } finally {
      await db.drop();
    }
  });
});

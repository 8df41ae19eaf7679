import type { DataSource } from 'typeorm';
import { migrations } from '../src/database/migrations/index.js';

/** Takes a database back to just before `migration`, undoing it and every migration after it. */
export async function undoMigrationsThrough(dataSource: DataSource, migration: (typeof migrations)[number]): Promise<void> {
  const index = migrations.indexOf(migration);
  if (index < 0) {
    throw new Error(`${migration.name} is not in the migrations index`);
  }
  for (let i = index; i < migrations.length; i += 1) {
    await dataSource.undoLastMigration();
  }
}

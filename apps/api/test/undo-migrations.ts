import type { DataSource, MigrationInterface } from 'typeorm';
import { migrations } from '../src/database/migrations/index.js';

/** Takes a database back to just before `migration`, undoing it and every migration after it. */
export async function undoMigrationsThrough(dataSource: DataSource, migration: (typeof migrations)[number]): Promise<void> {
  const index = migrations.indexOf(migration);
  if (index < 0) {
    throw new Error(`${migration.name} is not in the migrations index`);
  }
  for (let i = migrations.length - 1; i >= index; i -= 1) {
    // TypeORM's undo ignores a migration's own `transaction = false` unless told to open none.
    const last = migrations[i];
    const ownTransaction = last === undefined || (new last() as MigrationInterface).transaction !== false;
    await dataSource.undoLastMigration({ transaction: ownTransaction ? 'all' : 'none' });
  }
}

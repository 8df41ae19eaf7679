import { DataSource } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/harness.js';
import { undoMigrationsThrough } from '../../test/undo-migrations.js';
import { dataSourceOptions, runMigrations } from '../database/data-source.js';
import { RuntimeTokenCoverage1795816800000 } from '../database/migrations/1795816800000-RuntimeTokenCoverage.js';

describe(RuntimeTokenCoverage1795816800000.name, () => {
  it('keeps every token’s coverage, drops automations another team owns by now from named lists (audited), and never widens a token on the way back', async () => {
    const db = await createTestDatabase();
    try {
      const dataSource = new DataSource(dataSourceOptions(db.migrationUrl));
      await dataSource.initialize();
      await undoMigrationsThrough(dataSource, RuntimeTokenCoverage1795816800000);
      await dataSource.destroy();

      // Before this migration: an empty list meant every automation; one automation moved from finance-ops to order-ops.
      await db.query(`INSERT INTO team (name, title, source) VALUES ('finance-ops', 'Finance Operations', 'console'), ('order-ops', 'Order Operations', 'console')`);
      await db.query(
        `INSERT INTO automation (slug, title, description, type, lifecycle, owner_team, on_call, source)
         VALUES ('payout-reconciliation', 'Payout reconciliation', 'd', 'automation', 'production', 'finance-ops', '{"name":"x"}', 'console'),
                ('refund-handling', 'Refund handling', 'd', 'automation', 'production', 'order-ops', '{"name":"x"}', 'console')`,
      );
      const token = (id: string, name: string, automations: string[]) =>
        db.query(
          `INSERT INTO runtime_token (id, name, team, automations, capabilities, secret_hash, prefix, created_by, expires_at)
           VALUES ($1, $2, 'finance-ops', $3, ARRAY['ingest'], '\\x00', 'rh_rt_00', 'omar', now() + interval '30 days')`,
          [id, name, automations],
        );
      await token('00000000-0000-4000-8000-000000000001', 'finance worker', []);
      await token('00000000-0000-4000-8000-000000000002', 'payouts and refunds', ['payout-reconciliation', 'refund-handling']);
      await token('00000000-0000-4000-8000-000000000003', 'refunds only', ['refund-handling']);

      expect((await runMigrations(db.migrationUrl, { apiRole: db.roles.api }))[0]).toBe('RuntimeTokenCoverage1795816800000');
      expect(await db.query(`SELECT name, all_automations, automations FROM runtime_token ORDER BY id`)).toEqual([
        { name: 'finance worker', all_automations: true, automations: [] },
        { name: 'payouts and refunds', all_automations: false, automations: ['payout-reconciliation'] },
        { name: 'refunds only', all_automations: false, automations: [] },
      ]);
      expect(await db.query(`SELECT actor_kind, action, target_id, automations, teams, before, after FROM audit_entry ORDER BY target_id`)).toEqual([
        {
          actor_kind: 'system',
          action: 'token.coverage_reduced',
          target_id: '00000000-0000-4000-8000-000000000002',
          automations: ['refund-handling'],
          teams: ['finance-ops'],
          before: { automations: ['payout-reconciliation', 'refund-handling'] },
          after: { automations: ['payout-reconciliation'] },
        },
        {
          actor_kind: 'system',
          action: 'token.coverage_reduced',
          target_id: '00000000-0000-4000-8000-000000000003',
          automations: ['refund-handling'],
          teams: ['finance-ops'],
          before: { automations: ['refund-handling'] },
          after: { automations: [] },
        },
      ]);

      // Reverted, an empty list means every automation again: the token that covers nothing is revoked first.
      const back = new DataSource(dataSourceOptions(db.migrationUrl));
      await back.initialize();
      await undoMigrationsThrough(back, RuntimeTokenCoverage1795816800000);
      await back.destroy();
      expect(await db.query(`SELECT name, revoked_at IS NOT NULL AS revoked FROM runtime_token ORDER BY id`)).toEqual([
        { name: 'finance worker', revoked: false },
        { name: 'payouts and refunds', revoked: false },
        { name: 'refunds only', revoked: true },
      ]);
    } finally {
      await db.drop();
    }
  });
});

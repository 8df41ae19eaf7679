import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CatalogService } from '../src/catalog/catalog.service.js';
import { ChangeFeed } from '../src/database/change-feed.js';
import { Database } from '../src/database/database.js';
import { withOneCatchUp } from '../src/database/request-catch-up.js';
import { KpiDefinitions } from '../src/kpis/kpi-definitions.js';
import { createTestDatabase, startTestApi, type TestApi, type TestDatabase } from './harness.js';
import { kpiCatalog } from './kpi-catalog.js';

const KPIS = `query Kpis($slug: String!) { automationKpis(slug: $slug) { name } }`;

/**
 * Two replicas of the real api on one database: each remembers the automations' KPI definitions it
 * read, and a change to an automation committed anywhere is in the other's very next answer. A
 * request catches up with the change feed once, and again after each of its writes, so it reads its own.
 */
describe('KPI definitions across api replicas', () => {
  const settings = { ROUNDHOUSE_SESSION_SECRET: 'replicas-share-this-secret-of-32-characters-or-more' };
  let db: TestDatabase;
  let first: TestApi;
  let second: TestApi;
  let catalogDir: string;
  let cookie: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    first = await startTestApi(db.url, settings);
    second = await startTestApi(db.url, settings);
    catalogDir = await kpiCatalog();
    await first.app.get(CatalogService).apply(catalogDir, catalogDir);
    cookie = await first.signIn('omar');
  });

  afterAll(async () => {
    await first?.close();
    await second?.close();
    await db?.drop();
    await rm(catalogDir, { recursive: true, force: true });
  });

  const kpiNames = async (api: TestApi, slug: string) => {
    const result = await api.graphql<{ automationKpis: { name: string }[] }>(KPIS, { slug }, cookie);
    return result.errors === undefined ? (result.data?.automationKpis ?? []).map((kpi) => kpi.name) : result.errors.map((error) => error.message);
  };

  it('answers with an automation’s KPIs as changed through another replica, on the next request', async () => {
    const before = await kpiNames(second, 'payouts');
    expect(before.length).toBeGreaterThan(0);
    expect(await kpiNames(second, 'payouts')).toEqual(before);

    // A change committed elsewhere (the console's edit or a catalog sync on another replica would send this).
    await db.query(`UPDATE automation SET kpis = '[]' WHERE slug = 'payouts'`);
    expect(await kpiNames(second, 'payouts')).toEqual([]);

    await db.query(`UPDATE automation SET archived_at = now() WHERE slug = 'payouts'`);
    expect((await kpiNames(second, 'payouts'))[0]).toMatch(/payouts/);
    expect(await kpiNames(first, 'payouts')).toEqual(await kpiNames(second, 'payouts'));
  });

  it('catches up with the change feed once per request: the session check and the KPI definitions share it', async () => {
    await kpiNames(second, 'invoicing');
    const catchUps = vi.spyOn(second.app.get(ChangeFeed), 'caughtUp');
    try {
      expect((await kpiNames(second, 'invoicing')).length).toBeGreaterThan(0);
      expect(catchUps).toHaveBeenCalledTimes(1);
    } finally {
      catchUps.mockRestore();
    }
  });

  describe('a request that changes an automation', () => {
    const kpisOf = async (slug: string) => (await second.app.get(KpiDefinitions).of([slug])).get(slug)?.kpis.map((kpi) => kpi.name);

    it('reads its own change: after a statement that may write, the next read catches up again', async () => {
      const database = second.app.get(Database);
      const before = await kpisOf('invoicing');
      expect(before?.length).toBeGreaterThan(1);
      const read = await withOneCatchUp(async () => {
        const kept = [await kpisOf('invoicing'), await kpisOf('invoicing')];
        await database.execute(`UPDATE automation SET kpis = kpis - 0 WHERE slug = 'invoicing'`);
        return [...kept, await kpisOf('invoicing')];
      });
      expect(read).toEqual([before, before, before?.slice(1)]);
    });

    it('reads its own change after its transaction commits, though it read the definitions inside it', async () => {
      const database = second.app.get(Database);
      const before = await kpisOf('invoicing');
      expect(before?.length).toBeGreaterThan(1);
      const read = await withOneCatchUp(async () => {
        const inside = await database.transaction(async (tx) => {
          await database.execute(`UPDATE automation SET kpis = kpis - 0 WHERE slug = 'invoicing'`, [], tx);
          // Not committed yet: the copy still holds the definitions as they were, and this catch-up precedes the commit.
          return kpisOf('invoicing');
        });
        return [inside, await kpisOf('invoicing')];
      });
      expect(read).toEqual([before, before?.slice(1)]);
    });
  });
});

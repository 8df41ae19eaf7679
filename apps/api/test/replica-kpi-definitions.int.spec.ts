import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogService } from '../src/catalog/catalog.service.js';
import { createTestDatabase, startTestApi, type TestApi, type TestDatabase } from './harness.js';
import { kpiCatalog } from './kpi-catalog.js';

const KPIS = `query Kpis($slug: String!) { automationKpis(slug: $slug) { name } }`;

/**
 * Two replicas of the real api on one database: each remembers the automations' KPI definitions it
 * read, and a change to an automation committed anywhere is in the other's very next answer.
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
});

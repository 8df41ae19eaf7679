import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogService } from '../src/catalog/catalog.service.js';
import { ReadReplica } from '../src/database/read-replica.js';
import { eventually } from './eventually.js';
import { freePort } from './free-port.js';
import { startTestApi, type TestApi } from './harness.js';
import { startStreamingReplica, type StreamingReplica } from './streaming-replica.js';
import { attempt, createToken, ingest } from './telemetry.js';

const SLUG = 'payout-reconciliation';
const HEALTH = `{ automationHealth(slug: "${SLUG}", window: "1h") { throughput } }`;
const FRESHNESS = '{ dataFreshness { fromReplica behindSeconds asOf lagging } }';
const SLOS = `{ automationSlos(slug: "${SLUG}") { indicator errorBudget { total } } }`;

interface Freshness {
  fromReplica: boolean;
  behindSeconds: number;
  asOf: string | null;
  lagging: boolean;
}

/**
 * Against a real streaming replica (a second PostgreSQL cluster from the primary's base backup,
 * both made by the test): heavy reads come from the replica, writes and reads of one's own writes
 * from the primary, and while the replica lags the console is told how old its figures are.
 */
describe(ReadReplica.name, () => {
  let cluster: StreamingReplica;
  let api: TestApi;
  let owner: string;
  let token: string;

  // An attempt that has already ended: one ending in the future is not yet in an SLO window (now − W, now].
  const finished = () => attempt(SLUG, { startedAt: new Date(Date.now() - 2_000), durationMs: 1_200 });
  const throughput = async () => (await api.graphql<{ automationHealth: { throughput: number } }>(HEALTH, {}, owner)).data?.automationHealth.throughput;
  const sloTotal = async () =>
    (await api.graphql<{ automationSlos: { indicator: string; errorBudget: { total: number } | null }[] }>(SLOS, {}, owner)).data?.automationSlos.find(
      (slo) => slo.indicator === 'success_rate',
    )?.errorBudget?.total;
  const freshness = async () => (await api.graphql<{ dataFreshness: Freshness }>(FRESHNESS, {}, owner)).data?.dataFreshness;
  const runsOnPrimary = async () => (await cluster.onPrimary<{ n: number }>(`SELECT count(*)::int AS n FROM run WHERE automation_slug = $1`, [SLUG]))[0]?.n;
  const runsOnReplica = async () => (await cluster.onReplica<{ n: number }>(`SELECT count(*)::int AS n FROM run WHERE automation_slug = $1`, [SLUG]))[0]?.n;
  const exported = async () => (await fetch(`${api.url}/audit/export.csv?format=ndjson`, { headers: { cookie: owner } })).text();

  beforeAll(async () => {
    cluster = await startStreamingReplica();
    // The notice threshold at 1 s, so that a paused replica shows it within a second or two.
    api = await startTestApi(cluster.apiUrl, { DATABASE_URL: cluster.apiUrl, DATABASE_REPLICA_URL: cluster.replicaApiUrl, ROUNDHOUSE_REPLICA_LAG_NOTICE_SECONDS: '1' });
    await api.app.get(CatalogService).apply(path.join(api.config.repositoryRoot, 'catalog'), api.config.repositoryRoot);
    owner = await api.signIn('omar');
    token = (await createToken(api, owner, { team: 'finance-ops' })).secret;
    expect((await ingest(api, token, [...finished(), ...finished()])).body.accepted).toBe(4);
    await cluster.caughtUp();
  });

  afterAll(async () => {
    await api?.close();
    await cluster?.stop();
  });

  it('stops start-up with a sentence naming DATABASE_REPLICA_URL, without its password, when the replica does not answer', async () => {
    const unreachable = `postgres://roundhouse_api:not-this-one@127.0.0.1:${await freePort()}/roundhouse`;
    await expect(startTestApi(cluster.apiUrl, { DATABASE_URL: cluster.apiUrl, DATABASE_REPLICA_URL: unreachable })).rejects.toThrow(
      /^Roundhouse cannot connect to DATABASE_REPLICA_URL \(roundhouse_api@127\.0\.0\.1:\d+\/roundhouse\): nothing answers at 127\.0\.0\.1:\d+; is PostgreSQL running there, and are the host and port right\?$/,
    );
  });

  it('serves health charts from the replica, on its own connections as the api role', async () => {
    expect(await throughput()).toBe(2);
    const sessions = await cluster.onReplica<{ usename: string }>(`SELECT usename FROM pg_stat_activity WHERE datname = 'roundhouse' AND usename = $1`, [cluster.roles.api.name]);
    expect(sessions.length).toBeGreaterThan(0);
    expect(await freshness()).toEqual({ fromReplica: true, behindSeconds: 0, asOf: null, lagging: false });
  });

  it('while the replica lags: writes land on the primary, figures stay as of the replica, and the console is told as of when', async () => {
    await cluster.onReplica('SELECT pg_wal_replay_pause()');
    try {
      const writtenAt = new Date();
      expect((await ingest(api, token, finished())).body.accepted).toBe(2);
      // The write is on the primary only.
      expect(await runsOnPrimary()).toBe(3);
      expect(await runsOnReplica()).toBe(2);
      // The health chart is read from the replica: it does not have the new run yet.
      expect(await throughput()).toBe(2);
      // So is the SLO's error budget: it counts the runs the replica has.
      expect(await sloTotal()).toBe(2);

      const lagging = await eventually(freshness, (f) => f?.lagging === true, 'the replica to be reported behind');
      expect(lagging?.fromReplica).toBe(true);
      expect(lagging?.behindSeconds).toBeGreaterThanOrEqual(1);
      // "As of" is the last change the replica has: before the run written while it was paused.
      expect(new Date(lagging?.asOf ?? '').getTime()).toBeLessThanOrEqual(writtenAt.getTime());

      // What a person just did shows at once where they look for it (the audit trail's page reads the
      // primary); the export, a heavy read, comes from the replica and has it only once it catches up.
      const made = await createToken(api, owner, { team: 'finance-ops', name: 'made while the replica lags' });
      const page = await api.graphql<{ auditEntries: { edges: { node: { targetId: string } }[] } }>('{ auditEntries(first: 5) { edges { node { targetId } } } }', {}, owner);
      expect(page.data?.auditEntries.edges.map((edge) => edge.node.targetId)).toContain(made.id);
      expect(await exported()).not.toContain(made.id);
    } finally {
      await cluster.onReplica('SELECT pg_wal_replay_resume()');
    }

    await cluster.caughtUp();
    expect(await freshness()).toMatchObject({ fromReplica: true, behindSeconds: 0, asOf: null, lagging: false });
    expect(await throughput()).toBe(3);
    expect(await sloTotal()).toBe(3);
    expect(await exported()).toContain('made while the replica lags');
  });

  it('answers KPI reports with the automation’s definitions as changed on the primary, while the replica lags and after', async () => {
    const kpiNames = async () =>
      (await api.graphql<{ automationKpis: { name: string }[] }>(`{ automationKpis(slug: "${SLUG}") { name } }`, {}, owner)).data?.automationKpis.map((kpi) => kpi.name);
    const before = await kpiNames();
    expect(before?.length).toBeGreaterThan(1);
    await cluster.onReplica('SELECT pg_wal_replay_pause()');
    try {
      // A change to the automation (the console's edit, a catalog sync): the replica does not have it yet.
      await cluster.onPrimary(`UPDATE automation SET kpis = kpis - 0 WHERE slug = $1`, [SLUG]);
      expect(await kpiNames()).toEqual(before?.slice(1));
    } finally {
      await cluster.onReplica('SELECT pg_wal_replay_resume()');
    }
    await cluster.caughtUp();
    expect(await kpiNames()).toEqual(before?.slice(1));
  });
});

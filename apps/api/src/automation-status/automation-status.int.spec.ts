import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { useTestApi } from '../../test/harness.js';
import { attempt, createToken, ingest } from '../../test/telemetry.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { AutomationStatusRepository } from './automation-status.repository.js';
import { AutomationStatusService } from './automation-status.service.js';

interface Row {
  slug: string;
  onCall: { name: string };
  status: { health: string; openAlerts: number; runsLast24h: number; failedLast24h: number };
}

describe(AutomationStatusService.name, () => {
  const t = useTestApi();
  let viewer: string;

  beforeAll(async () => {
    await t.api.app.get(CatalogService).apply(path.join(t.api.config.repositoryRoot, 'catalog'), t.api.config.repositoryRoot);
    const owner = await t.api.signIn('omar');
    viewer = await t.api.signIn('vera');
    const token = await createToken(t.api, owner, { team: 'finance-ops' });
    const events = [
      ...attempt('invoice-generation'),
      ...attempt('invoice-generation'),
      ...attempt('invoice-generation', { end: 'failed' }),
      ...attempt('payout-reconciliation'),
      // A day and a half ago: outside the last 24 hours.
      ...attempt('payout-reconciliation', { end: 'dead_lettered', startedAt: new Date(Date.now() - 36 * 3600 * 1000) }),
    ];
    const reported = await ingest(t.api, token.secret, events);
    expect(reported.status).toBe(200);
    expect(reported.body.quarantined).toBe(0);
  });

  it('gives the catalog each automation’s health, runs of the last 24 hours and on-call, reading the whole page in one batch', async () => {
    const batches = vi.spyOn(t.api.app.get(AutomationStatusRepository), 'recentRuns');
    const result = await t.api.graphql<{ automations: { edges: { node: Row }[] } }>(
      '{ automations(first: 25) { edges { node { slug onCall { name } status { health openAlerts runsLast24h failedLast24h } } } } }',
      {},
      viewer,
    );
    expect(result.errors).toBeUndefined();
    const bySlug = Object.fromEntries((result.data?.automations.edges ?? []).map(({ node }) => [node.slug, node]));
    expect(Object.keys(bySlug).length).toBeGreaterThanOrEqual(10);
    expect(bySlug['invoice-generation']?.status).toEqual({ health: 'needs_attention', openAlerts: 0, runsLast24h: 3, failedLast24h: 1 });
    expect(bySlug['payout-reconciliation']?.status).toEqual({ health: 'healthy', openAlerts: 0, runsLast24h: 1, failedLast24h: 0 });
    expect(bySlug['ticket-triage']?.status).toEqual({ health: 'no_runs', openAlerts: 0, runsLast24h: 0, failedLast24h: 0 });
    expect(bySlug['invoice-generation']?.onCall.name).toBeTruthy();
    // Not one statement per automation: one batch for the page.
    expect(batches).toHaveBeenCalledTimes(1);
    expect(batches.mock.calls[0]?.[0]).toHaveLength(Object.keys(bySlug).length);
  });
});

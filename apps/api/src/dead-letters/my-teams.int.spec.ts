import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApi } from '../../test/harness.js';
import { createToken, deadLetter, ingest } from '../../test/telemetry.js';
import { CatalogService } from '../catalog/catalog.service.js';

/** "My teams" in the workbench and the alerts list: what the automations of these teams own, the rest one filter away. */
describe('the teams filter of dead letters and alerts', () => {
  const t = useTestApi();
  let operator: string;

  beforeAll(async () => {
    const root = t.api.config.repositoryRoot;
    await t.api.app.get(CatalogService).apply(path.join(root, 'catalog'), root);
    const owner = await t.api.signIn('omar');
    operator = await t.api.signIn('otto');
    const finance = (await createToken(t.api, owner, { team: 'finance-ops' })).secret;
    const support = (await createToken(t.api, await t.api.signIn('ada'), { team: 'support-engineering' })).secret;
    await ingest(t.api, finance, [deadLetter('payout-reconciliation', { source: { kind: 'sdk', queue: 'payout-reconciliation.failed' } })]);
    await ingest(t.api, support, [
      deadLetter('ticket-triage', { source: { kind: 'sdk', queue: 'triage.failed' }, errorClass: 'ZendeskRateLimited', errorMessage: 'Zendesk answered 429 for ticket 88213' }),
    ]);
    for (const automation of ['payout-reconciliation', 'ticket-triage']) {
      await t.db.query(
        `INSERT INTO alert (automation_slug, slo, rule, severity, state, summary, fired_at, last_evaluated_at) VALUES ($1, 'success-rate', 'fast-burn', 'page', 'firing', $2, now(), now())`,
        [automation, `${automation} burns its error budget 14.4 times too fast`],
      );
    }
  });

  it('narrows dead letters, their groups and alerts to the teams asked for, and leaves them whole without', async () => {
    const ask = async (teams: string[] | null) => {
      const result = await t.api.graphql<{
        deadLetters: { edges: { node: { automation: { slug: string } } }[] };
        deadLetterGroups: { automation: { slug: string } }[];
        alerts: { automation: string }[];
      }>(
        `query($filter: DeadLetterFilter, $teams: [String!]) {
          deadLetters(filter: $filter) { edges { node { automation { slug } } } }
          deadLetterGroups(status: null, needsAction: true, teams: $teams) { automation { slug } }
          alerts(teams: $teams) { automation }
        }`,
        { filter: teams === null ? { needsAction: true } : { needsAction: true, teams }, teams },
        operator,
      );
      expect(result.errors).toBeUndefined();
      const slugs = (list: { automation: string | { slug: string } }[] | undefined) =>
        [...new Set((list ?? []).map((x) => (typeof x.automation === 'string' ? x.automation : x.automation.slug)))].sort();
      return {
        deadLetters: slugs(result.data?.deadLetters.edges.map((e) => e.node)),
        groups: slugs(result.data?.deadLetterGroups),
        alerts: slugs(result.data?.alerts),
      };
    };
    const mine = ['payout-reconciliation'];
    expect(await ask(['finance-ops'])).toEqual({ deadLetters: mine, groups: mine, alerts: mine });
    const all = ['payout-reconciliation', 'ticket-triage'];
    expect(await ask(null)).toEqual({ deadLetters: all, groups: all, alerts: all });
    expect(await ask(['no-such-team'])).toEqual({ deadLetters: [], groups: [], alerts: [] });
  });
});

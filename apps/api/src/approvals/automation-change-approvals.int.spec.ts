import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { automationInput } from '../../test/fixtures.js';
import { APPROVE, APPROVE_CHANGE, AUTOMATION, type Change, GET, REJECT_CHANGE, type Request, UPDATE, useApprovalsApi } from '../../test/approvals.js';
import type { Persona } from '../../test/harness.js';
import { createToken } from '../../test/telemetry.js';
import { CatalogService } from '../catalog/catalog.service.js';

// Changes to an automation that wait for a second owner: SLO changes of production automations, moves
// to another team and risk domains taken away, and what waited on the automation when it moved.

describe('Approval of automation changes', () => {
  const { t, cookies, as, seed, start, request, trail, account, statuses } = useApprovalsApi();

  describe('SLO changes of production automations', () => {
    const slug = 'card-dispute-evidence';
    const production = (overrides: Parameters<typeof automationInput>[0] = {}) =>
      automationInput({ slug, title: 'Card dispute evidence', lifecycle: 'production', riskDomains: [], ...overrides });
    const slos = (objective: number, window = '30d') => [
      { name: 'bills-succeed', title: '99% of bills drafted', indicator: 'success_rate' as const, objective, window, runbook: 'triage' },
    ];

    beforeAll(async () => {
      expect((await as('omar', `mutation($input: AutomationInput!) { registerAutomation(input: $input) { slug } }`, { input: production() })).errors).toBeUndefined();
    });

    async function automation() {
      return (await as<{ automation: { title: string; slos: { objective: number; window: string }[]; pendingChange: Change | null } }>('omar', AUTOMATION, { slug })).data
        ?.automation;
    }

    async function askForSlos(persona: Persona, objective: number, window = '30d'): Promise<Change> {
      const result = await as<{ updateAutomation: { slos: { objective: number }[]; pendingChange: Change | null } }>(persona, UPDATE, {
        slug,
        input: production({ slos: slos(objective, window) }),
      });
      expect(result.errors).toBeUndefined();
      return result.data?.updateAutomation.pendingChange as Change;
    }

    it('holds an SLO change for another owner of the team: omar asks, omar may not approve, olga approves and it applies', async () => {
      const result = await as<{ updateAutomation: { slos: { objective: number; window: string }[]; pendingChange: Change | null } }>('omar', UPDATE, {
        slug,
        input: production({ slos: slos(97.5, '28d') }),
      });
      expect(result.data?.updateAutomation.slos).toEqual([{ name: 'bills-succeed', objective: 99, window: '30d' }]);
      const change = result.data?.updateAutomation.pendingChange as Change;
      expect(change).toMatchObject({
        state: 'pending',
        ownerTeam: 'finance-ops',
        sloChanges: ['bills-succeed: objective 99% → 97.5%; window 30d → 28d'],
        canDecide: false,
        decideBlockedReason: 'You asked for this change; another owner on the finance-ops team must approve it.',
        canReject: true,
      });

      const own = await as<{ approveAutomationChange: Change }>('omar', APPROVE_CHANGE, { id: change.id });
      expect(own.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(own.errors?.[0]?.message).toBe('You asked for this change; another owner on the finance-ops team must approve it.');
      const admin = await as<{ approveAutomationChange: Change }>('ada', APPROVE_CHANGE, { id: change.id });
      expect(admin.errors?.[0]?.message).toBe('Only owners on the finance-ops team can approve or reject changes to its automations that wait for approval.');
      expect((await automation())?.slos).toEqual([{ name: 'bills-succeed', objective: 99, window: '30d' }]);

      const approved = await as<{ approveAutomationChange: Change }>('olga', APPROVE_CHANGE, { id: change.id, note: 'Matches the PSP’s own SLA' });
      expect(approved.errors).toBeUndefined();
      expect(approved.data?.approveAutomationChange).toMatchObject({ state: 'approved', decidedBy: { id: 'olga' }, reason: 'Matches the PSP’s own SLA', canDecide: false });
      expect(await automation()).toMatchObject({ slos: [{ name: 'bills-succeed', objective: 97.5, window: '28d' }], pendingChange: null });
      expect((await trail('automation_change', change.id)).map((e) => [e.action, e.actor_id])).toEqual([
        ['automation.change_requested', 'omar'],
        ['approval.approved', 'olga'],
      ]);
    });

    it('applies a change to other fields at once', async () => {
      const result = await as<{ updateAutomation: { title: string; pendingChange: Change | null } }>('omar', UPDATE, {
        slug,
        input: production({ title: 'Card dispute evidence (Adyen)', slos: slos(97.5, '28d') }),
      });
      expect(result.data?.updateAutomation).toMatchObject({ title: 'Card dispute evidence (Adyen)', pendingChange: null });
    });

    it('supersedes a change when the automation changed after it was asked for', async () => {
      const change = await askForSlos('omar', 99.9, '28d');
      await as('olga', UPDATE, { slug, input: production({ title: 'Card dispute evidence submission', slos: slos(97.5, '28d') }) });
      expect((await automation())?.pendingChange).toMatchObject({ id: change.id, canDecide: false });
      const stale = await as<{ approveAutomationChange: Change }>('olga', APPROVE_CHANGE, { id: change.id });
      expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect(stale.errors?.[0]?.message).toMatch(/^card-dispute-evidence changed after Omar Owner asked for this change\. It was not applied and is now superseded/);
      expect(await automation()).toMatchObject({ slos: [{ objective: 97.5 }], pendingChange: null });
      expect((await trail('automation_change', change.id)).map((e) => e.action)).toEqual(['automation.change_requested', 'approval.superseded']);
    });

    it('rejects with a reason, and lets no owner of another team decide', async () => {
      const change = await askForSlos('omar', 95);
      expect((await as<{ rejectAutomationChange: Change }>('olga', REJECT_CHANGE, { id: change.id, reason: '' })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const rejected = await as<{ rejectAutomationChange: Change }>('olga', REJECT_CHANGE, { id: change.id, reason: '95% would hide a broken PSP integration' });
      expect(rejected.data?.rejectAutomationChange).toMatchObject({ state: 'rejected', decidedBy: { id: 'olga' }, reason: '95% would hide a broken PSP integration' });
      expect((await automation())?.slos).toEqual([{ name: 'bills-succeed', objective: 97.5, window: '28d' }]);
      expect((await trail('automation_change', change.id)).map((e) => [e.action, e.reason])).toEqual([
        ['automation.change_requested', null],
        ['approval.rejected', '95% would hide a broken PSP integration'],
      ]);

      // Order ops' production automation: the admin may ask, finance-ops owners may not decide.
      const other = automationInput({ slug: 'returns-label-printing', owner: 'order-ops', lifecycle: 'production', riskDomains: [] });
      expect((await as('ada', `mutation($input: AutomationInput!) { registerAutomation(input: $input) { slug } }`, { input: other })).errors).toBeUndefined();
      const asked = await as<{ updateAutomation: { pendingChange: Change | null } }>('ada', UPDATE, { slug: other.slug, input: { ...other, slos: slos(98) } });
      const foreign = asked.data?.updateAutomation.pendingChange as Change;
      expect(foreign).toMatchObject({ state: 'pending', ownerTeam: 'order-ops' });
      const olga = await as<{ approveAutomationChange: Change }>('olga', APPROVE_CHANGE, { id: foreign.id });
      expect(olga.errors?.[0]?.message).toBe('Only owners on the order-ops team can approve or reject changes to its automations that wait for approval.');
    });
  });

  describe('moving an automation or taking its risk domains away', () => {
    const REGISTER = `mutation($input: AutomationInput!) { registerAutomation(input: $input) { slug } }`;
    type Updated = { updateAutomation: { slug: string; pendingChange: Change | null } };
    const owners = async (slug: string) =>
      (await t.db.query<{ owner_team: string; risk_domains: string[] }>(`SELECT owner_team, risk_domains FROM automation WHERE slug = $1`, [slug]))[0];
    let order = 0;
    /** A fresh finance-ops console automation touching revenue, its dead letters reported through the SDK. */
    async function risky(overrides: Parameters<typeof automationInput>[0] = {}) {
      order += 1;
      const input = automationInput({ slug: `refund-issuing-${order}`, title: 'Refund issuing', riskDomains: ['revenue'], ...overrides });
      expect((await as('omar', REGISTER, { input })).errors).toBeUndefined();
      return input;
    }

    it('holds an admin’s move of a risk-domain automation to another team for an owner of its team; approved, it applies', async () => {
      const input = await risky();
      const asked = await as<Updated>('ada', UPDATE, { slug: input.slug, input: { ...input, owner: 'order-ops' } });
      expect(asked.errors).toBeUndefined();
      const change = asked.data?.updateAutomation.pendingChange as Change;
      expect(change).toMatchObject({ state: 'pending', ownerTeam: 'finance-ops', changes: ['owner team: finance-ops → order-ops (it touches revenue)'], sloChanges: [] });
      expect(await owners(input.slug)).toEqual({ owner_team: 'finance-ops', risk_domains: ['revenue'] });

      const admin = await as<{ approveAutomationChange: Change }>('ada', APPROVE_CHANGE, { id: change.id });
      expect(admin.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const approved = await as<{ approveAutomationChange: Change }>('omar', APPROVE_CHANGE, { id: change.id, note: 'order-ops runs refunds from Monday' });
      expect(approved.errors).toBeUndefined();
      expect(approved.data?.approveAutomationChange).toMatchObject({ state: 'approved', decidedBy: { id: 'omar' } });
      expect(await owners(input.slug)).toEqual({ owner_team: 'order-ops', risk_domains: ['revenue'] });
      expect((await trail('automation_change', change.id)).map((e) => [e.action, e.actor_id])).toEqual([
        ['automation.change_requested', 'ada'],
        ['approval.approved', 'omar'],
      ]);
    });

    it('holds an owner’s removal of a risk domain for another owner, so a reprocess still waits for a second person meanwhile', async () => {
      const input = await risky();
      const asked = await as<Updated>('omar', UPDATE, { slug: input.slug, input: { ...input, riskDomains: [] } });
      const change = asked.data?.updateAutomation.pendingChange as Change;
      expect(change).toMatchObject({ state: 'pending', changes: ['risk domains: revenue → none (revenue taken away)'] });
      expect((await owners(input.slug))?.risk_domains).toEqual(['revenue']);
      const held = await start('otto', await seed(input.slug, 1));
      expect(held).toMatchObject({ state: 'awaiting_approval', approvalReasons: [`${input.slug} touches revenue`] });
      // Adding a risk domain, or a change to other fields, applies at once.
      const widened = await as<Updated>('omar', UPDATE, { slug: input.slug, input: { ...input, riskDomains: ['revenue', 'billing'], title: 'Refund issuing (Adyen)' } });
      expect(widened.data?.updateAutomation.pendingChange).toBeNull();
      expect((await owners(input.slug))?.risk_domains).toEqual(['revenue', 'billing']);
    });

    it('holds a production automation leaving production, which would free its SLOs from approval', async () => {
      const input = await risky({ lifecycle: 'production', riskDomains: [] });
      const asked = await as<Updated>('omar', UPDATE, { slug: input.slug, input: { ...input, lifecycle: 'experimental' } });
      expect(asked.data?.updateAutomation.pendingChange).toMatchObject({ changes: ['lifecycle: production → experimental'] });
    });

    it('sets aside a reprocess waiting for approval when its automation moves, and an SLO change waiting for the old team', async () => {
      const input = await risky({ lifecycle: 'production' });
      const ids = await seed(input.slug, 2);
      const held = await start('otto', ids);
      expect(held.state).toBe('awaiting_approval');
      const slo = (
        await as<Updated>('omar', UPDATE, {
          slug: input.slug,
          input: { ...input, slos: [{ name: 'bills-succeed', title: '99% of bills drafted', indicator: 'success_rate', objective: 95, window: '30d', runbook: 'triage' }] },
        })
      ).data?.updateAutomation.pendingChange as Change;
      expect(slo.state).toBe('pending');

      const move = (await as<Updated>('ada', UPDATE, { slug: input.slug, input: { ...input, owner: 'order-ops' } })).data?.updateAutomation.pendingChange as Change;
      // Asking for the move replaces the waiting SLO change; the reprocess still waits, as nothing has moved yet.
      expect((await request(held.id)).state).toBe('awaiting_approval');
      expect((await as<{ approveAutomationChange: Change }>('olga', APPROVE_CHANGE, { id: move.id })).errors).toBeUndefined();

      const why = `Set aside: ${input.slug} moved from finance-ops to order-ops after it was asked for. Ask again if it is still needed.`;
      expect(await request(held.id)).toMatchObject({
        state: 'cancelled',
        decision: { decision: 'rejected', by: { id: 'roundhouse' }, note: why },
        progress: { queued: 0, cancelled: 2 },
      });
      expect(await statuses(ids)).toEqual(['pending']);
      expect(await trail('reprocess_request', held.id)).toEqual([
        expect.objectContaining({ action: 'reprocess.requested', actor_id: 'otto' }),
        expect.objectContaining({ action: 'approval.superseded', actor_id: 'olga', reason: why }),
      ]);
      const late = await as<{ approveReprocess: Request }>('oscar', APPROVE, { id: held.id });
      expect(late.errors?.[0]?.extensions?.code).toMatch(/FORBIDDEN|CONFLICT/);
      expect((await request(held.id)).state).toBe('cancelled');
    });

    it('sets aside an SLO change waiting for the old team when an automation without risk domains moves', async () => {
      const input = await risky({ lifecycle: 'production', riskDomains: [] });
      const slo = (
        await as<Updated>('omar', UPDATE, {
          slug: input.slug,
          input: { ...input, slos: [{ name: 'bills-succeed', title: '99% of bills drafted', indicator: 'success_rate', objective: 95, window: '30d', runbook: 'triage' }] },
        })
      ).data?.updateAutomation.pendingChange as Change;
      const moved = await as<Updated>('ada', UPDATE, { slug: input.slug, input: { ...input, owner: 'order-ops' } });
      expect(moved.data?.updateAutomation.pendingChange).toBeNull();
      const why = `Set aside: ${input.slug} moved from finance-ops to order-ops after Omar Owner asked for this change. Ask again if it is still needed.`;
      expect(await trail('automation_change', slo.id)).toEqual([
        expect.objectContaining({ action: 'automation.change_requested', actor_id: 'omar' }),
        expect.objectContaining({ action: 'approval.superseded', actor_id: 'ada', reason: why }),
      ]);
      expect((await as<{ approveAutomationChange: Change }>('olga', APPROVE_CHANGE, { id: slo.id })).errors?.[0]?.extensions?.code).toMatch(/FORBIDDEN|CONFLICT/);
    });

    it('holds an approver to the automation as it was requested and as it is: a move that slipped past leaves the request to no one', async () => {
      const input = await risky();
      const ids = await seed(input.slug, 1);
      const held = await start('otto', ids);
      // A move the request did not see (as if made at the same moment): only the database changes.
      await t.db.query(`UPDATE automation SET owner_team = 'order-ops' WHERE slug = $1`, [input.slug]);

      const ozzie = await account('ozzie', 'operator', ['order-ops']);
      const newTeam = await t.api.graphql<{ approveReprocess: Request }>(APPROVE, { id: held.id }, ozzie);
      expect(newTeam.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(newTeam.errors?.[0]?.message).toBe(`Only people on the owning team can act on dead letters of ${input.slug}.`);
      const oldTeam = await as<{ approveReprocess: Request }>('oscar', APPROVE, { id: held.id });
      expect(oldTeam.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await request(held.id)).state).toBe('awaiting_approval');

      const both = await account('bea', 'operator', ['finance-ops', 'order-ops']);
      const shown = await t.api.graphql<{ reprocessRequest: Request }>(GET, { id: held.id }, both);
      expect(shown.data?.reprocessRequest).toMatchObject({
        canDecide: false,
        decideBlockedReason: `${input.slug} moved from finance-ops to order-ops after it was asked for: it can no longer be approved.`,
      });
      const stale = await t.api.graphql<{ approveReprocess: Request }>(APPROVE, { id: held.id }, both);
      expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect(stale.errors?.[0]?.message).toBe(
        `${input.slug} moved from finance-ops to order-ops after Otto Operator asked for this request: it was set aside, not approved. Ask again if it is still needed.`,
      );
      expect(await request(held.id)).toMatchObject({ state: 'cancelled', decision: { decision: 'rejected', by: { id: 'roundhouse' } } });
      expect(await statuses(ids)).toEqual(['pending']);
      expect((await trail('reprocess_request', held.id)).map((e) => [e.action, e.actor_id])).toEqual([
        ['reprocess.requested', 'otto'],
        ['approval.superseded', 'bea'],
      ]);
    });

    it('applies a catalog file’s move (reviewed in Git), with an entry of its own, and sets aside what waited on the automation', async () => {
      const root = t.api.config.repositoryRoot;
      const copy = await mkdtemp(path.join(os.tmpdir(), 'roundhouse-catalog-'));
      try {
        await cp(path.join(root, 'catalog'), path.join(copy, 'catalog'), { recursive: true });
        const file = path.join(copy, 'catalog', 'automations', 'regulatory-export.yaml');
        const token = (await createToken(t.api, cookies.ada, { team: 'data-compliance', capabilities: ['ingest', 'dead_letters'] })).secret;
        const ids = await seed('regulatory-export', 1, token);
        const held = await start('ada', ids);
        expect(held.state).toBe('awaiting_approval');

        const yaml = await readFile(file, 'utf8');
        expect(yaml).toMatch(/^\s+owner: data-compliance$/m);
        await writeFile(file, yaml.replace(/^(\s+)owner: data-compliance$/m, '$1owner: finance-ops').replace(/riskDomains: \[regulatory, billing\]/, 'riskDomains: [regulatory]'));
        await t.api.app.get(CatalogService).apply(path.join(copy, 'catalog'), copy);

        expect(await owners('regulatory-export')).toEqual({ owner_team: 'finance-ops', risk_domains: ['regulatory'] });
        const [entry] = await t.db.query<{ actor_id: string; reason: string; before: unknown; after: unknown; teams: string[] }>(
          `SELECT actor_id, reason, before, after, teams FROM audit_entry WHERE action = 'automation.updated' AND target_id = 'regulatory-export' ORDER BY id DESC LIMIT 1`,
        );
        expect(entry).toEqual({
          actor_id: 'roundhouse',
          reason: `regulatory-export moved from data-compliance to finance-ops and regulatory-export's risk domains changed from billing and regulatory to regulatory by a catalog apply of catalog/automations/regulatory-export.yaml (reviewed in Git, not in the Approvals inbox).`,
          before: { ownerTeam: 'data-compliance', riskDomains: ['regulatory', 'billing'] },
          after: { ownerTeam: 'finance-ops', riskDomains: ['regulatory'] },
          teams: ['data-compliance', 'finance-ops'],
        });
        expect(await request(held.id)).toMatchObject({ state: 'cancelled', decision: { by: { id: 'roundhouse' } } });
        expect((await trail('reprocess_request', held.id)).map((e) => [e.action, e.actor_id])).toEqual([
          ['reprocess.requested', 'ada'],
          ['approval.superseded', 'roundhouse'],
        ]);
      } finally {
        await t.api.app.get(CatalogService).apply(path.join(root, 'catalog'), root);
        await rm(copy, { recursive: true, force: true });
      }
      expect((await owners('regulatory-export'))?.owner_team).toBe('data-compliance');
    });
  });
});

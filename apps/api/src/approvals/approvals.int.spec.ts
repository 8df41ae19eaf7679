import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { automationInput } from '../../test/fixtures.js';
import { eventually } from '../../test/eventually.js';
import { useTestApi, type GraphQLResult, type Persona } from '../../test/harness.js';
import { createToken, deadLetter, ingest } from '../../test/telemetry.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { DashboardsRepository } from '../dashboards/dashboards.repository.js';
import { DEAD_LETTER_STATUS } from '../dead-letters/dead-letter-query.js';
import { ApprovalsService } from './approvals.service.js';

const REQUEST_FIELDS = `id state total approvalReasons canControl canReject canDecide decideBlockedReason requestedBy { id }
  decision { decision by { id name } at note } progress { queued dispatched cancelled }`;

interface Request {
  id: string;
  state: string;
  total: number;
  approvalReasons: string[];
  canControl: boolean;
  canReject: boolean;
  canDecide: boolean;
  decideBlockedReason: string | null;
  requestedBy: { id: string };
  decision: { decision: string; by: { id: string; name: string }; at: string; note: string | null } | null;
  progress: { queued: number; dispatched: number; cancelled: number };
}

const CHANGE_FIELDS = `id state ownerTeam sloChanges changes requestedBy { id } decidedBy { id } decidedAt reason canDecide decideBlockedReason canReject automation { slug }`;

interface Change {
  id: string;
  state: string;
  ownerTeam: string;
  sloChanges: string[];
  changes: string[];
  requestedBy: { id: string };
  decidedBy: { id: string } | null;
  decidedAt: string | null;
  reason: string | null;
  canDecide: boolean;
  decideBlockedReason: string | null;
  canReject: boolean;
  automation: { slug: string };
}

interface Inbox {
  reprocessRequests: Request[];
  automationChanges: Change[];
  waitingForYou: number;
}

const START = `mutation Start($input: StartReprocessInput!) { startReprocess(input: $input) { ${REQUEST_FIELDS} } }`;
const GET = `query Get($id: ID!) { reprocessRequest(id: $id) { ${REQUEST_FIELDS} } }`;
const APPROVE = `mutation Approve($id: ID!, $note: String) { approveReprocess(id: $id, note: $note) { ${REQUEST_FIELDS} } }`;
const REJECT = `mutation Reject($id: ID!, $reason: String!) { rejectReprocess(id: $id, reason: $reason) { ${REQUEST_FIELDS} } }`;
const PREVIEW = `query Preview($selection: DeadLetterSelection!) { reprocessPreview(action: reprocess, selection: $selection) { count approvalReasons } }`;
const UPDATE = `mutation Update($slug: String!, $input: AutomationInput!) {
  updateAutomation(slug: $slug, input: $input) { slug title slos { name objective window } pendingChange { ${CHANGE_FIELDS} } }
}`;
const APPROVE_CHANGE = `mutation ApproveChange($id: ID!, $note: String) { approveAutomationChange(id: $id, note: $note) { ${CHANGE_FIELDS} } }`;
const REJECT_CHANGE = `mutation RejectChange($id: ID!, $reason: String!) { rejectAutomationChange(id: $id, reason: $reason) { ${CHANGE_FIELDS} } }`;
const AUTOMATION = `query One($slug: String!) { automation(slug: $slug) { title slos { name objective window } pendingChange { ${CHANGE_FIELDS} } } }`;
const INBOX = `{ approvals { waitingForYou reprocessRequests { ${REQUEST_FIELDS} } automationChanges { ${CHANGE_FIELDS} } } }`;

/** A finance-ops automation that touches no risk domain, its runtime pulling commands through the SDK. */
const PLAIN = 'vendor-bill-capture';

describe(ApprovalsService.name, () => {
  // A small threshold keeps the bulk case small; the risk domains are the defaults (revenue, billing).
  const t = useTestApi({ ROUNDHOUSE_JOBS: 'true', ROUNDHOUSE_APPROVAL_BULK_THRESHOLD: '5' });
  const cookies = {} as Record<Persona, string>;
  let financeRuntime: string;
  let supportRuntime: string;

  async function as<T>(persona: Persona, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResult<T>> {
    return t.api.graphql<T>(query, variables, cookies[persona]);
  }

  async function seed(automation: string, count: number, token = financeRuntime): Promise<string[]> {
    const events = Array.from({ length: count }, () => deadLetter(automation, { source: { kind: 'sdk', queue: `${automation}.failed` } }));
    expect((await ingest(t.api, token, events)).body.accepted).toBe(count);
    const rows = await t.db.query<{ id: string }>(`SELECT id::text AS id FROM dead_letter WHERE message_id = ANY($1) ORDER BY id`, [events.map((e) => (e as { messageId: string }).messageId)]);
    return rows.map((r) => r.id);
  }

  async function start(persona: Persona, ids: string[]): Promise<Request> {
    const result = await as<{ startReprocess: Request }>(persona, START, { input: { action: 'reprocess', velocity: 1000, reason: 'NetSuite is back after the outage', selection: { ids } } });
    expect(result.errors).toBeUndefined();
    return result.data?.startReprocess as Request;
  }

  async function request(id: string): Promise<Request> {
    return (await as<{ reprocessRequest: Request }>('ada', GET, { id })).data?.reprocessRequest as Request;
  }

  async function trail(kind: string, id: string): Promise<{ action: string; actor_id: string; reason: string | null }[]> {
    return t.db.query(`SELECT action, actor_id, reason FROM audit_entry WHERE target_kind = $1 AND target_id = $2 ORDER BY id`, [kind, id]);
  }

  async function inbox(persona: Persona): Promise<Inbox> {
    const result = await as<{ approvals: Inbox }>(persona, INBOX);
    expect(result.errors).toBeUndefined();
    return result.data?.approvals as Inbox;
  }

  /** Signs in a local account made for one test (role and teams the personas do not cover). */
  async function account(username: string, role: 'operator' | 'owner' | 'admin', teams: string[]): Promise<string> {
    const password = 'correct horse battery staple';
    await t.api.app.get(AccountsService).add({ username, name: `${username[0]?.toUpperCase() ?? ''}${username.slice(1)} Account`, role, teams, password });
    const signedIn = await fetch(`${t.api.url}/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    return (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  }

  /** The dead letters' statuses as the api reads them (the stored status keeps only outcomes; "in a request" comes from the ledger). */
  async function statuses(ids: string[]): Promise<string[]> {
    const rows = await t.db.query<{ status: string }>(`SELECT DISTINCT ${DEAD_LETTER_STATUS} AS status FROM dead_letter d WHERE d.id = ANY($1::bigint[])`, [ids]);
    return rows.map((r) => r.status);
  }

  beforeAll(async () => {
    await t.api.app.get(CatalogService).apply(path.join(t.api.config.repositoryRoot, 'catalog'), t.api.config.repositoryRoot);
    for (const persona of ['ada', 'omar', 'olga', 'otto', 'oscar', 'vera'] as const) {
      cookies[persona] = await t.api.signIn(persona);
    }
    const registered = await as('omar', `mutation($input: AutomationInput!) { registerAutomation(input: $input) { slug } }`, { input: automationInput({ slug: PLAIN, riskDomains: [] }) });
    expect(registered.errors).toBeUndefined();
    financeRuntime = (await createToken(t.api, cookies.omar, { team: 'finance-ops', capabilities: ['ingest', 'dead_letters', 'commands'] })).secret;
    supportRuntime = (await createToken(t.api, cookies.ada, { team: 'support-engineering', capabilities: ['ingest', 'dead_letters'] })).secret;
  });

  describe('reprocess and discard requests', () => {
    it('runs a small request on an automation that touches no risk domain at once', async () => {
      const ids = await seed(PLAIN, 3);
      expect((await as<{ reprocessPreview: { approvalReasons: string[] } }>('otto', PREVIEW, { selection: { ids } })).data?.reprocessPreview.approvalReasons).toEqual([]);
      const created = await start('otto', ids);
      expect(created).toMatchObject({ state: 'running', approvalReasons: [], decision: null, canDecide: false });
      await eventually(() => request(created.id), (r) => r.progress.dispatched === 3, 'commands offered');
    });

    it('holds a request over the threshold, and one on a billing automation, saying why up front', async () => {
      const bulk = await seed(PLAIN, 6);
      const preview = await as<{ reprocessPreview: { approvalReasons: string[] } }>('otto', PREVIEW, { selection: { ids: bulk } });
      expect(preview.data?.reprocessPreview.approvalReasons).toEqual(['6 messages is more than the 5 one person may reprocess alone']);
      const held = await start('otto', bulk);
      expect(held).toMatchObject({ state: 'awaiting_approval', approvalReasons: ['6 messages is more than the 5 one person may reprocess alone'], total: 6 });
      expect(held.progress).toMatchObject({ queued: 6, dispatched: 0 });

      const billing = await seed('payout-reconciliation', 1);
      expect((await as<{ reprocessPreview: { approvalReasons: string[] } }>('otto', PREVIEW, { selection: { ids: billing } })).data?.reprocessPreview.approvalReasons).toEqual([
        'payout-reconciliation touches revenue and billing',
      ]);
      const risky = await start('otto', billing);
      expect(risky).toMatchObject({ state: 'awaiting_approval', approvalReasons: ['payout-reconciliation touches revenue and billing'] });
      expect(await trail('reprocess_request', risky.id)).toEqual([expect.objectContaining({ action: 'reprocess.requested', actor_id: 'otto' })]);
    });

    it('refuses the requester’s own approval; a second operator on call approves and it is sent', async () => {
      const ids = await seed('payout-reconciliation', 2);
      const held = await start('otto', ids);
      expect(held).toMatchObject({ canDecide: false, decideBlockedReason: 'You asked for this request; someone else on call must approve it.', canControl: true });

      const own = await as<{ approveReprocess: Request }>('otto', APPROVE, { id: held.id });
      expect(own.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(own.errors?.[0]?.message).toBe('You asked for this request; someone else on call must approve it.');
      expect((await request(held.id)).state).toBe('awaiting_approval');
      expect((await as<{ approveReprocess: Request }>('vera', APPROVE, { id: held.id })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

      const approved = await as<{ approveReprocess: Request }>('oscar', APPROVE, { id: held.id, note: 'Checked with treasury: the account is open again' });
      expect(approved.errors).toBeUndefined();
      expect(approved.data?.approveReprocess).toMatchObject({ state: 'running', decision: { decision: 'approved', by: { id: 'oscar', name: 'Oscar Operator' }, note: 'Checked with treasury: the account is open again' } });
      await eventually(() => request(held.id), (r) => r.progress.dispatched === 2, 'commands offered after approval');

      const again = await as<{ approveReprocess: Request }>('omar', APPROVE, { id: held.id });
      expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect(again.errors?.[0]?.message).toBe('Oscar Operator already approved this request.');
      expect(await trail('reprocess_request', held.id)).toEqual([
        expect.objectContaining({ action: 'reprocess.requested', actor_id: 'otto' }),
        expect.objectContaining({ action: 'approval.approved', actor_id: 'oscar', reason: 'Checked with treasury: the account is open again' }),
      ]);
    });

    it('lets nobody off the owning team approve', async () => {
      const ids = await seed('ticket-triage', 6, supportRuntime);
      const held = await start('ada', ids);
      expect(held.state).toBe('awaiting_approval');
      const otto = await as<{ approveReprocess: Request }>('otto', APPROVE, { id: held.id });
      expect(otto.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(otto.errors?.[0]?.message).toBe('Only people on the owning team can act on dead letters of ticket-triage.');
      expect((await as<{ rejectReprocess: Request }>('oscar', REJECT, { id: held.id, reason: 'not ours' })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await request(held.id)).state).toBe('awaiting_approval');
    });

    it('lets no admin off the owning team approve or reject a request on a risk-domain automation; an admin on the team may', async () => {
      const ids = await seed('payout-reconciliation', 1);
      const held = await start('otto', ids);
      expect(held.state).toBe('awaiting_approval');
      const offTeam = 'Separation of duties: only people on the team that owns payout-reconciliation (on call or owners) approve or reject this request, not admins off that team.';
      expect((await as<{ reprocessRequest: Request }>('ada', GET, { id: held.id })).data?.reprocessRequest).toMatchObject({
        canDecide: false,
        decideBlockedReason: offTeam,
        canReject: false,
        canControl: true,
      });
      const approved = await as<{ approveReprocess: Request }>('ada', APPROVE, { id: held.id, note: 'admin override' });
      expect(approved.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(approved.errors?.[0]?.message).toBe(offTeam);
      const rejected = await as<{ rejectReprocess: Request }>('ada', REJECT, { id: held.id, reason: 'admin override' });
      expect(rejected.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(rejected.errors?.[0]?.message).toBe(offTeam);
      expect((await request(held.id)).state).toBe('awaiting_approval');
      expect((await trail('reprocess_request', held.id)).map((e) => e.action)).toEqual(['reprocess.requested']);

      // An admin who is on finance-ops is one of its people: she decides like them.
      await t.api.app.get(AccountsService).add({ username: 'fay', name: 'Fay Admin', role: 'admin', teams: ['finance-ops'], password: 'correct horse battery staple' });
      const signedIn = await fetch(`${t.api.url}/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'fay', password: 'correct horse battery staple' }) });
      const fay = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const decided = await t.api.graphql<{ approveReprocess: Request }>(APPROVE, { id: held.id, note: 'Checked with treasury' }, fay);
      expect(decided.errors).toBeUndefined();
      expect(decided.data?.approveReprocess).toMatchObject({ state: 'running', decision: { decision: 'approved', by: { id: 'fay' } } });
    });

    it('lets an admin withdraw a request she asked for, off the owning team', async () => {
      const ids = await seed('ticket-triage', 6, supportRuntime);
      const held = await start('ada', ids);
      expect(held).toMatchObject({ state: 'awaiting_approval', canDecide: false, canReject: true });
      const withdrawn = await as<{ rejectReprocess: Request }>('ada', REJECT, { id: held.id, reason: 'Asked for the wrong queue' });
      expect(withdrawn.errors).toBeUndefined();
      expect(withdrawn.data?.rejectReprocess).toMatchObject({ state: 'cancelled', decision: { decision: 'rejected', by: { id: 'ada' } } });
    });

    it('counts the dead letters a request holds as waiting nowhere (list, groups, dashboards’ backlog) until it lets them go', async () => {
      const slug = 'vendor-credit-capture';
      const registered = await as('omar', `mutation($input: AutomationInput!) { registerAutomation(input: $input) { slug } }`, { input: automationInput({ slug, riskDomains: [] }) });
      expect(registered.errors).toBeUndefined();
      const ids = await seed(slug, 7);
      const waiting = async () => {
        const list = await as<{ deadLetters: { edges: unknown[] } }>('otto', `query($f: DeadLetterFilter) { deadLetters(filter: $f, first: 50) { edges { node { id } } } }`, { f: { automation: slug, needsAction: true } });
        const groups = await as<{ deadLetterGroups: { pending: number }[] }>('otto', `query($a: String) { deadLetterGroups(automation: $a, status: null) { pending } }`, { a: slug });
        const backlog = await t.api.app.get(DashboardsRepository).backlog([slug], new Date(Date.now() - 86_400_000), new Date());
        return { list: list.data?.deadLetters.edges.length, groups: groups.data?.deadLetterGroups.map((g) => g.pending), dashboard: backlog.get(slug)?.pending };
      };
      expect(await waiting()).toEqual({ list: 7, groups: [7], dashboard: 7 });
      const held = await start('otto', ids);
      expect(held).toMatchObject({ state: 'awaiting_approval', total: 7 });
      // Taken by the request (its items queued): not waiting for a decision any more.
      expect(await statuses(ids)).toEqual(['reprocessing']);
      expect(await waiting()).toEqual({ list: 0, groups: [0], dashboard: 0 });
      const rejected = await as<{ rejectReprocess: Request }>('oscar', REJECT, { id: held.id, reason: 'Wrong vendor batch' });
      expect(rejected.data?.rejectReprocess.state).toBe('cancelled');
      expect(await statuses(ids)).toEqual(['pending']);
      expect(await waiting()).toEqual({ list: 7, groups: [7], dashboard: 7 });
    });

    it('rejects with a reason: the request ends cancelled, nothing is sent, the dead letters wait again', async () => {
      const ids = await seed(PLAIN, 7);
      const held = await start('otto', ids);
      expect(await statuses(ids)).toEqual(['reprocessing']);
      const noReason = await as<{ rejectReprocess: Request }>('oscar', REJECT, { id: held.id, reason: ' ' });
      expect(noReason.errors?.[0]?.extensions?.fields?.[0]?.path).toBe('reason');

      const rejected = await as<{ rejectReprocess: Request }>('oscar', REJECT, { id: held.id, reason: 'Half of these are duplicates; select the others' });
      expect(rejected.data?.rejectReprocess).toMatchObject({
        state: 'cancelled',
        progress: { queued: 0, dispatched: 0, cancelled: 7 },
        decision: { decision: 'rejected', by: { id: 'oscar' }, note: 'Half of these are duplicates; select the others' },
      });
      expect(await statuses(ids)).toEqual(['pending']);
      expect(await trail('reprocess_request', held.id)).toEqual([
        expect.objectContaining({ action: 'reprocess.requested', actor_id: 'otto' }),
        expect.objectContaining({ action: 'approval.rejected', actor_id: 'oscar', reason: 'Half of these are duplicates; select the others' }),
      ]);
      // The same dead letters can be asked for again.
      expect((await start('otto', ids.slice(0, 2))).state).toBe('running');
    });

    it('lets the requester withdraw their own request', async () => {
      const ids = await seed('payout-reconciliation', 1);
      const held = await start('otto', ids);
      const withdrawn = await as<{ rejectReprocess: Request }>('otto', REJECT, { id: held.id, reason: 'Wrong payout selected' });
      expect(withdrawn.data?.rejectReprocess).toMatchObject({ state: 'cancelled', decision: { decision: 'rejected', by: { id: 'otto' } } });
      expect(await statuses(ids)).toEqual(['pending']);
    });
  });

  describe('SLO changes of production automations', () => {
    const slug = 'card-dispute-evidence';
    const production = (overrides: Parameters<typeof automationInput>[0] = {}) => automationInput({ slug, title: 'Card dispute evidence', lifecycle: 'production', riskDomains: [], ...overrides });
    const slos = (objective: number, window = '30d') => [{ name: 'bills-succeed', title: '99% of bills drafted', indicator: 'success_rate' as const, objective, window, runbook: 'triage' }];

    beforeAll(async () => {
      expect((await as('omar', `mutation($input: AutomationInput!) { registerAutomation(input: $input) { slug } }`, { input: production() })).errors).toBeUndefined();
    });

    async function automation() {
      return (await as<{ automation: { title: string; slos: { objective: number; window: string }[]; pendingChange: Change | null } }>('omar', AUTOMATION, { slug })).data?.automation;
    }

    async function askForSlos(persona: Persona, objective: number, window = '30d'): Promise<Change> {
      const result = await as<{ updateAutomation: { slos: { objective: number }[]; pendingChange: Change | null } }>(persona, UPDATE, { slug, input: production({ slos: slos(objective, window) }) });
      expect(result.errors).toBeUndefined();
      return result.data?.updateAutomation.pendingChange as Change;
    }

    it('holds an SLO change for another owner of the team: omar asks, omar may not approve, olga approves and it applies', async () => {
      const result = await as<{ updateAutomation: { slos: { objective: number; window: string }[]; pendingChange: Change | null } }>('omar', UPDATE, { slug, input: production({ slos: slos(97.5, '28d') }) });
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
      const result = await as<{ updateAutomation: { title: string; pendingChange: Change | null } }>('omar', UPDATE, { slug, input: production({ title: 'Card dispute evidence (Adyen)', slos: slos(97.5, '28d') }) });
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
    const owners = async (slug: string) => (await t.db.query<{ owner_team: string; risk_domains: string[] }>(`SELECT owner_team, risk_domains FROM automation WHERE slug = $1`, [slug]))[0];
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
      const slo = (await as<Updated>('omar', UPDATE, { slug: input.slug, input: { ...input, slos: [{ name: 'bills-succeed', title: '99% of bills drafted', indicator: 'success_rate', objective: 95, window: '30d', runbook: 'triage' }] } })).data?.updateAutomation.pendingChange as Change;
      expect(slo.state).toBe('pending');

      const move = (await as<Updated>('ada', UPDATE, { slug: input.slug, input: { ...input, owner: 'order-ops' } })).data?.updateAutomation.pendingChange as Change;
      // Asking for the move replaces the waiting SLO change; the reprocess still waits, as nothing has moved yet.
      expect((await request(held.id)).state).toBe('awaiting_approval');
      expect((await as<{ approveAutomationChange: Change }>('olga', APPROVE_CHANGE, { id: move.id })).errors).toBeUndefined();

      const why = `Set aside: ${input.slug} moved from finance-ops to order-ops after it was asked for. Ask again if it is still needed.`;
      expect(await request(held.id)).toMatchObject({ state: 'cancelled', decision: { decision: 'rejected', by: { id: 'roundhouse' }, note: why }, progress: { queued: 0, cancelled: 2 } });
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
      const slo = (await as<Updated>('omar', UPDATE, { slug: input.slug, input: { ...input, slos: [{ name: 'bills-succeed', title: '99% of bills drafted', indicator: 'success_rate', objective: 95, window: '30d', runbook: 'triage' }] } })).data?.updateAutomation.pendingChange as Change;
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
      expect(shown.data?.reprocessRequest).toMatchObject({ canDecide: false, decideBlockedReason: `${input.slug} moved from finance-ops to order-ops after it was asked for: it can no longer be approved.` });
      const stale = await t.api.graphql<{ approveReprocess: Request }>(APPROVE, { id: held.id }, both);
      expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect(stale.errors?.[0]?.message).toBe(`${input.slug} moved from finance-ops to order-ops after Otto Operator asked for this request: it was set aside, not approved. Ask again if it is still needed.`);
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

  it('shows each person what waits for them, and what they asked for', async () => {
    const ids = await seed(PLAIN, 8);
    const held = await start('otto', ids);
    const change = (await as<{ updateAutomation: { pendingChange: Change } }>('omar', UPDATE, {
      slug: 'card-dispute-evidence',
      input: automationInput({ slug: 'card-dispute-evidence', title: 'Card dispute evidence submission', lifecycle: 'production', riskDomains: [], slos: [{ name: 'bills-succeed', title: '99% of bills drafted', indicator: 'success_rate', objective: 99.5, window: '28d', runbook: 'triage' }] }),
    })).data?.updateAutomation.pendingChange as Change;
    expect(change.state).toBe('pending');
    const ticketIds = await seed('ticket-triage', 6, supportRuntime);
    const foreign = await start('ada', ticketIds);

    const requestIn = (box: Inbox, id: string) => box.reprocessRequests.find((r) => r.id === id);
    const changeIn = (box: Inbox, id: string) => box.automationChanges.find((c) => c.id === id);

    const otto = await inbox('otto');
    expect(requestIn(otto, held.id)).toMatchObject({ canDecide: false, decideBlockedReason: 'You asked for this request; someone else on call must approve it.' });
    expect(requestIn(otto, foreign.id)).toBeUndefined();
    expect(otto.automationChanges).toEqual([]);

    const oscar = await inbox('oscar');
    expect(requestIn(oscar, held.id)).toMatchObject({ canDecide: true, decideBlockedReason: null });
    expect(requestIn(oscar, foreign.id)).toBeUndefined();
    expect(oscar.waitingForYou).toBe(oscar.reprocessRequests.filter((r) => r.canDecide).length);

    const olga = await inbox('olga');
    expect(requestIn(olga, held.id)?.canDecide).toBe(true);
    expect(changeIn(olga, change.id)).toMatchObject({ canDecide: true });

    const omar = await inbox('omar');
    expect(changeIn(omar, change.id)).toMatchObject({ canDecide: false, decideBlockedReason: 'You asked for this change; another owner on the finance-ops team must approve it.' });

    // Separation of duties: nothing of finance-ops waits for an admin who is not on it.
    const ada = await inbox('ada');
    expect(requestIn(ada, held.id)).toBeUndefined();
    expect(requestIn(ada, foreign.id)).toMatchObject({ canDecide: false, canReject: true });
    expect(changeIn(ada, change.id)).toBeUndefined();

    expect(await inbox('vera')).toEqual({ reprocessRequests: [], automationChanges: [], waitingForYou: 0 });
  });
});

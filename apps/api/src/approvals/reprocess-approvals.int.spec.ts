import { beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../test/eventually.js';
import { automationInput } from '../../test/fixtures.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { DashboardsRepository } from '../dashboards/dashboards.repository.js';
import { APPROVE, type Change, GET, type Inbox, PLAIN, PREVIEW, REJECT, type Request, UPDATE, useApprovalsApi } from '../../test/approvals.js';

// Reprocess and discard requests that need a second person (the bulk threshold, risk domains,
// separation of duties), and the approvals inbox that lists what waits for whom.

describe('Approval of reprocess and discard requests', () => {
  const { t, runtimes, as, seed, start, request, trail, inbox, statuses } = useApprovalsApi();

  describe('who may approve, reject or withdraw a request', () => {
    it('runs a small request on an automation that touches no risk domain at once', async () => {
      const ids = await seed(PLAIN, 3);
      expect((await as<{ reprocessPreview: { approvalReasons: string[] } }>('otto', PREVIEW, { selection: { ids } })).data?.reprocessPreview.approvalReasons).toEqual([]);
      const created = await start('otto', ids);
      expect(created).toMatchObject({ state: 'running', approvalReasons: [], decision: null, canDecide: false });
      await eventually(
        () => request(created.id),
        (r) => r.progress.dispatched === 3,
        'commands offered',
      );
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
      expect(approved.data?.approveReprocess).toMatchObject({
        state: 'running',
        decision: { decision: 'approved', by: { id: 'oscar', name: 'Oscar Operator' }, note: 'Checked with treasury: the account is open again' },
      });
      await eventually(
        () => request(held.id),
        (r) => r.progress.dispatched === 2,
        'commands offered after approval',
      );

      const again = await as<{ approveReprocess: Request }>('omar', APPROVE, { id: held.id });
      expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect(again.errors?.[0]?.message).toBe('Oscar Operator already approved this request.');
      expect(await trail('reprocess_request', held.id)).toEqual([
        expect.objectContaining({ action: 'reprocess.requested', actor_id: 'otto' }),
        expect.objectContaining({ action: 'approval.approved', actor_id: 'oscar', reason: 'Checked with treasury: the account is open again' }),
      ]);
    });

    it('lets nobody off the owning team approve', async () => {
      const ids = await seed('ticket-triage', 6, runtimes.support);
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
      const signedIn = await fetch(`${t.api.url}/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'fay', password: 'correct horse battery staple' }),
      });
      const fay = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const decided = await t.api.graphql<{ approveReprocess: Request }>(APPROVE, { id: held.id, note: 'Checked with treasury' }, fay);
      expect(decided.errors).toBeUndefined();
      expect(decided.data?.approveReprocess).toMatchObject({ state: 'running', decision: { decision: 'approved', by: { id: 'fay' } } });
    });

    it('lets an admin withdraw a request she asked for, off the owning team', async () => {
      const ids = await seed('ticket-triage', 6, runtimes.support);
      const held = await start('ada', ids);
      expect(held).toMatchObject({ state: 'awaiting_approval', canDecide: false, canReject: true });
      const withdrawn = await as<{ rejectReprocess: Request }>('ada', REJECT, { id: held.id, reason: 'Asked for the wrong queue' });
      expect(withdrawn.errors).toBeUndefined();
      expect(withdrawn.data?.rejectReprocess).toMatchObject({ state: 'cancelled', decision: { decision: 'rejected', by: { id: 'ada' } } });
    });

    it('counts the dead letters a request holds as waiting nowhere (list, groups, dashboards’ backlog) until it lets them go', async () => {
      const slug = 'vendor-credit-capture';
      const registered = await as('omar', `mutation($input: AutomationInput!) { registerAutomation(input: $input) { slug } }`, {
        input: automationInput({ slug, riskDomains: [] }),
      });
      expect(registered.errors).toBeUndefined();
      const ids = await seed(slug, 7);
      const waiting = async () => {
        const list = await as<{ deadLetters: { edges: unknown[] } }>('otto', `query($f: DeadLetterFilter) { deadLetters(filter: $f, first: 50) { edges { node { id } } } }`, {
          f: { automation: slug, needsAction: true },
        });
        const groups = await as<{ deadLetterGroups: { pending: number }[] }>('otto', `query($a: String) { deadLetterGroups(automation: $a, status: null) { pending } }`, {
          a: slug,
        });
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

  describe('the approvals inbox', () => {
    beforeAll(async () => {
      // A production automation with an SLO, so that changing its objective waits for another owner.
      const input = automationInput({
        slug: 'card-dispute-evidence',
        title: 'Card dispute evidence submission',
        lifecycle: 'production',
        riskDomains: [],
        slos: [{ name: 'bills-succeed', title: '99% of bills drafted', indicator: 'success_rate', objective: 97.5, window: '28d', runbook: 'triage' }],
      });
      expect((await as('omar', `mutation($input: AutomationInput!) { registerAutomation(input: $input) { slug } }`, { input })).errors).toBeUndefined();
    });

    it('shows each person what waits for them, and what they asked for', async () => {
      const ids = await seed(PLAIN, 8);
      const held = await start('otto', ids);
      const change = (
        await as<{ updateAutomation: { pendingChange: Change } }>('omar', UPDATE, {
          slug: 'card-dispute-evidence',
          input: automationInput({
            slug: 'card-dispute-evidence',
            title: 'Card dispute evidence submission',
            lifecycle: 'production',
            riskDomains: [],
            slos: [{ name: 'bills-succeed', title: '99% of bills drafted', indicator: 'success_rate', objective: 99.5, window: '28d', runbook: 'triage' }],
          }),
        })
      ).data?.updateAutomation.pendingChange as Change;
      expect(change.state).toBe('pending');
      const ticketIds = await seed('ticket-triage', 6, runtimes.support);
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
      expect(changeIn(omar, change.id)).toMatchObject({
        canDecide: false,
        decideBlockedReason: 'You asked for this change; another owner on the finance-ops team must approve it.',
      });

      // Separation of duties: nothing of finance-ops waits for an admin who is not on it.
      const ada = await inbox('ada');
      expect(requestIn(ada, held.id)).toBeUndefined();
      expect(requestIn(ada, foreign.id)).toMatchObject({ canDecide: false, canReject: true });
      expect(changeIn(ada, change.id)).toBeUndefined();

      expect(await inbox('vera')).toEqual({ reprocessRequests: [], automationChanges: [], waitingForYou: 0 });
    });
  });
});

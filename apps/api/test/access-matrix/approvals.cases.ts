import { automationInput } from '../fixtures.js';
import type { AccessCase, MatrixContext } from './access-case.js';

/** Someone who is none of the callers: so a team's own people may decide what they did not ask for. */
const REQUESTER = { id: 'matrix-requester', name: 'Matrix Requester' };

/** A reprocess request of one fresh dead letter of `team`, waiting for approval, asked for by someone else. */
async function awaitingRequest(context: MatrixContext, team: string, deadLetterId?: string): Promise<string> {
  const deadLetter = deadLetterId ?? (await context.deadLetter(team));
  const { startReprocess } = await context.asAdmin<{ startReprocess: { id: string } }>(`mutation($input: StartReprocessInput!) { startReprocess(input: $input) { id } }`, {
    input: { action: 'reprocess', selection: { ids: [deadLetter] }, reason: 'access matrix', velocity: 10 },
  });
  await context.db.query(`UPDATE reprocess_request SET state = 'awaiting_approval', requested_by = $2, requested_by_name = $3 WHERE id = $1::bigint`, [
    startReprocess.id,
    REQUESTER.id,
    REQUESTER.name,
  ]);
  return startReprocess.id;
}

/** A console automation of `team` in production, with a change to its SLOs waiting for the owner team, asked for by the admin. */
async function pendingChange(context: MatrixContext, team: string): Promise<string> {
  const slug = await context.registerAutomation(team);
  const slos = [{ name: 'bills-succeed', title: '98% of bills drafted', indicator: 'success_rate' as const, objective: 98, window: '30d', runbook: 'triage' }];
  const { updateAutomation } = await context.asAdmin<{ updateAutomation: { pendingChange: { id: string } | null } }>(
    `mutation($slug: String!, $input: AutomationInput!) { updateAutomation(slug: $slug, input: $input) { pendingChange { id } } }`,
    { slug, input: automationInput({ slug, owner: team, lifecycle: 'production', slos }) },
  );
  if (updateAutomation.pendingChange === null) {
    throw new Error('preparing a pending change failed: the SLO change applied at once');
  }
  return updateAutomation.pendingChange.id;
}

export const cases: AccessCase[] = [
  { operation: 'Query.approvals', document: `{ approvals { waitingForYou reprocessRequests { id } automationChanges { id } } }` },
  {
    operation: 'Mutation.approveReprocess',

    document: `mutation($id: ID!) { approveReprocess(id: $id, note: "checked with treasury") { id state } }`,
    prepare: async (context, team) => ({ id: await awaitingRequest(context, team) }),
  },
  {
    // The request was asked for while its automation belonged to the other team; it has moved to the
    // target's team since, by a change the request did not see (made at the same moment): only the
    // database changes, so nothing set it aside.
    operation: 'Mutation.approveReprocess',
    variant: 'its automation moved to the target’s team after the request',
    document: `mutation($id: ID!) { approveReprocess(id: $id, note: "checked with treasury") { id state } }`,
    prepare: async (context, team) => {
      const from = team === 'finance-ops' ? 'order-ops' : 'finance-ops';
      const slug = await context.registerAutomation(from);
      const id = await awaitingRequest(context, from, await context.deadLetterOf(from, slug));
      await context.db.query(`UPDATE automation SET owner_team = $2 WHERE slug = $1`, [slug, team]);
      return { id };
    },
  },
  {
    operation: 'Mutation.rejectReprocess',

    document: `mutation($id: ID!) { rejectReprocess(id: $id, reason: "duplicates of settled payouts") { id state } }`,
    prepare: async (context, team) => ({ id: await awaitingRequest(context, team) }),
  },
  {
    // Admins do not bypass the owner team: they may ask for a change (and withdraw it), but only an owner on the team approves.
    operation: 'Mutation.approveAutomationChange',

    document: `mutation($id: ID!) { approveAutomationChange(id: $id, note: "matches the PSP's SLA") { id state } }`,
    prepare: async (context, team) => {
      const id = await pendingChange(context, team);
      await context.db.query(`UPDATE automation_change_request SET requested_by = $2, requested_by_name = $3 WHERE id = $1::bigint`, [id, REQUESTER.id, REQUESTER.name]);
      return { id };
    },
  },
  {
    // Asked for by the admin: owners on the team reject it, and the admin may withdraw it.
    operation: 'Mutation.rejectAutomationChange',

    document: `mutation($id: ID!) { rejectAutomationChange(id: $id, reason: "hides a broken integration") { id state } }`,
    prepare: async (context, team) => ({ id: await pendingChange(context, team) }),
  },
];

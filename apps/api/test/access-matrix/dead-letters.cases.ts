import type { AccessCase, MatrixContext } from './access-case.js';

const REQUEST = `{ id state }`;

/** A reprocess request of one fresh dead letter of `team`, asked for by the admin, put in `state`. */
async function requestIn(context: MatrixContext, team: string, state: 'running' | 'paused'): Promise<Record<string, unknown>> {
  const deadLetter = await context.deadLetter(team);
  const { startReprocess } = await context.asAdmin<{ startReprocess: { id: string } }>(`mutation($input: StartReprocessInput!) { startReprocess(input: $input) ${REQUEST} }`, {
    input: { action: 'reprocess', selection: { ids: [deadLetter] }, reason: 'access matrix', velocity: 10 },
  });
  // Whatever the approval policy made of it, the case is about controlling it in this state.
  await context.db.query(`UPDATE reprocess_request SET state = $2 WHERE id = $1::bigint`, [startReprocess.id, state]);
  return { id: startReprocess.id, reason: 'access matrix' };
}

/** A running canary reprocess of two fresh dead letters of `team` (a slice of one), asked for by the admin, its canary undecided. */
async function canaryRequest(context: MatrixContext, team: string): Promise<Record<string, unknown>> {
  const ids = [await context.deadLetter(team), await context.deadLetter(team)];
  const { startReprocess } = await context.asAdmin<{ startReprocess: { id: string } }>(`mutation($input: StartReprocessInput!) { startReprocess(input: $input) ${REQUEST} }`, {
    input: { action: 'reprocess', selection: { ids }, reason: 'access matrix', velocity: 10, canary: { count: 1, maxFailureRate: 0.2 } },
  });
  await context.db.query(`UPDATE reprocess_request SET state = 'running' WHERE id = $1::bigint`, [startReprocess.id]);
  return { id: startReprocess.id, reason: 'the runtime never reports' };
}

export const cases: AccessCase[] = [
  {
    operation: 'Query.deadLetters',

    document: `query($slug: String!) { deadLetters(filter: { automation: $slug }) { edges { node { id } } } }`,
    prepare: async (context, team) => {
      await context.deadLetter(team);
      return { slug: context.shippedAutomation(team) };
    },
  },
  { operation: 'Query.deadLetter', document: `query($id: ID!) { deadLetter(id: $id) { id status } }`, prepare: async (context, team) => ({ id: await context.deadLetter(team) }) },
  {
    operation: 'Query.deadLetterGroups',

    document: `query($slug: String!) { deadLetterGroups(automation: $slug) { fingerprint } }`,
    prepare: (context, team) => ({ slug: context.shippedAutomation(team) }),
  },
  {
    operation: 'Query.deadLetterRetentionWarnings',
    document: `query($slug: String!) { deadLetterRetentionWarnings(automation: $slug) { automation count } }`,
    prepare: (context, team) => ({ slug: context.shippedAutomation(team) }),
  },
  {
    operation: 'Query.reprocessPreview',

    document: `query($selection: DeadLetterSelection!) { reprocessPreview(action: reprocess, selection: $selection) { count } }`,
    prepare: async (context, team) => ({ selection: { ids: [await context.deadLetter(team)] } }),
  },
  {
    operation: 'Query.reprocessRequest',

    document: `query($id: ID!) { reprocessRequest(id: $id) ${REQUEST} }`,
    prepare: async (context, team) => ({ id: (await requestIn(context, team, 'running')).id }),
  },
  {
    operation: 'Query.reprocessRequests',

    document: `query($slug: String!) { reprocessRequests(automation: $slug) { edges { node { id } } } }`,
    prepare: (context, team) => ({ slug: context.shippedAutomation(team) }),
  },
  {
    operation: 'Mutation.startReprocess',

    document: `mutation($input: StartReprocessInput!) { startReprocess(input: $input) ${REQUEST} }`,
    prepare: async (context, team) => ({
      input: { action: 'discard', selection: { ids: [await context.deadLetter(team)] }, reason: 'duplicates of payouts already settled', velocity: 10 },
    }),
  },
  {
    operation: 'Mutation.pauseReprocess',
    document: `mutation($id: ID!, $reason: String) { pauseReprocess(id: $id, reason: $reason) ${REQUEST} }`,
    prepare: (context, team) => requestIn(context, team, 'running'),
  },
  {
    operation: 'Mutation.resumeReprocess',
    document: `mutation($id: ID!, $reason: String) { resumeReprocess(id: $id, reason: $reason) ${REQUEST} }`,
    prepare: (context, team) => requestIn(context, team, 'paused'),
  },
  {
    operation: 'Mutation.continueReprocessCanary',
    document: `mutation($id: ID!, $reason: String) { continueReprocessCanary(id: $id, reason: $reason) ${REQUEST} }`,
    prepare: (context, team) => canaryRequest(context, team),
  },
  {
    operation: 'Mutation.cancelReprocess',
    document: `mutation($id: ID!, $reason: String) { cancelReprocess(id: $id, reason: $reason) ${REQUEST} }`,
    prepare: (context, team) => requestIn(context, team, 'running'),
  },
];

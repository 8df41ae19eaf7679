import { randomUUID } from 'node:crypto';
import type { AccessCase, MatrixContext } from './access-case.js';

/** A fresh runtime token of `team`, created by the admin; one cell's rotation or revocation never decides another's answer. */
async function freshToken(context: MatrixContext, team: string): Promise<Record<string, unknown>> {
  const created = await context.asAdmin<{ createRuntimeToken: { token: { id: string } } }>(
    `mutation($team: String!, $name: String!) { createRuntimeToken(input: { name: $name, team: $team }) { token { id } } }`,
    // Names are unique among a team's tokens in effect.
    { team, name: `matrix runtime ${randomUUID()}` },
  );
  return { id: created.createRuntimeToken.token.id };
}

export const cases: AccessCase[] = [
  {
    operation: 'Query.runtimeTokens',

    document: `query($team: String!) { runtimeTokens(team: $team) { id state expiresAt } }`,
    prepare: async (context, team) => {
      await freshToken(context, team);
      return { team };
    },
  },
  {
    operation: 'Mutation.createRuntimeToken',

    document: `mutation($team: String!, $name: String!) { createRuntimeToken(input: { name: $name, team: $team, expiresInDays: 30 }) { token { id } } }`,
    prepare: (_context, team) => Promise.resolve({ team, name: `matrix runtime ${randomUUID()}` }),
  },
  {
    operation: 'Mutation.rotateRuntimeToken',

    document: `mutation($id: ID!) { rotateRuntimeToken(id: $id, overlapHours: 1) { token { id } replaced { expiresAt } } }`,
    prepare: freshToken,
  },
  {
    operation: 'Mutation.revokeRuntimeToken',

    document: `mutation($id: ID!) { revokeRuntimeToken(id: $id) { id revokedAt } }`,
    prepare: freshToken,
  },
];

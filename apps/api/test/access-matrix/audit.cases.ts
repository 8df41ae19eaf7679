import type { AccessCase, MatrixContext, RouteAccessCase } from './access-case.js';

/** A console automation of `team`, registered by the admin: it leaves an `automation.registered` entry concerning that team. */
async function auditedAutomation(context: MatrixContext, team: string): Promise<Record<string, unknown>> {
  return { team, slug: await context.registerAutomation(team) };
}

export const cases: AccessCase[] = [
  // A team-scoped caller filtering on another team is refused; unfiltered, they get their own teams' entries only.
  {
    operation: 'Query.auditEntries',

    document: `query($team: String!) { auditEntries(filter: { team: $team }, first: 5) { edges { node { id action } } } }`,
    prepare: auditedAutomation,
  },
  { operation: 'Query.auditActions', document: `{ auditActions }` },
];

export const routeCases: RouteAccessCase[] = [
  {
    operation: 'HTTP AuditExportController.export',

    prepare: auditedAutomation,
    send: (context, credentials, prepared) =>
      fetch(`${context.api.url}/audit/export.csv?team=${String(prepared.team)}&automation=${String(prepared.slug)}`, { headers: credentials }),
    tookEffect: (body: string, prepared) => body.includes(`automation.registered,automation,${String(prepared.slug)},`),
  },
];

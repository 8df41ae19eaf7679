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
  // Shown beside reprocess requests to everyone who reads the catalog, so it narrows instead of refusing:
  // people without audit:read see nothing, operators and owners only their teams' entries.
  {
    operation: 'Query.auditTrail',
   
    document: `query($id: ID!) { auditTrail(requestId: $id, first: 5) { id targetId } }`,
    prepare: async (context, team) => {
      const [entry] = await context.db.query<{ target_id: string }>(
        `INSERT INTO audit_entry (actor_id, actor_name, action, target_kind, target_id, automations, reason)
         VALUES ('ada', 'Ada Admin', 'reprocess.requested', 'reprocess_request', (floor(random() * 1e9))::bigint::text, ARRAY[$1], 'access matrix') RETURNING target_id`,
        [context.shippedAutomation(team)],
      );
      return { id: entry?.target_id };
    },
    sees: (data: { auditTrail: { targetId: string }[] }) => data.auditTrail.length > 0,
  },
];

export const routeCases: RouteAccessCase[] = [
  {
    operation: 'HTTP AuditExportController.export',
   
    prepare: auditedAutomation,
    send: (context, credentials, prepared) => fetch(`${context.api.url}/audit/export.csv?team=${String(prepared.team)}&automation=${String(prepared.slug)}`, { headers: credentials }),
    tookEffect: (body: string, prepared) => body.includes(`automation.registered,automation,${String(prepared.slug)},`),
  },
];

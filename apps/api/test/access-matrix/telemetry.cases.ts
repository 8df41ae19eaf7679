import type { AccessCase } from './access-case.js';

export const cases: AccessCase[] = [
  {
    operation: 'Query.runs',
    document: `query($slug: String!) { runs(filter: { automation: $slug }) { edges { cursor } } }`,
    prepare: (context, team) => ({ slug: context.shippedAutomation(team) }),
  },
  {
    operation: 'Query.automationHealth',

    document: `query($slug: String!) { automationHealth(slug: $slug) { bucket } }`,
    prepare: (context, team) => ({ slug: context.shippedAutomation(team) }),
  },
  // How current the figures from a read replica are: for whoever may read the figures.
  { operation: 'Query.dataFreshness', document: `{ dataFreshness { lagging } }` },
  { operation: 'Query.trail', document: `{ trail(correlationId: "order-4711") { runId } }` },
  { operation: 'Query.trailSteps', document: `{ trailSteps(correlationId: "order-4711") { stepId } }` },
  {
    // Quarantined events are narrowed to the caller's teams rather than refused.
    operation: 'Query.quarantine',

    document: `query($slug: String!) { quarantine(automation: $slug) { totalCount } }`,
    prepare: async (context, team) => {
      const slug = context.shippedAutomation(team);
      await context.db.query(`INSERT INTO quarantined_event (team, automation, event_type, reason, payload) VALUES ($2, $1, 'run', 'status: required', '{}'::jsonb)`, [slug, team]);
      return { slug };
    },
    sees: (data: { quarantine: { totalCount: number } }) => data.quarantine.totalCount > 0,
  },
];

import type { AccessCase } from './access-case.js';

const KPI: Record<string, string> = { 'payout-reconciliation': 'unmatched-lines', 'order-fulfillment': 'payment-to-warehouse-lag' };
const DASHBOARD: Record<string, string> = { 'finance-ops': 'finance-automation-program', 'order-ops': 'order-operations' };

let alerts = 0;

export const cases: AccessCase[] = [
  { operation: 'Query.dashboards', document: `{ dashboards { name } }` },
  { operation: 'Query.dashboard', document: `query($name: String!) { dashboard(name: $name) { name } }`, prepare: (_context, team) => ({ name: DASHBOARD[team] }) },
  {
    operation: 'Query.automationKpis',

    document: `query($slug: String!) { automationKpis(slug: $slug) { name } }`,
    prepare: (context, team) => ({ slug: context.shippedAutomation(team) }),
  },
  {
    operation: 'Query.kpiTrend',

    document: `query($slug: String!, $kpi: String!) { kpiTrend(slug: $slug, kpi: $kpi) { interval } }`,
    prepare: (context, team) => {
      const slug = context.shippedAutomation(team);
      return { slug, kpi: KPI[slug] };
    },
  },
  {
    operation: 'Query.automationSlos',

    document: `query($slug: String!) { automationSlos(slug: $slug) { name } }`,
    prepare: (context, team) => ({ slug: context.shippedAutomation(team) }),
  },
  { operation: 'Query.alerts', document: `query($slug: String!) { alerts(automation: $slug) { id } }`, prepare: (context, team) => ({ slug: context.shippedAutomation(team) }) },
  {
    operation: 'Mutation.acknowledgeAlert',

    document: `mutation($id: ID!) { acknowledgeAlert(id: $id, note: "looking into the PSP outage") { id state } }`,
    prepare: async (context, team) => {
      alerts += 1;
      const [alert] = await context.db.query<{ id: string }>(
        `INSERT INTO alert (automation_slug, slo, rule, severity, state, summary, runbook, fired_at, last_evaluated_at)
         VALUES ($1, 'matrix', $2, 'page', 'firing', 'Burning the error budget 14.4× too fast', 'triage', now(), now()) RETURNING id::text AS id`,
        [context.shippedAutomation(team), `rule-${alerts}`],
      );
      return { id: alert?.id };
    },
  },
];

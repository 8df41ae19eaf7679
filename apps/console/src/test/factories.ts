import type { AutomationDetailFragment, CatalogAutomationFragment, TeamsQuery, ViewerQuery } from '@/gql/graphql';

export function aViewer(overrides: Partial<ViewerQuery['viewer']> = {}): ViewerQuery {
  return { viewer: { id: 'omar', name: 'Omar Haddad', role: 'owner', teams: ['finance-ops'], canRegister: true, ...overrides } };
}

export function someTeams(): TeamsQuery {
  return {
    teams: [
      {
        name: 'finance-ops',
        title: 'Finance Operations Engineering',
        automationCount: 3,
        onCall: {
          name: 'Finance ops primary',
          email: 'finance-ops-oncall@northwind.example',
          slack: '#finance-ops-oncall',
          schedule: 'https://northwind.pagerduty.example/schedules/FINOPS',
        },
      },
      { name: 'revenue-ops', title: 'Revenue Operations', automationCount: 1, onCall: null },
    ],
  };
}

export function aCatalogAutomation(overrides: Partial<CatalogAutomationFragment> = {}): CatalogAutomationFragment {
  return {
    slug: 'invoice-generation',
    title: 'Invoice generation from closed-won deals',
    type: 'automation',
    lifecycle: 'production',
    riskDomains: ['revenue', 'billing'],
    tags: ['invoicing', 'month-end'],
    systems: ['salesforce', 'netsuite'],
    source: 'file',
    archivedAt: null,
    owner: { name: 'finance-ops', title: 'Finance Operations Engineering' },
    ...overrides,
  };
}

export type Kpi = AutomationDetailFragment['kpis'][number];

export function aKpi(overrides: Partial<Kpi> = {}): Kpi {
  return {
    name: 'close-to-invoice-time',
    title: 'Close-to-invoice cycle time',
    unit: 'hours',
    direction: 'lower_is_better',
    source: 'cycle_time_p50',
    baseline: {
      value: 26,
      from: '2026-01-05',
      to: '2026-03-27',
      note: 'Median hours from closed-won to invoice sent, Q1 2026, before launch.',
    },
    target: 0.25,
    currency: null,
    minutesPerTouch: null,
    ...overrides,
  };
}

export function anAutomation(overrides: Partial<AutomationDetailFragment> = {}): AutomationDetailFragment {
  return {
    slug: 'invoice-generation',
    title: 'Invoice generation from closed-won deals',
    description: 'When a deal is marked closed-won in Salesforce, builds the invoice in NetSuite.',
    type: 'automation',
    lifecycle: 'production',
    owner: { name: 'finance-ops', title: 'Finance Operations Engineering' },
    onCall: {
      name: 'Finance ops primary',
      email: 'finance-ops-oncall@northwind.example',
      slack: null,
      schedule: 'https://northwind.pagerduty.example/schedules/FINOPS',
    },
    systems: ['salesforce', 'netsuite', 'avalara'],
    riskDomains: ['revenue', 'billing'],
    tags: ['invoicing', 'month-end'],
    links: [{ title: 'Invoice pipeline dashboard', url: 'https://grafana.northwind.example/d/invoice-generation', type: 'dashboard' }],
    runtime: {
      kind: 'rabbitmq',
      queue: 'invoices.generate',
      deadLetterQueue: 'invoices.generate.dlq',
      exchange: null,
      routingKey: null,
      reprocessUrl: null,
      connection: 'RABBITMQ_URL',
    },
    slos: [
      {
        name: 'invoice-latency',
        title: '95% of invoices sent within 15 minutes of close',
        indicator: 'latency',
        objective: 95,
        threshold: '15m',
        percentile: 95,
        maxBacklog: null,
        window: '30d',
        runbook: 'reprocess-dead-letters',
      },
    ],
    kpis: [aKpi()],
    runbooks: [
      {
        id: 'reprocess-dead-letters',
        title: 'Failed invoices — triage and reprocess dead letters',
        markdown: '## Business impact\nEvery failed message is a customer who was not invoiced.',
        path: 'runbooks/invoice-generation.md',
      },
    ],
    releases: [
      { version: '1.0', date: '2026-04-06', summary: 'Invoices created in NetSuite from closed-won deals.', why: 'Removed the daily CSV export.' },
    ],
    source: 'file',
    sourceFile: 'catalog/automations/invoice-generation.yaml',
    archivedAt: null,
    createdAt: '2026-04-06T09:00:00Z',
    updatedAt: '2026-05-18T09:00:00Z',
    canEdit: false,
    editBlockedReason: 'Managed in Git',
    ...overrides,
  };
}

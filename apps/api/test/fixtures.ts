import type { AutomationInput } from '../src/automations/dto/automation.input.js';

/** A valid console registration for team finance-ops; override what a test is about. */
export function automationInput(overrides: Partial<AutomationInput> = {}): AutomationInput {
  return {
    slug: 'vendor-bill-capture',
    title: 'Vendor bill capture',
    description: 'Reads vendor bills from the AP mailbox, extracts lines and drafts them in NetSuite for approval.',
    type: 'automation',
    lifecycle: 'experimental',
    owner: 'finance-ops',
    onCall: { name: 'Finance ops primary', email: 'finance-ops-oncall@northwind.example' },
    systems: ['netsuite', 'gmail'],
    riskDomains: ['billing'],
    tags: ['accounts-payable'],
    links: [{ title: 'Dashboard', url: 'https://grafana.northwind.example/d/ap', type: 'dashboard' }],
    runtime: { kind: 'sdk' },
    slos: [{ name: 'bills-succeed', title: '99% of bills drafted', indicator: 'success_rate', objective: 99, window: '30d', runbook: 'triage' }],
    kpis: [
      {
        name: 'touches',
        title: 'Bills keyed by hand',
        unit: 'touches/day',
        direction: 'lower_is_better',
        source: 'manual_touches_per_day',
        baseline: { value: 60, note: 'AP team tally, March 2026' },
        target: 5,
        minutesPerTouch: 6,
      },
    ],
    runbooks: [{ id: 'triage', title: 'Triage failed bills', markdown: '# Business impact\nLate vendor payments.\n' }],
    releases: [{ version: '0.1', date: '2026-11-01', summary: 'Drafts bills from PDF attachments.', why: 'AP keys 60 bills a day.' }],
    ...overrides,
  };
}

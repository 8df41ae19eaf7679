import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestDatabase } from './harness.js';
import { bucketOf, emptyHistogram } from '../src/runs/duration-histogram.js';

/**
 * A small catalog for KPI and dashboard tests: `invoicing` with a KPI of every kind the tests need
 * and two SLOs, and `payouts` with one KPI (that a test may take away).
 */
const TEAM = `apiVersion: roundhouse.dev/v1
kind: Team
metadata: { name: finance-ops, title: Finance Operations }
spec: { email: finance-ops@northwind.example }
`;

function automation(slug: string, title: string, kpis: string, slos = ''): string {
  return `apiVersion: roundhouse.dev/v1
kind: Automation
metadata:
  name: ${slug}
  title: ${title}
  description: Does ${slug}.
spec:
  type: automation
  lifecycle: production
  owner: finance-ops
  onCall: { name: Finance ops primary }
  runbooks:
    - id: triage
      title: Triage
      path: runbooks/${slug}.md
  slos:
${slos || '    []'}
  kpis:
${kpis}`;
}

export const INVOICING_KPIS = `    - name: hours-to-invoice
      title: Hours from won deal to invoice
      unit: hours
      direction: lower_is_better
      source: measurement
      baseline: { value: 26, note: Median in Q1 2026 }
      target: 2
    - name: paid-share
      title: Invoices paid on time
      unit: "%"
      direction: higher_is_better
      source: measurement
      baseline: { from: 2026-08-01, to: 2026-08-31, note: Measured in August }
      target: 90
    - name: touches
      title: Invoices fixed by hand
      unit: touches/day
      direction: lower_is_better
      source: manual_touches_per_day
      minutesPerTouch: 12
      baseline: { value: 40, note: Tally in March }
      target: 0
    - name: errors
      title: Failed invoices
      unit: "%"
      direction: lower_is_better
      source: error_rate
      baseline: { value: 10, note: Before launch }
      target: 1
    - name: throughput
      title: Invoices per day
      unit: invoices/day
      direction: higher_is_better
      source: throughput_per_day
      baseline: { from: 2026-08-01, to: 2026-08-10, note: First ten days of August }
      target: 10
    - name: slowest-invoices
      title: Slowest invoices (95th percentile)
      unit: seconds
      direction: lower_is_better
      source: cycle_time_p95
      baseline: { value: 120, note: Before launch }
      target: 30
    - name: cash-recovered
      title: Cash recovered
      unit: EUR/month
      currency: EUR
      direction: higher_is_better
      source: measurement
      baseline: { value: 1000, note: Before launch }
      target: 5000
`;

export const INVOICING_SLOS = `    - name: invoices-succeed
      title: 90 % of invoices go out
      indicator: success_rate
      objective: 90
      runbook: triage
    - name: invoices-fast
      title: 85 % of invoices within 10 seconds
      indicator: latency
      threshold: 10s
      objective: 85
      runbook: triage
    - name: invoices-fresh
      title: An invoice went out in the last day, half of the time
      indicator: freshness
      threshold: 1d
      objective: 50
      runbook: triage
    - name: few-failed-invoices
      title: At most 10 failed invoices wait
      indicator: dead_letter_backlog
      maxBacklog: 10
      objective: 99
      runbook: triage
`;

export const PAYOUT_KPIS = `    - name: unmatched-lines
      title: Payout lines matched by hand
      unit: lines/day
      direction: lower_is_better
      source: measurement
      baseline: { value: 63, note: AR tally }
      target: 5
`;

/** A folder of files, created under the system's temporary folder. */
export async function folderWith(prefix: string, files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  return dir;
}

/** The catalog folder, with `payouts` holding `payoutKpis`. */
export function kpiCatalog(payoutKpis = PAYOUT_KPIS): Promise<string> {
  return folderWith('roundhouse-kpi-catalog-', {
    'teams/finance-ops.yaml': TEAM,
    'automations/invoicing.yaml': automation('invoicing', 'Invoicing', INVOICING_KPIS, INVOICING_SLOS),
    'automations/payouts.yaml': automation('payouts', 'Payout reconciliation', payoutKpis),
    'runbooks/invoicing.md': '# Invoicing\n',
    'runbooks/payouts.md': '# Payouts\n',
  });
}

/** Runs at 1 s and at 60 s, for the latency SLO (threshold 10 s). */
export function histogramOf(fast: number, slow: number): number[] {
  const histogram = emptyHistogram();
  histogram[bucketOf(1000)] = fast;
  histogram[bucketOf(60_000)] = slow;
  return histogram;
}

/**
 * The data the hand-computed figures come from (all before the tests run, so no figure depends on
 * today's date):
 * - rollups of invoicing: 1 Aug 40 succeeded; 1 Sep 10:00 9 succeeded + 1 failed, 20 touches;
 *   5 Sep 12:00 10 succeeded, 10 touches. 2 of the 20 September runs took 60 s.
 * - hours-to-invoice: 4 (2 Sep), 6 (3 Sep), 100 (20 Sep); paid-share: 60 (10 Aug), 70 (20 Aug),
 *   80 (4 Sep); cash-recovered: 3000 (6 Sep).
 * - dead letters of invoicing: pending (2 Sep), failed again (3 Sep), resolved (4 Sep), discarded (15 Aug).
 */
export async function seedKpiData(db: TestDatabase): Promise<void> {
  const rollup = (minute: string, succeeded: number, failed: number, touches: number, histogram: number[]) =>
    db.query(`INSERT INTO run_rollup_minute (automation_slug, minute, succeeded, failed, manual_touches, duration_histogram) VALUES ('invoicing', $1, $2, $3, $4, $5)`, [
      minute,
      succeeded,
      failed,
      touches,
      histogram,
    ]);
  await rollup('2026-08-01T00:00:00Z', 40, 0, 0, histogramOf(40, 0));
  await rollup('2026-09-01T10:00:00Z', 9, 1, 20, histogramOf(9, 1));
  await rollup('2026-09-05T12:00:00Z', 10, 0, 10, histogramOf(9, 1));
  const measurements: [string, number, string][] = [
    ['hours-to-invoice', 4, '2026-09-02T09:00:00Z'],
    ['hours-to-invoice', 6, '2026-09-03T09:00:00Z'],
    ['hours-to-invoice', 100, '2026-09-20T09:00:00Z'],
    ['paid-share', 60, '2026-08-10T00:00:00Z'],
    ['paid-share', 70, '2026-08-20T00:00:00Z'],
    ['paid-share', 80, '2026-09-04T00:00:00Z'],
    ['cash-recovered', 3000, '2026-09-06T00:00:00Z'],
  ];
  for (const [kpi, value, at] of measurements) {
    await db.query(`INSERT INTO kpi_measurement (event_id, automation_slug, kpi, value, measured_at) VALUES (gen_random_uuid()::text, 'invoicing', $1, $2, $3)`, [kpi, value, at]);
  }
  const deadLetters: [string, string][] = [
    ['pending', '2026-09-02T00:00:00Z'],
    ['failed_again', '2026-09-03T00:00:00Z'],
    ['resolved', '2026-09-04T00:00:00Z'],
    ['discarded', '2026-08-15T00:00:00Z'],
  ];
  for (const [status, at] of deadLetters) {
    await db.query(
      `INSERT INTO dead_letter (automation_slug, source_kind, source_queue, message_id, fingerprint, error_class, error_message, attempts, first_failed_at, last_failed_at, status, body)
       VALUES ('invoicing', 'rabbitmq', 'q.dlq', gen_random_uuid()::text, 'fp', 'TimeoutError', 'no answer', 5, $1, $1, $2, convert_to('{}', 'UTF8'))`,
      [at, status],
    );
  }
}

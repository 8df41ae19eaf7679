import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../test/eventually.js';
import { useTestApi } from '../../test/harness.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { bucketOf, emptyHistogram } from '../runs/duration-histogram.js';
import { AlertNotifier } from './alert-notifier.js';
import { SloEvaluationJob } from './slo-evaluation.job.js';

const MINUTE = 60_000;

interface AlertGql {
  id: string;
  automation: string;
  slo: string;
  sloTitle: string;
  rule: string;
  severity: string;
  state: string;
  summary: string;
  acknowledgedBy: string | null;
  acknowledgeBlockedReason: string | null;
  resolvedAt: string | null;
  runbook: { id: string; title: string } | null;
  events: { kind: string; actor: string | null; detail: string | null }[];
}

const ALERT_FIELDS = 'id automation slo sloTitle rule severity state summary acknowledgedBy acknowledgeBlockedReason resolvedAt runbook { id title } events { kind actor detail }';
const ALERTS = `query Alerts($automation: String, $state: [AlertState!]) { alerts(automation: $automation, state: $state) { ${ALERT_FIELDS} } }`;
const ACKNOWLEDGE = `mutation Ack($id: ID!, $note: String) { acknowledgeAlert(id: $id, note: $note) { ${ALERT_FIELDS} } }`;

/** A chat webhook that answers with the statuses it is given, in turn (then 200), and keeps what it received. */
class Receiver {
  readonly received: { headers: IncomingMessage['headers']; body: Record<string, unknown> }[] = [];
  answers: number[] = [];
  private server: Server | undefined;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        this.received.push({ headers: req.headers, body: JSON.parse(body) as Record<string, unknown> });
        res.statusCode = this.answers.shift() ?? 200;
        res.end(res.statusCode === 200 ? 'ok' : 'channel_is_archived');
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/services/T000/B000/XXXX`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server === undefined ? resolve() : this.server.close(() => resolve())));
  }
}

describe('SLO alerts', () => {
  const receiver = new Receiver();
  // The receiver listens on loopback, which webhooks reach only when ROUNDHOUSE_OUTBOUND_ALLOW names it.
  const env: Record<string, string> = { ROUNDHOUSE_PUBLIC_URL: 'https://roundhouse.northwind.example', ROUNDHOUSE_OUTBOUND_ALLOW: '127.0.0.1' };
  beforeAll(async () => {
    env.ROUNDHOUSE_ALERT_WEBHOOK_URL = await receiver.start();
  });
  afterAll(() => receiver.stop());
  const t = useTestApi(env);
  /** Minute-aligned, so every window ends exactly here. */
  const now = new Date(Math.floor(Date.now() / MINUTE) * MINUTE);
  const later = (ms: number) => new Date(now.getTime() + ms);
  let owner: string;

  /** Invoices: the last 10 minutes each had 9 successes and 1 failure, far over a 0.5 % budget. */
  async function failingInvoices(): Promise<void> {
    for (let k = 0; k < 10; k += 1) {
      await t.db.query(`INSERT INTO run_rollup_minute (automation_slug, minute, succeeded, failed, duration_histogram) VALUES ('invoice-generation', $1, 9, 1, $2)`, [
        new Date(now.getTime() - (k + 1) * MINUTE),
        (() => {
          const h = emptyHistogram();
          h[bucketOf(500)] = 10;
          return h;
        })(),
      ]);
    }
  }

  async function alertsOf(automation: string, state?: string[], cookie = owner): Promise<AlertGql[]> {
    const result = await t.api.graphql<{ alerts: AlertGql[] }>(ALERTS, { automation, state }, cookie);
    expect(result.errors).toBeUndefined();
    return result.data?.alerts ?? [];
  }

  beforeAll(async () => {
    await t.api.app.get(CatalogService).apply(path.join(t.api.config.repositoryRoot, 'catalog'), t.api.config.repositoryRoot);
    owner = await t.api.signIn('omar');
    await failingInvoices();
  });

  it('fires one alert per firing rule, with its severity, its runbook and the burn rate in words', async () => {
    const summary = await t.api.app.get(SloEvaluationJob).evaluate(now);
    expect(summary.failed).toEqual([]);
    const alerts = await alertsOf('invoice-generation');
    // 10 % failed against a 0.5 % budget is a 20× burn over 5 m, 1 h, 6 h and 3 d alike: every rule fires.
    expect(alerts.map((a) => [a.slo, a.rule, a.severity, a.state]).sort()).toEqual([
      ['invoices-succeed', 'fast-burn', 'page', 'firing'],
      ['invoices-succeed', 'slow-burn', 'ticket', 'firing'],
      ['invoices-succeed', 'sustained-burn', 'page', 'firing'],
    ]);
    const fast = alerts.find((a) => a.rule === 'fast-burn');
    expect(fast?.summary).toBe(`${fast?.sloTitle}: error budget burning 20.0× over the last 1h (20.0× over 5m). At this rate the 30d budget lasts 36 hours.`);
    expect(fast?.runbook?.id).toBe('reprocess-dead-letters');
    expect(fast?.events.map((e) => e.kind)).toEqual(['fired']);

    // The next minute's evaluation keeps the same alerts rather than firing them again.
    await t.api.app.get(SloEvaluationJob).evaluate(later(30_000));
    expect((await alertsOf('invoice-generation')).map((a) => a.id).sort()).toEqual(alerts.map((a) => a.id).sort());
  });

  it('notifies the webhook once per alert, in Slack’s format, retrying a failure with the same notification id', async () => {
    const fast = (await alertsOf('invoice-generation')).find((a) => a.rule === 'fast-burn');
    const notifier = t.api.app.get(AlertNotifier);
    const before = receiver.received.length;
    receiver.answers = [503];
    expect(await notifier.deliver({ alertId: fast?.id ?? '', transition: 'fired' })).toBe('retry');
    expect(await notifier.deliver({ alertId: fast?.id ?? '', transition: 'fired' })).toBe('sent');
    // Delivered: a duplicate job (a replica, a retry that raced) sends nothing.
    expect(await notifier.deliver({ alertId: fast?.id ?? '', transition: 'fired' })).toBe('skipped');

    const tries = receiver.received.slice(before);
    expect(tries).toHaveLength(2);
    expect(tries.map((r) => r.headers['x-roundhouse-notification-id'])).toEqual([`roundhouse-alert-${fast?.id}-fired`, `roundhouse-alert-${fast?.id}-fired`]);
    const payload = tries[1]?.body;
    expect(String(payload?.text)).toMatch(/^\[PAGE\] Invoice generation/);
    expect(String(payload?.text)).toContain('<https://roundhouse.northwind.example/automations/invoice-generation#runbook-reprocess-dead-letters|');
    expect(payload?.channel).toBe('#finance-ops-oncall');
    expect(Array.isArray(payload?.blocks)).toBe(true);
    const history = (await alertsOf('invoice-generation')).find((a) => a.rule === 'fast-burn')?.events;
    expect(history?.map((e) => e.kind)).toEqual(['fired', 'notified']);
    expect(history?.[1]?.detail).toBe('The fired notification was delivered (try 2).');
  });

  it('gives up on a webhook that refuses the message, and says so in the alert’s history', async () => {
    const slow = (await alertsOf('invoice-generation')).find((a) => a.rule === 'slow-burn');
    receiver.answers = [404];
    expect(await t.api.app.get(AlertNotifier).deliver({ alertId: slow?.id ?? '', transition: 'fired' })).toBe('failed');
    const history = (await alertsOf('invoice-generation')).find((a) => a.rule === 'slow-burn')?.events;
    expect(history?.at(-1)).toMatchObject({
      kind: 'notification_failed',
      detail: 'The fired notification was given up after 1 tries: alert webhook answered 404 Not Found: channel_is_archived',
    });
  });

  it('lets an on-call operator of the owning team acknowledge, with a note; not a viewer, nor another team', async () => {
    const fast = (await alertsOf('invoice-generation')).find((a) => a.rule === 'fast-burn');
    const viewer = await t.api.signIn('vera');
    // The console learns why before anyone clicks.
    expect((await alertsOf('invoice-generation', undefined, viewer)).find((a) => a.rule === 'fast-burn')?.acknowledgeBlockedReason).toBe(
      'Your role (viewer) cannot acknowledge alerts: operators, owners and admins can.',
    );
    expect(fast?.acknowledgeBlockedReason).toBeNull();
    const refused = await t.api.graphql(ACKNOWLEDGE, { id: fast?.id }, viewer);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const operator = await t.api.signIn('otto');
    const ack = await t.api.graphql<{ acknowledgeAlert: AlertGql }>(ACKNOWLEDGE, { id: fast?.id, note: 'Looking at NetSuite: 429s since 03:05' }, operator);
    expect(ack.errors).toBeUndefined();
    expect(ack.data?.acknowledgeAlert).toMatchObject({ state: 'acknowledged', acknowledgedBy: 'Otto Operator' });
    expect(ack.data?.acknowledgeAlert.events.at(-1)).toEqual({ kind: 'acknowledged', actor: 'Otto Operator', detail: 'Looking at NetSuite: 429s since 03:05' });

    // A second click changes nothing, and says who has it.
    const again = await t.api.graphql<{ acknowledgeAlert: AlertGql }>(ACKNOWLEDGE, { id: fast?.id }, owner);
    expect(again.data?.acknowledgeAlert.events.filter((e) => e.kind === 'acknowledged')).toHaveLength(1);
    expect(again.data?.acknowledgeAlert.acknowledgeBlockedReason).toBe('Already acknowledged by Otto Operator.');

    // Another team's operator cannot: the failure is not theirs to handle.
    await t.db.query(`UPDATE automation SET owner_team = 'order-ops' WHERE slug = 'invoice-generation'`);
    try {
      const slow = (await alertsOf('invoice-generation')).find((a) => a.rule === 'slow-burn');
      const other = await t.api.graphql(ACKNOWLEDGE, { id: slow?.id }, operator);
      expect(other.errors?.[0]?.message).toBe('Only operators and owners on the order-ops team, or an admin, can acknowledge this alert.');
    } finally {
      await t.db.query(`UPDATE automation SET owner_team = 'finance-ops' WHERE slug = 'invoice-generation'`);
    }
    const missing = await t.api.graphql(ACKNOWLEDGE, { id: '999999' }, owner);
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('resolves an alert as soon as the short window is clean, announces it, and keeps the history', async () => {
    // Ten minutes on, nothing failed in the last 5 minutes: the fast burn stops; the 1-hour window alone does not hold it open.
    const before = receiver.received.length;
    const summary = await t.api.app.get(SloEvaluationJob).evaluate(later(10 * MINUTE));
    expect(summary.resolved).toBe(1);
    const resolved = await alertsOf('invoice-generation', ['resolved']);
    expect(resolved.map((a) => a.rule)).toEqual(['fast-burn']);
    expect(resolved[0]?.events.map((e) => e.kind)).toEqual(['fired', 'notified', 'acknowledged', 'resolved']);
    expect(resolved[0]?.events.at(-1)?.detail).toBe('The burn rate fell below 14.4× (20.0× over 1h, no data over 5m).');
    // Open alerts no longer list it; the slower rules still fire.
    expect((await alertsOf('invoice-generation')).map((a) => a.rule).sort()).toEqual(['slow-burn', 'sustained-burn']);

    // Its resolution is announced because its firing was; nothing else was announced without a firing notification.
    const notifier = t.api.app.get(AlertNotifier);
    expect(await notifier.deliver({ alertId: resolved[0]?.id ?? '', transition: 'resolved' })).toBe('sent');
    expect(receiver.received.slice(before).map((r) => String(r.body.text).split('\n')[0])).toEqual([
      `[RESOLVED] Invoice generation from closed-won deals: ${resolved[0]?.sloTitle}`,
    ]);
  });

  it('samples the dead-letter backlog every minute, once per minute whatever the replicas', async () => {
    await t.db.query(
      `INSERT INTO dead_letter (automation_slug, source_kind, source_queue, message_id, fingerprint, error_class, error_message, attempts, first_failed_at, last_failed_at, status, body)
       VALUES ('crm-enrichment', 'rabbitmq', 'q.dlq', 'm-1', 'fp', 'TimeoutError', 'no answer', 5, $1, $1, 'pending', convert_to('{}', 'UTF8'))`,
      [new Date(now.getTime() - 3 * MINUTE)],
    );
    await t.api.app.get(SloEvaluationJob).evaluate(later(20 * MINUTE));
    await t.api.app.get(SloEvaluationJob).evaluate(later(20 * MINUTE + 5_000));
    const samples = await t.db.query<{ automation_slug: string; pending: number }>(
      `SELECT automation_slug, pending FROM dead_letter_backlog_minute WHERE minute = $1 ORDER BY automation_slug`,
      [later(20 * MINUTE)],
    );
    expect(samples.find((s) => s.automation_slug === 'crm-enrichment')?.pending).toBe(1);
    expect(samples.find((s) => s.automation_slug === 'invoice-generation')?.pending).toBe(0);
    expect(new Set(samples.map((s) => s.automation_slug)).size).toBe(samples.length);
  });

  it('is closed to people who are not signed in', async () => {
    const anonymous = await t.api.graphql(ALERTS, { automation: 'invoice-generation' });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('SLO alert notifications on pg-boss', () => {
  const receiver = new Receiver();
  const env: Record<string, string> = { ROUNDHOUSE_JOBS: 'true', ROUNDHOUSE_OUTBOUND_ALLOW: '127.0.0.1' };
  beforeAll(async () => {
    env.ROUNDHOUSE_ALERT_WEBHOOK_URL = await receiver.start();
  });
  afterAll(() => receiver.stop());
  const t = useTestApi(env);

  it('delivers each fired alert once through the durable queue, after the webhook’s outage', async () => {
    await t.api.app.get(CatalogService).apply(path.join(t.api.config.repositoryRoot, 'catalog'), t.api.config.repositoryRoot);
    const now = new Date(Math.floor(Date.now() / MINUTE) * MINUTE);
    const histogram = emptyHistogram();
    histogram[bucketOf(500)] = 10;
    for (let k = 1; k <= 10; k += 1) {
      await t.db.query(`INSERT INTO run_rollup_minute (automation_slug, minute, succeeded, failed, duration_histogram) VALUES ('payout-reconciliation', $1, 5, 5, $2)`, [
        new Date(now.getTime() - k * MINUTE),
        histogram,
      ]);
    }
    // The chat service is down for the first two tries.
    receiver.answers = [503, 502];
    const summary = await t.api.app.get(SloEvaluationJob).evaluate(now);
    expect(summary.fired).toBe(3);

    const events = await eventually(
      () =>
        t.db.query<{ kind: string }>(
          `SELECT e.kind FROM alert_event e JOIN alert a ON a.id = e.alert_id WHERE a.automation_slug = 'payout-reconciliation' AND e.kind = 'notified'`,
        ),
      (rows) => rows.length === 3,
      'three notified alerts',
    );
    expect(events).toHaveLength(3);
    const delivered = receiver.received.filter((r) => String(r.body.text).includes('Payout'));
    // Five posts: two refused, then each of the three alerts once.
    expect(delivered).toHaveLength(5);
    const ids = delivered.map((r) => String(r.headers['x-roundhouse-notification-id']));
    expect(new Set(ids).size).toBe(3);
  });
});

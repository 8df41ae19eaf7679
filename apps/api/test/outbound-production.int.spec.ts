import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SloEvaluationJob } from '../src/alerts/slo-evaluation.job.js';
import { DEV_PERSONAS } from '../src/auth/personas.js';
import { SESSION_COOKIE, SessionCodec } from '../src/auth/session.js';
import { SessionsRepository } from '../src/auth/sessions.repository.js';
import { CatalogService } from '../src/catalog/catalog.service.js';
import { createLogger } from '../src/logging/logger.js';
import { bucketOf, emptyHistogram } from '../src/runs/duration-histogram.js';
import { eventually } from './eventually.js';
import { automationInput } from './fixtures.js';
import { useTestApi, type Persona } from './harness.js';
import { createToken, deadLetter, ingest } from './telemetry.js';

/**
 * The hostile tester's report, replayed on a production-mode instance with no allow-lists: an
 * owner pointing a webhook binding at a loopback listener and its signing secret at
 * ROUNDHOUSE_SESSION_SECRET, the alert webhook on loopback, and /metrics behind a bearer token.
 */

const SESSION_SECRET = `session-${randomBytes(24).toString('hex')}`;
const METRICS_TOKEN = `metrics-${randomBytes(24).toString('hex')}`;
const MINUTE = 60_000;
const REFUSED = 'Roundhouse sends webhooks only to public addresses unless ROUNDHOUSE_OUTBOUND_ALLOW names the host or its range';

/** A loopback listener that records every request reaching it (none should). */
class Listener {
  readonly hits: string[] = [];
  private readonly server: Server = createServer((request, response) => {
    this.hits.push(`${request.method ?? ''} ${request.url ?? ''} ${JSON.stringify(request.headers)}`);
    response.writeHead(200).end('ok');
  });

  async start(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as AddressInfo).port;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

interface Request {
  id: string;
  state: string;
  progress: { failed: number; acknowledged: number };
  recentErrors: { error: string }[];
}
const GET_REQUEST = `query Get($id: ID!) { reprocessRequest(id: $id) { id state progress { failed acknowledged } recentErrors { error } } }`;
const START = `mutation Start($input: StartReprocessInput!) { startReprocess(input: $input) { id } }`;
const REGISTER = `mutation Register($input: AutomationInput!) { registerAutomation(input: $input) { slug } }`;

describe('webhook targets, signing secrets and /metrics on a production instance', () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').trim().split('\n'));
      done();
    },
  });
  const listener = new Listener();
  const env: Record<string, string> = {
    NODE_ENV: 'production',
    ROUNDHOUSE_DEV_SIGN_IN: 'false',
    ROUNDHOUSE_SESSION_SECRET: SESSION_SECRET,
    ROUNDHOUSE_METRICS_TOKEN: METRICS_TOKEN,
    ROUNDHOUSE_JOBS: 'true',
    ROUNDHOUSE_APPROVAL_RISK_DOMAINS: 'none',
  };
  let port: number;
  beforeAll(async () => {
    port = await listener.start();
    // The alert webhook's path is its credential (Slack-style): it must never show in logs or history.
    env.ROUNDHOUSE_ALERT_WEBHOOK_URL = `http://localhost:${port}/services/T000/B000/alert-path-secret`;
    // Catalog variables are read from this process's environment, where the session secret lives too.
    process.env.ROUNDHOUSE_SESSION_SECRET = SESSION_SECRET;
    process.env.ROUNDHOUSE_RUNTIME_TRIAGE_WEBHOOK_SECRET = 'whsec_triage_0123456789';
  });
  afterAll(async () => {
    delete process.env.ROUNDHOUSE_SESSION_SECRET;
    delete process.env.ROUNDHOUSE_RUNTIME_TRIAGE_WEBHOOK_SECRET;
    await listener.stop();
  });
  const t = useTestApi(env, () => createLogger('debug', sink));

  /** A session as the api itself signs one (production has no dev sign-in). */
  async function sessionOf(persona: Persona): Promise<string> {
    const { description: _description, ...user } = DEV_PERSONAS.find((p) => p.id === persona) ?? DEV_PERSONAS[0]!;
    const session = t.api.app.get(SessionCodec).encode(user);
    await t.api.app.get(SessionsRepository).open(session.id, user.id, session.expiresAt);
    return `${SESSION_COOKIE}=${session.token}`;
  }

  let owner: string;
  let admin: string;

  beforeAll(async () => {
    await t.api.app.get(CatalogService).apply(path.join(t.api.config.repositoryRoot, 'catalog'), t.api.config.repositoryRoot);
    owner = await sessionOf('omar');
    admin = await sessionOf('ada');
  });

  /** Reprocesses `count` fresh dead letters of ticket-triage (a webhook runtime) and waits for the request to finish. */
  async function reprocessTriage(count: number): Promise<Request> {
    const token = (await createToken(t.api, admin, { team: 'support-engineering', capabilities: ['ingest', 'dead_letters'] })).secret;
    const marker = `TriageError${randomBytes(4).toString('hex')}`;
    await ingest(
      t.api,
      token,
      Array.from({ length: count }, () =>
        deadLetter('ticket-triage', { source: { kind: 'webhook', queue: 'triage' }, errorClass: marker, errorMessage: 'model returned no queue' }),
      ),
    );
    const started = await t.api.graphql<{ startReprocess: { id: string } }>(
      START,
      { input: { action: 'reprocess', velocity: 50, reason: 'classifier rolled back', selection: { filter: { automation: 'ticket-triage', search: marker } } } },
      admin,
    );
    expect(started.errors).toBeUndefined();
    const id = started.data?.startReprocess.id ?? '';
    return eventually(
      async () => (await t.api.graphql<{ reprocessRequest: Request }>(GET_REQUEST, { id }, admin)).data?.reprocessRequest as Request,
      (r) => r.state === 'done',
      'the reprocess request to finish',
    );
  }

  it('refuses, field by field, a console registration whose binding names Roundhouse’s own settings or a loopback webhook', async () => {
    const input = automationInput({
      slug: 'session-thief',
      runtime: { kind: 'webhook', reprocessUrl: `http://127.0.0.1:${port}/steal`, signingSecret: 'ROUNDHOUSE_SESSION_SECRET', connection: 'DATABASE_URL' },
    });

    const result = await t.api.graphql(REGISTER, { input }, owner);

    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toBe('The automation is not valid: runtime.connection, runtime.signingSecret, runtime.reprocessUrl.');
    const allowed =
      "the name of an environment variable set aside for runtimes: one starting with ROUNDHOUSE_RUNTIME_ (e.g. ROUNDHOUSE_RUNTIME_INVOICES_RABBITMQ_URL), or one the operator lists in ROUNDHOUSE_ALLOWED_RUNTIME_VARIABLES; never one of Roundhouse's own settings";
    expect(result.errors?.[0]?.extensions?.fields).toEqual([
      {
        path: 'runtime.connection',
        found: `"DATABASE_URL", one of Roundhouse's own settings`,
        allowed,
        message: `found "DATABASE_URL", one of Roundhouse's own settings; allowed: ${allowed}`,
      },
      {
        path: 'runtime.signingSecret',
        found: `"ROUNDHOUSE_SESSION_SECRET", one of Roundhouse's own settings`,
        allowed,
        message: expect.stringContaining('found "ROUNDHOUSE_SESSION_SECRET"') as unknown,
      },
      {
        path: 'runtime.reprocessUrl',
        found: '127.0.0.1, a loopback address',
        allowed: 'a URL whose host has a public address, or one ROUNDHOUSE_OUTBOUND_ALLOW names',
        message: expect.stringContaining('127.0.0.1, a loopback address') as unknown,
      },
    ]);
    expect(await t.db.query(`SELECT slug FROM automation WHERE slug = 'session-thief'`)).toEqual([]);

    // A variable of the runtimes' own is fine, and so is a public webhook.
    const fine = await t.api.graphql(
      REGISTER,
      {
        input: automationInput({
          slug: 'fine-hook',
          runtime: { kind: 'webhook', reprocessUrl: 'https://hooks.northwind.example/reprocess', signingSecret: 'ROUNDHOUSE_RUNTIME_FINE_HOOK_SECRET' },
        }),
      },
      owner,
    );
    expect(fine.errors).toBeUndefined();
  });

  it('never reads a secret variable a binding stored earlier may no longer name: the ledger says why, nothing is sent', async () => {
    await t.db.query(`UPDATE automation SET runtime = $1 WHERE slug = 'ticket-triage'`, [
      JSON.stringify({ kind: 'webhook', reprocessUrl: 'https://support-automation.northwind.example/reprocess', signingSecret: 'ROUNDHOUSE_SESSION_SECRET' }),
    ]);

    const done = await reprocessTriage(2);

    expect(done.progress).toMatchObject({ failed: 2, acknowledged: 0 });
    expect(done.recentErrors.map((e) => e.error)).toEqual(
      Array(2).fill(
        "Not sent: cannot sign: the runtime binding's signingSecret names a variable catalogs may not name (ROUNDHOUSE_SESSION_SECRET, one of Roundhouse's own settings), so it was not read.",
      ),
    );
    expect(lines.join('\n')).not.toContain(SESSION_SECRET);
  });

  it('refuses a reprocess webhook on loopback, by address or by name, and sends nothing there', async () => {
    for (const host of ['127.0.0.1', 'localhost']) {
      await t.db.query(`UPDATE automation SET runtime = $1 WHERE slug = 'ticket-triage'`, [
        JSON.stringify({
          kind: 'webhook',
          reprocessUrl: `http://${host}:${port}/roundhouse/reprocess?token=query-secret`,
          signingSecret: 'ROUNDHOUSE_RUNTIME_TRIAGE_WEBHOOK_SECRET',
        }),
      ]);

      const done = await reprocessTriage(1);

      expect(done.progress).toMatchObject({ failed: 1, acknowledged: 0 });
      const where = host === '127.0.0.1' ? '127.0.0.1' : 'localhost resolves to (127\\.0\\.0\\.1|::1)';
      expect(done.recentErrors[0]?.error).toMatch(new RegExp(`^webhook not sent: ${where}, a loopback address: ${REFUSED}$`));
    }
    expect(listener.hits).toEqual([]);
    expect(lines.join('\n')).not.toContain('query-secret');
  });

  it('refuses the alert webhook on loopback, says so in the alert’s history, and never shows its path', async () => {
    const now = new Date(Math.floor(Date.now() / MINUTE) * MINUTE);
    const histogram = emptyHistogram();
    histogram[bucketOf(500)] = 10;
    for (let k = 1; k <= 10; k += 1) {
      await t.db.query(`INSERT INTO run_rollup_minute (automation_slug, minute, succeeded, failed, duration_histogram) VALUES ('invoice-generation', $1, 9, 1, $2)`, [
        new Date(now.getTime() - k * MINUTE),
        histogram,
      ]);
    }
    expect((await t.api.app.get(SloEvaluationJob).evaluate(now)).fired).toBeGreaterThan(0);
    const [alert] = await t.db.query<{ id: string }>(`SELECT id::text AS id FROM alert WHERE automation_slug = 'invoice-generation' ORDER BY id LIMIT 1`);

    // The pg-boss worker delivers it: refused, it is given up at once.
    const [event] = await eventually(
      () => t.db.query<{ detail: string }>(`SELECT detail FROM alert_event WHERE alert_id = $1 AND kind = 'notification_failed'`, [alert?.id]),
      (rows) => rows.length === 1,
      'the refused notification in the alert’s history',
    );
    expect(event?.detail).toMatch(
      new RegExp(`^The fired notification was given up after 1 tries: alert webhook not sent: localhost resolves to (127\\.0\\.0\\.1|::1), a loopback address: ${REFUSED}$`),
    );
    expect(listener.hits).toEqual([]);
    expect(lines.join('\n')).not.toContain('alert-path-secret');
  });

  it('answers /metrics only with its bearer token, compared whole, and never logs it', async () => {
    const scrape = (authorization?: string) => fetch(`${t.api.url}/metrics`, { headers: authorization === undefined ? {} : { authorization } });

    const anonymous = await scrape();
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer realm="roundhouse-metrics"');
    expect(await anonymous.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: '/metrics needs Authorization: Bearer <ROUNDHOUSE_METRICS_TOKEN> on this server.' } });

    for (const wrong of [
      `Bearer ${METRICS_TOKEN.slice(0, -1)}`,
      `Bearer ${METRICS_TOKEN}x`,
      `Basic ${Buffer.from(`x:${METRICS_TOKEN}`).toString('base64')}`,
      `Bearer ${SESSION_SECRET}`,
    ]) {
      const refused = await scrape(wrong);
      expect(refused.status, wrong.slice(0, 12)).toBe(401);
      expect(await refused.text()).not.toContain('roundhouse_');
    }

    const scraped = await scrape(`Bearer ${METRICS_TOKEN}`);
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toMatch(/^# HELP /m);
    expect(lines.join('\n')).not.toContain(METRICS_TOKEN.slice(8));
    expect(lines.join('\n')).not.toContain('/metrics is off');
  });
});

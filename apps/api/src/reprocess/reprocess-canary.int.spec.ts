import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { ClaimCommandsResponseV1, ReprocessCommandV1 } from '@roundhouse/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../test/eventually.js';
import { useTestApi } from '../../test/harness.js';
import { createToken, deadLetter, ingest } from '../../test/telemetry.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { ReprocessCanaryService } from './reprocess-canary.service.js';

const REQUEST = `id state total waitingReason progress { queued dispatched acknowledged succeeded failed cancelled }
  canary { size stage sent awaiting succeeded failed rest decision { outcome reason by { id name } awaiting } }`;
const START = `mutation Start($input: StartReprocessInput!) { startReprocess(input: $input) { ${REQUEST} } }`;
const GET = `query Get($id: ID!) { reprocessRequest(id: $id) { ${REQUEST} } }`;
const CONTINUE = `mutation Continue($id: ID!, $reason: String) { continueReprocessCanary(id: $id, reason: $reason) { ${REQUEST} } }`;
/** A request's trail, newest first, as the console's request page asks for it. */
const AUDIT = `query Audit($id: String!) { auditEntries(filter: { targetKind: "reprocess_request", targetId: $id }) { edges { node { action actor { name } reason detail } } } }`;

interface Request {
  id: string;
  state: string;
  total: number;
  waitingReason: string | null;
  progress: Record<string, number>;
  canary: {
    size: number;
    stage: string;
    sent: number;
    awaiting: number;
    succeeded: number;
    failed: number;
    rest: number;
    decision: { outcome: string; reason: string; by: { id: string; name: string } | null; awaiting: number } | null;
  } | null;
}

describe(ReprocessCanaryService.name, () => {
  // Canaries over the SDK route, where the test plays the runtime; no risk domain holds these requests for approval.
  const t = useTestApi({ ROUNDHOUSE_JOBS: 'true', ROUNDHOUSE_APPROVAL_RISK_DOMAINS: 'none' });
  let operator: string;
  let runtime: string;

  async function seed(count: number): Promise<string[]> {
    const events = Array.from({ length: count }, () => deadLetter('payout-reconciliation', { source: { kind: 'sdk', queue: 'payouts.reconcile' } }));
    expect((await ingest(t.api, runtime, events)).body.accepted).toBe(count);
    const rows = await t.db.query<{ id: string }>(`SELECT id::text AS id FROM dead_letter WHERE message_id = ANY($1) ORDER BY id`, [
      events.map((e) => (e as { messageId: string }).messageId),
    ]);
    return rows.map((r) => r.id);
  }

  async function start(input: Record<string, unknown>) {
    return t.api.graphql<{ startReprocess: Request }>(START, { input: { action: 'reprocess', velocity: 1000, reason: 'bank account reopened by treasury', ...input } }, operator);
  }

  async function request(id: string): Promise<Request> {
    return (await t.api.graphql<{ reprocessRequest: Request }>(GET, { id }, operator)).data?.reprocessRequest as Request;
  }

  async function claim(): Promise<ReprocessCommandV1[]> {
    const response = await fetch(`${t.api.url}/ingest/v1/commands/claim`, {
      method: 'POST',
      headers: { authorization: `Bearer ${runtime}`, 'content-type': 'application/json' },
      body: JSON.stringify({ max: 50, automations: ['payout-reconciliation'] }),
    });
    return ((await response.json()) as ClaimCommandsResponseV1).commands;
  }

  async function acknowledge(commands: readonly ReprocessCommandV1[]): Promise<void> {
    const response = await fetch(`${t.api.url}/ingest/v1/commands/ack`, {
      method: 'POST',
      headers: { authorization: `Bearer ${runtime}`, 'content-type': 'application/json' },
      body: JSON.stringify({ reprocessIds: commands.map((c) => c.reprocessId) }),
    });
    expect(response.status).toBe(200);
  }

  async function succeed(command: ReprocessCommandV1): Promise<void> {
    const startedAt = new Date().toISOString();
    const run = { automation: command.automation, runId: `rerun-${command.reprocessId}`, attempt: 1, startedAt, reprocessId: command.reprocessId };
    const events = [
      { id: randomUUID(), type: 'run_started', occurredAt: startedAt, ...run },
      { id: randomUUID(), type: 'run_finished', occurredAt: startedAt, ...run, durationMs: 40 },
    ];
    expect((await ingest(t.api, runtime, events)).body.accepted).toBe(2);
  }

  beforeAll(async () => {
    await t.api.app.get(CatalogService).apply(path.join(t.api.config.repositoryRoot, 'catalog'), t.api.config.repositoryRoot);
    operator = await t.api.signIn('otto');
    runtime = (await createToken(t.api, await t.api.signIn('omar'), { team: 'finance-ops', capabilities: ['ingest', 'dead_letters', 'commands'] })).secret;
  });

  it('refuses a canary that leaves nothing for after it, out of range, or on a discard, naming the field; nothing is taken', async () => {
    const ids = await seed(3);
    const all = await start({ selection: { ids }, canary: { count: 3, maxFailureRate: 0.2 } });
    expect(all.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(all.errors?.[0]?.extensions?.fields).toEqual([
      expect.objectContaining({ path: 'canary.count', message: 'a first slice of 3 leaves nothing for after it: the request holds 3 dead letter(s)' }),
    ]);
    const range = await start({ selection: { ids }, canary: { percent: 100, maxFailureRate: 1.5 } });
    expect(range.errors?.[0]?.extensions?.fields?.map((f) => f.path)).toEqual(['canary.percent', 'canary.maxFailureRate']);
    const discard = await start({ action: 'discard', selection: { ids }, canary: { count: 1, maxFailureRate: 0.2 } });
    expect(discard.errors?.[0]?.extensions?.fields?.map((f) => f.path)).toEqual(['canary']);
    const rows = await t.db.query<{ status: string }>(`SELECT DISTINCT status FROM dead_letter WHERE id = ANY($1::bigint[])`, [ids]);
    expect(rows).toEqual([{ status: 'pending' }]);
    expect(await t.db.query(`SELECT 1 FROM reprocess_item WHERE dead_letter_id = ANY($1::bigint[])`, [ids])).toEqual([]);
  });

  it('waits while an outcome never comes, holds the rest, and sends it when someone who may control the request continues', async () => {
    const ids = await seed(5);
    const started = await start({ selection: { ids }, canary: { count: 2, maxFailureRate: 0 } });
    expect(started.errors).toBeUndefined();
    const id = started.data?.startReprocess.id ?? '';

    // Only the slice is offered to the runtime.
    const slice = await eventually(claim, (commands) => commands.length > 0, 'the slice offered');
    expect(slice).toHaveLength(2);
    await acknowledge(slice);
    await succeed(slice[0] as ReprocessCommandV1);
    // The second outcome never comes: the canary waits and says so; nothing more is offered.
    const waiting = await eventually(
      () => request(id),
      (r) => r.waitingReason?.includes('1 of 2 known') === true,
      'the canary waits for the missing outcome',
    );
    expect(waiting.canary).toMatchObject({ stage: 'waiting', sent: 2, awaiting: 1, succeeded: 1, failed: 0, rest: 3, decision: null });
    expect(waiting.waitingReason).toBe('Canary: waiting for outcomes — 1 of 2 known (0 failed again); the other 3 wait for its decision.');
    expect(waiting.progress).toMatchObject({ queued: 3, acknowledged: 1, succeeded: 1 });
    expect(await claim()).toEqual([]);

    // A viewer may not; the operator continues without it.
    const viewer = await t.api.graphql(CONTINUE, { id }, await t.api.signIn('vera'));
    expect(viewer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const continued = await t.api.graphql<{ continueReprocessCanary: Request }>(CONTINUE, { id, reason: 'the reconciler lost its report; checked the payout by hand' }, operator);
    expect(continued.errors).toBeUndefined();
    expect(continued.data?.continueReprocessCanary.canary?.decision).toEqual({
      outcome: 'passed',
      reason: 'canary: continued by Otto Operator with 1 of 2 outcome(s) not known (0 of 1 failed again); sending the other 3',
      by: { id: 'otto', name: 'Otto Operator' },
      awaiting: 1,
    });
    const rest = await eventually(claim, (commands) => commands.length > 0, 'the rest offered');
    expect(rest.map((c) => c.deadLetterId).sort()).toEqual(ids.filter((dl) => !slice.some((c) => c.deadLetterId === dl)).sort());
    // Decided once: a second continue is refused with what was decided.
    const again = await t.api.graphql(CONTINUE, { id }, operator);
    expect(again.errors?.[0]?.message).toMatch(/^Its canary already passed: canary: continued by Otto Operator/);

    const entries =
      (
        await t.api.graphql<{ auditEntries: { edges: { node: { action: string; actor: { name: string }; reason: string | null; detail: string } }[] } }>(AUDIT, { id }, operator)
      ).data?.auditEntries.edges.map((e) => e.node) ?? [];
    const entry = entries.find((e) => e.action === 'reprocess.canary.continued');
    expect(entry).toMatchObject({ actor: { name: 'Otto Operator' }, reason: 'the reconciler lost its report; checked the payout by hand' });
    expect(JSON.parse(entry?.detail ?? '{}')).toMatchObject({ size: 2, succeeded: 1, failed: 0, awaiting: 1, rest: 3 });
  });

  it('refuses to continue a request that has no canary', async () => {
    const ids = await seed(2);
    const started = await start({ selection: { ids } });
    const refused = await t.api.graphql(CONTINUE, { id: started.data?.startReprocess.id }, operator);
    expect(refused.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(refused.errors?.[0]?.message).toBe('This request was not started with a canary: it sends everything at once.');
  });
});

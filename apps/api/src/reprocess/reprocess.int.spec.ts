import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import type { ClaimCommandsResponseV1, ReprocessCommandV1 } from '@roundhouse/contracts';
import { verifyReprocessSignature } from '@roundhouse/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../test/eventually.js';
import { useTestApi, type TestApi } from '../../test/harness.js';
import { createToken, deadLetter, ingest } from '../../test/telemetry.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { ReprocessService } from './reprocess.service.js';

const REQUEST_FIELDS = `id action state reason total velocity selection waitingReason canControl requestedBy { id name }
  progress { queued dispatched acknowledged succeeded failed cancelled } recentErrors { deadLetterId error state attempts }`;

interface Request {
  id: string;
  action: string;
  state: string;
  reason: string;
  total: number;
  selection: string;
  waitingReason: string | null;
  canControl: boolean;
  requestedBy: { id: string; name: string };
  progress: Record<'queued' | 'dispatched' | 'acknowledged' | 'succeeded' | 'failed' | 'cancelled', number>;
  recentErrors: { deadLetterId: string; error: string; state: string; attempts: number }[];
}

const START = `mutation Start($input: StartReprocessInput!) { startReprocess(input: $input) { ${REQUEST_FIELDS} } }`;
const GET = `query Get($id: ID!) { reprocessRequest(id: $id) { ${REQUEST_FIELDS} } }`;
const PREVIEW = `query Preview($action: ReprocessAction!, $selection: DeadLetterSelection!) {
  reprocessPreview(action: $action, selection: $selection) { count blockedReason parts { automation { slug } route destination count warning allowed } }
}`;
const DEAD_LETTER = `query One($id: ID!) { deadLetter(id: $id) { id status reprocessOf actions { requestId action state route reprocessId requestedBy reason newDeadLetterId } } }`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function commands(api: TestApi, token: string, path: 'claim' | 'ack', body: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${api.url}/ingest/v1/commands/${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

/** The run events a runtime reports after handling a command. */
function handled(command: ReprocessCommandV1, outcome: 'succeeded' | 'failed'): unknown[] {
  const startedAt = new Date().toISOString();
  const run = { automation: command.automation, runId: `rerun-${command.reprocessId}`, attempt: 1, startedAt, reprocessId: command.reprocessId };
  return [
    { id: randomUUID(), type: 'run_started', occurredAt: startedAt, ...run },
    outcome === 'succeeded'
      ? { id: randomUUID(), type: 'run_finished', occurredAt: startedAt, ...run, durationMs: 40 }
      : { id: randomUUID(), type: 'run_failed', occurredAt: startedAt, ...run, durationMs: 40, errorClass: 'ValidationError', errorMessage: 'still closed', outcome: 'failed' },
  ];
}

describe(ReprocessService.name, () => {
  // Dispatch, not separation of duties (approvals.int.spec.ts): no risk domain holds these requests for approval.
  // The webhook receiver below listens on loopback, which webhooks reach only when ROUNDHOUSE_OUTBOUND_ALLOW names it.
  const t = useTestApi({ ROUNDHOUSE_JOBS: 'true', ROUNDHOUSE_REPROCESS_LEASE_SECONDS: '2', ROUNDHOUSE_APPROVAL_RISK_DOMAINS: 'none', ROUNDHOUSE_OUTBOUND_ALLOW: '127.0.0.1' });
  let owner: string;
  let operator: string;
  let viewer: string;
  let runtime: string;

  async function seed(automation: string, count: number, overrides: Record<string, unknown> = {}): Promise<string[]> {
    const events = Array.from({ length: count }, () => deadLetter(automation, { source: { kind: 'sdk', queue: `${automation}.failed` }, ...overrides }));
    const result = await ingest(t.api, runtime, events);
    expect(result.body.accepted).toBe(count);
    const rows = await t.db.query<{ id: string }>(`SELECT id::text AS id FROM dead_letter WHERE message_id = ANY($1) ORDER BY id`, [
      events.map((e) => (e as { messageId: string }).messageId),
    ]);
    return rows.map((r) => r.id);
  }

  async function start(cookie: string, input: Record<string, unknown>) {
    return t.api.graphql<{ startReprocess: Request }>(START, { input: { action: 'reprocess', velocity: 1000, reason: 'bank account reopened by treasury', ...input } }, cookie);
  }

  async function request(id: string): Promise<Request> {
    const result = await t.api.graphql<{ reprocessRequest: Request }>(GET, { id }, owner);
    return result.data?.reprocessRequest as Request;
  }

  /** The statuses the workbench lists for these dead letters when filtered by `status` (ids order). */
  async function statusesOf(ids: readonly string[], status: string): Promise<string[]> {
    const listed = await t.api.graphql<{ deadLetters: { edges: { node: { id: string; status: string } }[] } }>(
      `query L($status: DeadLetterStatus) { deadLetters(filter: { automation: "payout-reconciliation", status: $status }, first: 200) { edges { node { id status } } } }`,
      { status },
      owner,
    );
    const mine = new Set(ids);
    const nodes = (listed.data?.deadLetters.edges ?? []).map((e) => e.node).filter((n) => mine.has(n.id));
    return nodes.sort((a, b) => Number(a.id) - Number(b.id)).map((n) => n.status);
  }

  beforeAll(async () => {
    await t.api.app.get(CatalogService).apply(path.join(t.api.config.repositoryRoot, 'catalog'), t.api.config.repositoryRoot);
    owner = await t.api.signIn('omar');
    operator = await t.api.signIn('otto');
    viewer = await t.api.signIn('vera');
    runtime = (await createToken(t.api, owner, { team: 'finance-ops', capabilities: ['ingest', 'dead_letters', 'commands'] })).secret;
  });

  it('previews what a filter holds and where it would go, before anything happens', async () => {
    const fingerprintOf = `batch${randomUUID().replaceAll('-', '')}`;
    await seed('payout-reconciliation', 3, { errorMessage: `preview ${fingerprintOf}` });
    const selection = { filter: { automation: 'payout-reconciliation', search: fingerprintOf } };
    const preview = await t.api.graphql<{
      reprocessPreview: { count: number; blockedReason: string | null; parts: { route: string; count: number; allowed: boolean; destination: string }[] };
    }>(PREVIEW, { action: 'reprocess', selection }, operator);
    expect(preview.data?.reprocessPreview.count).toBe(3);
    expect(preview.data?.reprocessPreview.blockedReason).toBeNull();
    expect(preview.data?.reprocessPreview.parts).toHaveLength(1);
    expect(preview.data?.reprocessPreview.parts[0]).toMatchObject({ route: 'sdk', count: 3, allowed: true });
    expect(preview.data?.reprocessPreview.parts[0]?.destination).toMatch(/SDK/);
    const asViewer = await t.api.graphql<{ reprocessPreview: { blockedReason: string | null } }>(PREVIEW, { action: 'reprocess', selection }, viewer);
    expect(asViewer.data?.reprocessPreview.blockedReason).toMatch(/viewer/);
    const unchanged = await t.db.query<{ status: string }>(`SELECT DISTINCT status FROM dead_letter WHERE error_message = $1`, [`preview ${fingerprintOf}`]);
    expect(unchanged).toEqual([{ status: 'pending' }]);
  });

  it('refuses a request without a reason, with a velocity out of range, or from someone who may not act', async () => {
    const ids = await seed('payout-reconciliation', 1);
    const bad = await start(operator, { selection: { ids }, reason: ' ', velocity: 0 });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.extensions?.fields?.map((f) => f.path).sort()).toEqual(['reason', 'velocity']);
    const both = await start(operator, { selection: { ids, filter: { automation: 'payout-reconciliation' } } });
    expect(both.errors?.[0]?.extensions?.fields?.[0]?.path).toBe('selection');
    expect((await start(viewer, { selection: { ids } })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // otto is on call for finance-ops, not for the support team's ticket triage.
    const [other] = await (async () => {
      const token = (await createToken(t.api, await t.api.signIn('ada'), { team: 'support-engineering', capabilities: ['ingest', 'dead_letters'] })).secret;
      const event = deadLetter('ticket-triage', { source: { kind: 'sdk', queue: 'triage.failed' } });
      await ingest(t.api, token, [event]);
      return t.db.query<{ id: string }>(`SELECT id::text AS id FROM dead_letter WHERE message_id = $1`, [(event as { messageId: string }).messageId]);
    })();
    const forbidden = await start(operator, { selection: { ids: [other?.id] } });
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(forbidden.errors?.[0]?.message).toMatch(/ticket-triage/);
    const statuses = await t.db.query<{ status: string }>(`SELECT status FROM dead_letter WHERE id = ANY($1::bigint[])`, [[...ids, other?.id]]);
    expect(statuses.map((s) => s.status)).toEqual(['pending', 'pending']);
  });

  it('names a request’s snapshot by automation, error and a sample message, the sample’s error masked for those who may not read payloads', async () => {
    const marker = `batch${randomUUID().replaceAll('-', '')}`;
    const closed = await seed('payout-reconciliation', 3, { errorClass: 'BankAccountClosed', errorMessage: `bank account 553 is closed ${marker} api_key=tk_live_9f8e7d6c` });
    const timeouts = await seed('payout-reconciliation', 2, { errorClass: 'TimeoutError', errorMessage: `Stripe did not answer in 30s ${marker}` });
    const created = (await start(owner, { selection: { filter: { search: marker } }, velocity: 1 })).data?.startReprocess as Request;
    const GROUPS = `query($id: ID!) { reprocessRequest(id: $id) { errorGroups { automation errorClass count sampleDeadLetterId sampleMessageId sampleError } } }`;
    type Groups = {
      reprocessRequest: { errorGroups: { automation: string; errorClass: string; count: number; sampleDeadLetterId: string; sampleMessageId: string; sampleError: string }[] };
    };
    const sampleOf = async (id: string | undefined) => (await t.db.query<{ message_id: string }>(`SELECT message_id FROM dead_letter WHERE id = $1::bigint`, [id]))[0]?.message_id;
    /** The sample is a group's oldest dead letter: the lowest id, whatever order the seed returned. */
    const oldest = (ids: string[]) => String(Math.min(...ids.map(Number)));
    const asOwner = (await t.api.graphql<Groups>(GROUPS, { id: created.id }, owner)).data?.reprocessRequest.errorGroups;
    expect(asOwner?.map(({ sampleError: _, ...g }) => g)).toEqual([
      { automation: 'payout-reconciliation', errorClass: 'BankAccountClosed', count: 3, sampleDeadLetterId: oldest(closed), sampleMessageId: await sampleOf(oldest(closed)) },
      { automation: 'payout-reconciliation', errorClass: 'TimeoutError', count: 2, sampleDeadLetterId: oldest(timeouts), sampleMessageId: await sampleOf(oldest(timeouts)) },
    ]);
    expect(asOwner?.[0]?.sampleError).toBe(`bank account 553 is closed ${marker} api_key=tk_live_9f8e7d6c`);
    const asViewer = (await t.api.graphql<Groups>(GROUPS, { id: created.id }, viewer)).data?.reprocessRequest.errorGroups;
    expect(asViewer?.[0]?.errorClass).toBe('BankAccountClosed');
    expect(asViewer?.[0]?.sampleError).not.toContain('tk_live_9f8e7d6c');
    // Closed by default: no one signed in reads nothing.
    const anonymous = await t.api.graphql<Groups>(GROUPS, { id: created.id });
    expect(anonymous.data?.reprocessRequest ?? null).toBeNull();
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses when the selection grew past the count the person confirmed', async () => {
    const marker = `batch${randomUUID().replaceAll('-', '')}`;
    await seed('payout-reconciliation', 4, { errorMessage: `grew ${marker}` });
    const result = await start(operator, { selection: { filter: { search: marker } }, expectedCount: 3 });
    expect(result.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(result.errors?.[0]?.message).toMatch(/4 dead letters, more than the 3/);
    expect(await t.db.query(`SELECT 1 FROM reprocess_item i JOIN dead_letter d ON d.id = i.dead_letter_id WHERE d.error_message = $1`, [`grew ${marker}`])).toEqual([]);
  });

  it('takes each dead letter once when the same selection is requested twice at the same moment, and tells the second request why', async () => {
    const marker = `twice${randomUUID().replaceAll('-', '')}`;
    const ids = await seed('payout-reconciliation', 40, { errorMessage: `clicked twice ${marker}` });
    const selection = { filter: { search: marker } };

    const results = await Promise.all([start(operator, { selection }), start(operator, { selection })]);

    const made = results.flatMap((r) => (r.data?.startReprocess === undefined || r.data.startReprocess === null ? [] : [r.data.startReprocess]));
    expect(made.map((r) => r.total)).toEqual([40]);
    const refused = results.flatMap((r) => r.errors ?? []);
    expect(refused).toHaveLength(1);
    expect(refused[0]?.message).toMatch(/already waiting in another request|Nothing to act on/);
    const items = await t.db.query<{ request_id: string; dead_letter_id: string }>(
      `SELECT request_id::text AS request_id, dead_letter_id::text AS dead_letter_id FROM reprocess_item WHERE dead_letter_id = ANY($1::bigint[]) ORDER BY dead_letter_id::bigint`,
      [ids],
    );
    expect(items.map((i) => i.dead_letter_id)).toEqual(ids);
    expect(new Set(items.map((i) => i.request_id))).toEqual(new Set([made[0]?.id]));
  });

  it('gives every item its own idempotency key, a version-7 UUID of the moment it was taken, and new keys when the same dead letters are requested again', async () => {
    const ids = await seed('payout-reconciliation', 30);
    const keysOf = async (requestId: string) =>
      (await t.db.query<{ reprocess_id: string }>(`SELECT reprocess_id::text AS reprocess_id FROM reprocess_item WHERE request_id = $1::bigint ORDER BY id`, [requestId])).map(
        (row) => row.reprocess_id,
      );
    const millisecondsOf = (key: string) => Number.parseInt(key.replaceAll('-', '').slice(0, 12), 16);

    const before = Date.now();
    const first = (await start(operator, { selection: { ids }, velocity: 1 })).data?.startReprocess as Request;
    const after = Date.now();
    const keys = await keysOf(first.id);
    expect(keys).toHaveLength(30);
    expect(new Set(keys).size).toBe(30);
    for (const key of keys) {
      expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(millisecondsOf(key)).toBeGreaterThanOrEqual(before - 1_000); // the database's clock against this process's
      expect(millisecondsOf(key)).toBeLessThanOrEqual(after + 1_000);
    }
    expect(keys.map(millisecondsOf)).toEqual([...keys.map(millisecondsOf)].sort((a, b) => a - b));

    await t.api.graphql(`mutation C($id: ID!) { cancelReprocess(id: $id, reason: "wrong batch") { state } }`, { id: first.id }, operator);
    const second = (await start(operator, { selection: { ids }, velocity: 1 })).data?.startReprocess as Request;
    expect(second.total).toBe(30);
    const again = await keysOf(second.id);
    expect(new Set(again).size).toBe(30);
    expect(again.filter((key) => keys.includes(key))).toEqual([]);
    await t.api.graphql(`mutation C($id: ID!) { cancelReprocess(id: $id, reason: "done looking") { state } }`, { id: second.id }, operator);
  });

  it('answers a new request as its snapshot took it, acts only on the automations it took, and says why when there is nothing left to take', async () => {
    const marker = `waits${randomUUID().replaceAll('-', '')}`;
    const payouts = await seed('payout-reconciliation', 2, { errorMessage: `waits ${marker}` });
    expect((await start(operator, { selection: { ids: payouts }, velocity: 1 })).data?.startReprocess.total).toBe(2);
    const reminders = [
      ...(await seed('dunning-reminders', 2, { errorClass: 'SmtpRefused', errorMessage: `mail server refused ${marker}` })),
      ...(await seed('dunning-reminders', 1, { errorClass: 'TimeoutError', errorMessage: `mail server slow ${marker}` })),
    ];
    const selection = { filter: { search: marker } };
    const STARTED = `mutation Start($input: StartReprocessInput!) {
      startReprocess(input: $input) { id total automations progress { queued dispatched } recentErrors { deadLetterId } errorGroups { automation errorClass count sampleDeadLetterId sampleMessageId sampleError } }
    }`;
    type Started = { id: string; total: number; automations: string[]; progress: Record<string, number>; recentErrors: unknown[]; errorGroups: { sampleDeadLetterId: string }[] };
    const answered = await t.api.graphql<{ startReprocess: Started }>(STARTED, { input: { action: 'reprocess', velocity: 1, reason: 'mail server back up', selection } }, operator);
    const second = answered.data?.startReprocess as Started;
    // The payouts wait in the first request: the second takes the reminders only, and acts on their automation only.
    expect(second).toMatchObject({ total: 3, automations: ['dunning-reminders'], progress: { queued: 3, dispatched: 0 }, recentErrors: [] });
    const [audited] = await t.db.query<{ automations: string[] }>(`SELECT automations FROM audit_entry WHERE action = 'reprocess.requested' AND target_id = $1`, [second.id]);
    expect(audited?.automations).toEqual(['dunning-reminders']);
    const GROUPS = `query($id: ID!) { reprocessRequest(id: $id) { errorGroups { automation errorClass count sampleDeadLetterId sampleMessageId sampleError } } }`;
    const later = await t.api.graphql<{ reprocessRequest: { errorGroups: unknown[] } }>(GROUPS, { id: second.id }, operator);
    expect(second.errorGroups).toEqual(later.data?.reprocessRequest.errorGroups);
    expect(second.errorGroups).toHaveLength(2);
    expect(second.errorGroups[0]?.sampleDeadLetterId).toBe(String(Math.min(...reminders.slice(0, 2).map(Number))));

    const again = await start(operator, { selection });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(again.errors?.[0]?.message).toBe('Every dead letter in the selection is already waiting in another request.');
    const none = await start(operator, { selection: { filter: { search: `none${marker}` } } });
    expect(none.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(none.errors?.[0]?.message).toMatch(/^Nothing to act on: the selection holds no pending, failed-again or reprocessed dead letters/);
  });

  it('closes the loop through the SDK: offered, claimed, acknowledged, run reported with the key, resolved', async () => {
    const ids = await seed('payout-reconciliation', 5);
    const started = await start(operator, { selection: { ids }, expectedCount: 5 });
    const created = started.data?.startReprocess as Request;
    expect(created).toMatchObject({ state: 'running', total: 5, requestedBy: { name: 'Otto Operator' }, canControl: true });

    // Offered, and the request says it waits for the runtime (set as the worker settles, just after the last offer).
    const offered = await eventually(
      () => request(created.id),
      (r) => r.progress.dispatched === 5 && r.waitingReason !== null,
      'commands offered',
    );
    expect(offered.waitingReason).toMatch(/pick up 5 command/);
    // Taken by the request and not sent yet: they read reprocessing, in the list and its filter alike.
    expect(await statusesOf(ids, 'reprocessing')).toEqual(ids.map(() => 'reprocessing'));
    const claimed = await commands(t.api, runtime, 'claim', { max: 100, automations: ['payout-reconciliation'] });
    const batch = (claimed.body as ClaimCommandsResponseV1).commands.filter((c) => c.requestId === created.id);
    expect(batch.map((c) => c.deadLetterId).sort()).toEqual([...ids].sort());
    expect(batch[0]?.automation).toBe('payout-reconciliation');
    expect(batch[0]?.payload).toMatchObject({ payoutId: 'po_4711' });
    // Leased: a second runtime asking now gets none of them.
    const again = await commands(t.api, runtime, 'claim', { max: 100, automations: ['payout-reconciliation'] });
    expect((again.body as ClaimCommandsResponseV1).commands.filter((c) => c.requestId === created.id)).toEqual([]);

    expect((await commands(t.api, runtime, 'ack', { reprocessIds: batch.map((c) => c.reprocessId) })).body).toEqual({ acknowledged: 5 });
    const acked = await request(created.id);
    expect(acked.state).toBe('done');
    expect(acked.progress.acknowledged).toBe(5);
    // In the runtime's hands: they read reprocessed (and no longer reprocessing) until their outcome comes.
    expect(await statusesOf(ids, 'reprocessed')).toEqual(ids.map(() => 'reprocessed'));
    expect(await statusesOf(ids, 'reprocessing')).toEqual([]);
    expect((await t.api.graphql<{ deadLetter: { status: string } }>(DEAD_LETTER, { id: ids[0] }, owner)).data?.deadLetter.status).toBe('reprocessed');

    const [first, ...rest] = batch as [ReprocessCommandV1, ...ReprocessCommandV1[]];
    await ingest(t.api, runtime, [...handled(first, 'failed'), ...rest.flatMap((c) => handled(c, 'succeeded'))]);
    const finished = await request(created.id);
    expect(finished.progress).toMatchObject({ succeeded: 4, failed: 1 });
    const resolved = await t.api.graphql<{ deadLetter: { status: string; actions: { requestId: string; state: string; reprocessId: string; route: string }[] } }>(
      DEAD_LETTER,
      { id: rest[0]?.deadLetterId },
      owner,
    );
    expect(resolved.data?.deadLetter).toMatchObject({
      status: 'resolved',
      actions: [{ requestId: created.id, state: 'succeeded', route: 'sdk', reprocessId: rest[0]?.reprocessId }],
    });
    const failedAgain = await t.api.graphql<{ deadLetter: { status: string } }>(DEAD_LETTER, { id: first.deadLetterId }, owner);
    expect(failedAgain.data?.deadLetter.status).toBe('failed_again');

    const audit = await t.api.graphql<{ auditEntries: { edges: { node: { action: string; actor: { name: string }; reason: string | null; detail: string } }[] } }>(
      `query A($id: String) { auditEntries(filter: { targetKind: "reprocess_request", targetId: $id }) { edges { node { action actor { name } reason detail } } } }`,
      { id: created.id },
      owner,
    );
    const trail = audit.data?.auditEntries.edges.map((e) => e.node);
    // The runtime's claim and acknowledgement are on record too, with the token as the actor.
    expect(trail?.map((a) => [a.action, a.actor.name])).toEqual([
      ['request.finished', 'Roundhouse'],
      ['commands.acknowledged', expect.stringMatching(/^test runtime /)],
      ['commands.claimed', expect.stringMatching(/^test runtime /)],
      ['reprocess.requested', 'Otto Operator'],
    ]);
    expect(trail?.[3]?.reason).toBe('bank account reopened by treasury');
    expect(trail?.[3]?.detail).toContain('"total":5');
  });

  it('links a new dead letter reported with the key to the one it failed again from', async () => {
    const [id] = await seed('payout-reconciliation', 1);
    const created = (await start(operator, { selection: { ids: [id] } })).data?.startReprocess as Request;
    await eventually(
      () => request(created.id),
      (r) => r.progress.dispatched === 1,
      'command offered',
    );
    const [command] = ((await commands(t.api, runtime, 'claim', { max: 100 })).body as ClaimCommandsResponseV1).commands.filter((c) => c.requestId === created.id);
    await commands(t.api, runtime, 'ack', { reprocessIds: [command?.reprocessId] });
    const retried = deadLetter('payout-reconciliation', {
      source: { kind: 'sdk', queue: 'payout-reconciliation.failed' },
      reprocessId: command?.reprocessId,
      errorMessage: 'NetSuite refused payout po_4711: bank account 553 is still closed',
    });
    await ingest(t.api, runtime, [retried]);
    const [fresh] = await t.db.query<{ id: string }>(`SELECT id::text AS id FROM dead_letter WHERE message_id = $1`, [(retried as { messageId: string }).messageId]);
    // The new one is what failed again (waiting, under its own error); the old one was reprocessed, not counted twice.
    const linked = await t.api.graphql<{ deadLetter: { status: string; reprocessOf: string | null } }>(DEAD_LETTER, { id: fresh?.id }, owner);
    expect(linked.data?.deadLetter).toMatchObject({ status: 'failed_again', reprocessOf: id });
    const old = await t.api.graphql<{ deadLetter: { status: string; actions: { state: string; newDeadLetterId: string | null }[] } }>(DEAD_LETTER, { id }, owner);
    expect(old.data?.deadLetter).toMatchObject({ status: 'reprocessed', actions: [{ state: 'failed', newDeadLetterId: fresh?.id }] });
  });

  it('pauses, resumes and cancels; cancelled messages wait again and every step is on record', async () => {
    const ids = await seed('payout-reconciliation', 40);
    const created = (await start(operator, { selection: { ids }, velocity: 2 })).data?.startReprocess as Request;
    await eventually(
      () => request(created.id),
      (r) => r.progress.dispatched >= 1,
      'first offers',
    );
    const paused = await t.api.graphql<{ pauseReprocess: Request }>(
      `mutation P($id: ID!) { pauseReprocess(id: $id, reason: "checking with treasury") { ${REQUEST_FIELDS} } }`,
      { id: created.id },
      operator,
    );
    expect(paused.data?.pauseReprocess.state).toBe('paused');
    await sleep(1_500);
    const held = (await request(created.id)).progress.dispatched;
    await sleep(1_500);
    expect((await request(created.id)).progress.dispatched).toBe(held);
    expect(held).toBeLessThan(40);

    const resumed = await t.api.graphql<{ resumeReprocess: Request }>(`mutation R($id: ID!) { resumeReprocess(id: $id) { state } }`, { id: created.id }, operator);
    expect(resumed.data?.resumeReprocess.state).toBe('running');
    await eventually(
      () => request(created.id),
      (r) => r.progress.dispatched > held,
      'offers after resume',
    );

    // Started and resumed without a canary: no canary check was ever queued for it.
    const checks = await t.db.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM pgboss.job WHERE name = 'reprocess-canary' AND data ->> 'requestId' = $1)::int
            + (SELECT count(*) FROM pgboss.archive WHERE name = 'reprocess-canary' AND data ->> 'requestId' = $1)::int AS n`,
      [created.id],
    );
    expect(checks).toEqual([{ n: 0 }]);

    const resumeAgain = await t.api.graphql(`mutation R($id: ID!) { resumeReprocess(id: $id) { state } }`, { id: created.id }, operator);
    expect(resumeAgain.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await t.api.graphql(`mutation C($id: ID!) { cancelReprocess(id: $id) { state } }`, { id: created.id }, viewer)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const cancelled = await t.api.graphql<{ cancelReprocess: Request }>(
      `mutation C($id: ID!) { cancelReprocess(id: $id, reason: "wrong batch") { ${REQUEST_FIELDS} } }`,
      { id: created.id },
      operator,
    );
    expect(cancelled.data?.cancelReprocess.state).toBe('cancelled');
    expect(cancelled.data?.cancelReprocess.progress).toMatchObject({ queued: 0, dispatched: 0, cancelled: 40 });
    const statuses = await t.db.query<{ status: string; n: number }>(`SELECT status, count(*)::int AS n FROM dead_letter WHERE id = ANY($1::bigint[]) GROUP BY status`, [ids]);
    expect(statuses).toEqual([{ status: 'pending', n: 40 }]);
    const audit = await t.api.graphql<{ auditEntries: { edges: { node: { action: string; reason: string | null } }[] } }>(
      `query A($id: String) { auditEntries(filter: { targetKind: "reprocess_request", targetId: $id }) { edges { node { action reason } } } }`,
      { id: created.id },
      owner,
    );
    expect(audit.data?.auditEntries.edges.map(({ node }) => [node.action, node.reason])).toEqual([
      ['request.cancelled', 'wrong batch'],
      ['request.resumed', null],
      ['request.paused', 'checking with treasury'],
      ['reprocess.requested', 'bank account reopened by treasury'],
    ]);
  });

  it('discards a selection: the dead letters are set aside, nothing is sent', async () => {
    const ids = await seed('payout-reconciliation', 6);
    const created = (await start(operator, { action: 'discard', selection: { ids }, reason: 'duplicates of payouts already booked by hand' })).data?.startReprocess as Request;
    const done = await eventually(
      () => request(created.id),
      (r) => r.state === 'done',
      'discard done',
    );
    expect(done.progress).toMatchObject({ succeeded: 6, queued: 0 });
    const statuses = await t.db.query<{ status: string }>(`SELECT DISTINCT status FROM dead_letter WHERE id = ANY($1::bigint[])`, [ids]);
    expect(statuses).toEqual([{ status: 'discarded' }]);
    const offered = await commands(t.api, runtime, 'claim', { max: 100 });
    expect((offered.body as ClaimCommandsResponseV1).commands.filter((c) => c.requestId === created.id)).toEqual([]);
  });

  it('refuses command calls from a token without the commands capability', async () => {
    const ingestOnly = (await createToken(t.api, owner, { team: 'finance-ops', capabilities: ['ingest'] })).secret;
    expect((await commands(t.api, ingestOnly, 'claim', { max: 5 })).status).toBe(403);
    expect((await commands(t.api, runtime, 'claim', { max: 5000 })).status).toBe(400);
  });

  describe('webhook runtimes', () => {
    let server: Server;
    const received: { reprocessId: string; verified: boolean }[] = [];
    let failFirst = 2;
    /** When set, the receiver refuses every message with this answer (as a runtime echoing what it got might). */
    let refuseWith: string | undefined;

    beforeAll(async () => {
      process.env.ROUNDHOUSE_RUNTIME_TEST_TRIAGE_WEBHOOK_SECRET = 'whsec_test_0123456789abcdef';
      server = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          if (refuseWith !== undefined) {
            res.writeHead(422).end(refuseWith);
            return;
          }
          if (failFirst > 0) {
            failFirst -= 1;
            res.writeHead(503).end('deploying');
            return;
          }
          const verified = verifyReprocessSignature('whsec_test_0123456789abcdef', req.headers['x-roundhouse-signature'], req.headers['x-roundhouse-timestamp'], body);
          received.push({ reprocessId: (JSON.parse(body) as ReprocessCommandV1).reprocessId, verified });
          res.writeHead(verified ? 202 : 401).end();
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      await t.db.query(`UPDATE automation SET runtime = $1 WHERE slug = 'ticket-triage'`, [
        JSON.stringify({ kind: 'webhook', reprocessUrl: `http://127.0.0.1:${port}/roundhouse/reprocess`, signingSecret: 'ROUNDHOUSE_RUNTIME_TEST_TRIAGE_WEBHOOK_SECRET' }),
      ]);
    });

    afterAll(async () => {
      delete process.env.ROUNDHOUSE_RUNTIME_TEST_TRIAGE_WEBHOOK_SECRET;
      await new Promise((resolve) => server.close(resolve));
    });

    it('POSTs each message signed, tries again with backoff after a 503, and confirms on 2xx', async () => {
      const admin = await t.api.signIn('ada');
      const token = (await createToken(t.api, admin, { team: 'support-engineering', capabilities: ['ingest', 'dead_letters'] })).secret;
      const events = Array.from({ length: 3 }, () =>
        deadLetter('ticket-triage', { source: { kind: 'webhook', queue: 'triage' }, errorClass: 'ClassifierError', errorMessage: 'model returned no queue' }),
      );
      await ingest(t.api, token, events);
      const created = (
        await t.api.graphql<{ startReprocess: Request }>(
          START,
          {
            input: { action: 'reprocess', velocity: 50, reason: 'classifier model rolled back', selection: { filter: { automation: 'ticket-triage', search: 'ClassifierError' } } },
          },
          admin,
        )
      ).data?.startReprocess as Request;
      expect(created.total).toBe(3);
      const done = await eventually(
        () => request(created.id),
        (r) => r.state === 'done',
        'webhook deliveries',
        45_000,
      );
      expect(done.progress.acknowledged).toBe(3);
      expect(received).toHaveLength(3);
      expect(received.every((r) => r.verified)).toBe(true);
      const attempts = await t.db.query<{ attempts: number }>(`SELECT attempts FROM reprocess_item WHERE request_id = $1 ORDER BY attempts DESC`, [created.id]);
      expect(attempts.reduce((sum, a) => sum + a.attempts, 0)).toBe(5);
    });
    it('shows what a receiver answered masked to those who may not read payloads, in the request and in the dead letter’s history', async () => {
      refuseWith = 'refused: Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0cmlhZ2UifQ.c2lnbmF0dXJl, api_key=tk_live_9f8e7d6c';
      try {
        const admin = await t.api.signIn('ada');
        const token = (await createToken(t.api, admin, { team: 'support-engineering', capabilities: ['ingest', 'dead_letters'] })).secret;
        const event = deadLetter('ticket-triage', { source: { kind: 'webhook', queue: 'triage' }, errorClass: 'EchoedError', errorMessage: 'classifier timed out' });
        await ingest(t.api, token, [event]);
        const created = (
          await t.api.graphql<{ startReprocess: Request }>(
            START,
            { input: { action: 'reprocess', velocity: 50, reason: 'classifier back', selection: { filter: { automation: 'ticket-triage', search: 'EchoedError' } } } },
            admin,
          )
        ).data?.startReprocess as Request;
        await eventually(
          () => request(created.id),
          (r) => r.state === 'done' && r.recentErrors.length === 1,
          'the refusal on the ledger',
          45_000,
        );
        const [{ id }] = (await t.db.query<{ id: string }>(`SELECT id::text AS id FROM dead_letter WHERE message_id = $1`, [(event as { messageId: string }).messageId])) as [
          { id: string },
        ];
        const read = async (cookie: string) => {
          const one = await t.api.graphql<{ reprocessRequest: Request }>(GET, { id: created.id }, cookie);
          const history = await t.api.graphql<{ deadLetter: { actions: { lastError: string | null }[] } }>(
            `query($id: ID!) { deadLetter(id: $id) { actions { lastError } } }`,
            { id },
            cookie,
          );
          return [one.data?.reprocessRequest.recentErrors[0]?.error, history.data?.deadLetter.actions[0]?.lastError];
        };
        const full = `webhook answered 422 Unprocessable Entity: ${refuseWith}`;
        expect(await read(admin)).toEqual([full, full]);
        for (const text of await read(viewer)) {
          expect(text).toMatch(/^webhook answered 422 Unprocessable Entity: refused: Authorization: ••••/);
          expect(text).not.toContain('eyJhbGciOiJIUzI1NiJ9');
          expect(text).not.toContain('tk_live_9f8e7d6c');
        }
      } finally {
        refuseWith = undefined;
      }
    });
  });
});

import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { ClaimCommandsResponseV1, ReprocessCommandV1 } from '@roundhouse/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApi } from '../../test/harness.js';
import { createToken, deadLetter, ingest } from '../../test/telemetry.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { DashboardsService } from '../dashboards/dashboards.service.js';
import { DeadLettersService } from './dead-letters.service.js';

const AUTOMATION = 'payout-reconciliation';
const SOURCE = { kind: 'sdk', queue: 'payout-reconciliation.failed' };
const CLOSED = 'BankAccountClosed';
const RATE_LIMITED = 'AdyenRateLimited';

const LIST = `query List($filter: DeadLetterFilter) {
  deadLetters(filter: $filter, first: 200) { edges { node { id messageId status errorClass errorMessage fingerprint } } }
}`;
const GROUPS = `query Groups($automation: String, $status: DeadLetterStatus, $needsAction: Boolean, $reprocessRequest: ID) {
  deadLetterGroups(automation: $automation, status: $status, needsAction: $needsAction, reprocessRequest: $reprocessRequest) { fingerprint errorClass normalizedMessage pending matching }
}`;
const ONE = `query One($id: ID!) {
  deadLetter(id: $id) { id status errorClass errorMessage fingerprint reprocessOf earlierErrors { errorClass errorMessage until } actions { state newDeadLetterId } }
}`;
const REQUEST = `query Request($id: ID!) { reprocessRequest(id: $id) { id state failedAgain progress { succeeded failed } } }`;

interface Node {
  id: string;
  messageId: string;
  status: string;
  errorClass: string;
  errorMessage: string;
  fingerprint: string;
}
interface Group {
  fingerprint: string;
  errorClass: string;
  normalizedMessage: string;
  pending: number;
  matching: number;
}

/** What a runtime reports after handling a reprocess command: a run that succeeded, or one that gave up with `error`. */
function ran(command: ReprocessCommandV1, error?: { errorClass: string; errorMessage: string }): unknown[] {
  const startedAt = new Date().toISOString();
  const run = { automation: command.automation, runId: `rerun-${command.reprocessId}`, attempt: 1, startedAt, reprocessId: command.reprocessId };
  return [
    { id: randomUUID(), type: 'run_started', occurredAt: startedAt, ...run },
    error === undefined
      ? { id: randomUUID(), type: 'run_finished', occurredAt: startedAt, ...run, durationMs: 40 }
      : { id: randomUUID(), type: 'run_failed', occurredAt: startedAt, ...run, durationMs: 40, outcome: 'failed', ...error },
  ];
}

describe(`${DeadLettersService.name}: messages that fail again`, () => {
  const t = useTestApi({ ROUNDHOUSE_JOBS: 'true', ROUNDHOUSE_APPROVAL_RISK_DOMAINS: 'none' });
  let owner: string;
  let operator: string;
  let runtime: string;

  beforeAll(async () => {
    const root = t.api.config.repositoryRoot;
    await t.api.app.get(CatalogService).apply(path.join(root, 'catalog'), root);
    await t.api.app.get(DashboardsService).apply(path.join(root, 'dashboards'), root);
    owner = await t.api.signIn('omar');
    operator = await t.api.signIn('otto');
    runtime = (await createToken(t.api, owner, { team: 'finance-ops', capabilities: ['ingest', 'dead_letters', 'commands'] })).secret;
  });

  async function list(filter: Record<string, unknown>): Promise<Node[]> {
    const result = await t.api.graphql<{ deadLetters: { edges: { node: Node }[] } }>(LIST, { filter }, owner);
    expect(result.errors).toBeUndefined();
    return result.data?.deadLetters.edges.map((e) => e.node) ?? [];
  }

  async function groups(variables: Record<string, unknown>): Promise<Group[]> {
    const result = await t.api.graphql<{ deadLetterGroups: Group[] }>(GROUPS, variables, owner);
    expect(result.errors).toBeUndefined();
    return result.data?.deadLetterGroups ?? [];
  }

  it('groups what failed again by its new error, keeps the old one on the message, and the request opens exactly those', async () => {
    // Eight payouts NetSuite refused because the bank account was closed; six are reprocessed once treasury reopened it.
    const seeded = Array.from({ length: 8 }, (_, i) =>
      deadLetter(AUTOMATION, { source: SOURCE, errorClass: CLOSED, errorMessage: `NetSuite refused payout po_${4711 + i}: bank account ${553 + i} is closed` }),
    );
    expect((await ingest(t.api, runtime, seeded)).body.accepted).toBe(8);
    const all = await list({ automation: AUTOMATION });
    const byMessage = new Map(all.map((node) => [node.messageId, node]));
    const ids = seeded.slice(0, 6).map((e) => byMessage.get((e as { messageId: string }).messageId)?.id as string);
    const oldFingerprint = all[0]?.fingerprint;

    const started = await t.api.graphql<{ startReprocess: { id: string } }>(
      `mutation Start($input: StartReprocessInput!) { startReprocess(input: $input) { id } }`,
      { input: { action: 'reprocess', velocity: 1000, reason: 'bank accounts reopened by treasury', selection: { ids } } },
      operator,
    );
    const requestId = started.data?.startReprocess.id as string;
    expect(requestId).toBeDefined();
    const claim = async () => {
      const response = await fetch(`${t.api.url}/ingest/v1/commands/claim`, {
        method: 'POST',
        headers: { authorization: `Bearer ${runtime}`, 'content-type': 'application/json' },
        body: JSON.stringify({ max: 100, automations: [AUTOMATION] }),
      });
      return ((await response.json()) as ClaimCommandsResponseV1).commands.filter((c) => c.requestId === requestId);
    };
    const claimed: ReprocessCommandV1[] = [];
    await expect.poll(async () => claimed.push(...(await claim())) && claimed.length, { timeout: 10_000, interval: 200 }).toBe(6);
    await fetch(`${t.api.url}/ingest/v1/commands/ack`, {
      method: 'POST',
      headers: { authorization: `Bearer ${runtime}`, 'content-type': 'application/json' },
      body: JSON.stringify({ reprocessIds: claimed.map((c) => c.reprocessId) }),
    });

    // Two go through; Adyen rate-limits the other four, reported three ways a runtime does.
    const rateLimited = (payout: string) => ({ errorClass: RATE_LIMITED, errorMessage: `Adyen answered 429 Too Many Requests for payout ${payout}; retry after 30 s` });
    const [ok1, ok2, gaveUp1, gaveUp2, parkedAnew, redelivered] = claimed as [ReprocessCommandV1, ...ReprocessCommandV1[]];
    const original = (command: ReprocessCommandV1 | undefined) =>
      seeded.find((e) => byMessage.get((e as { messageId: string }).messageId)?.id === command?.deadLetterId) as { messageId: string };
    const anew = deadLetter(AUTOMATION, { source: SOURCE, reprocessId: parkedAnew?.reprocessId, ...rateLimited('po_9001') });
    const again = deadLetter(AUTOMATION, { source: SOURCE, messageId: original(redelivered).messageId, reprocessId: redelivered?.reprocessId, ...rateLimited('po_9002') });
    const reported = await ingest(t.api, runtime, [
      ...ran(ok1),
      ...ran(ok2 as ReprocessCommandV1),
      ...ran(gaveUp1 as ReprocessCommandV1, rateLimited('po_9003')),
      ...ran(gaveUp2 as ReprocessCommandV1, rateLimited('po_9004')),
      anew,
      again,
    ]);
    expect(reported.body).toMatchObject({ accepted: 10, quarantined: 0 });
    const newId = (await list({ automation: AUTOMATION })).find((n) => n.messageId === (anew as { messageId: string }).messageId)?.id as string;

    // The finished request counts the four, and its filter lists exactly them, all under the new error.
    const request = await t.api.graphql<{ reprocessRequest: { state: string; failedAgain: number; progress: { succeeded: number; failed: number } } }>(
      REQUEST,
      { id: requestId },
      operator,
    );
    expect(request.data?.reprocessRequest).toMatchObject({ state: 'done', failedAgain: 4, progress: { succeeded: 2, failed: 4 } });
    const failedAgain = await list({ reprocessRequest: requestId, status: 'failed_again' });
    expect(failedAgain.map((n) => n.id).sort()).toEqual([gaveUp1?.deadLetterId, gaveUp2?.deadLetterId, newId, redelivered?.deadLetterId].sort());
    expect(new Set(failedAgain.map((n) => n.errorClass))).toEqual(new Set([RATE_LIMITED]));
    expect(failedAgain.every((n) => n.fingerprint !== oldFingerprint)).toBe(true);
    expect(new Set(failedAgain.map((n) => n.fingerprint)).size).toBe(1);

    // Another payout Adyen rate-limited meanwhile, never part of the request: same error, same group.
    expect((await ingest(t.api, runtime, [deadLetter(AUTOMATION, { source: SOURCE, ...rateLimited('po_9005') })])).body.accepted).toBe(1);
    const requestGroups = await groups({ status: 'failed_again', reprocessRequest: requestId });
    // The group waits with five; the request's link ("the 4 that failed again") reaches four of them, and says so.
    expect(requestGroups.map((g) => [g.errorClass, g.normalizedMessage, g.pending, g.matching])).toEqual([
      [RATE_LIMITED, 'Adyen answered <n> Too Many Requests for payout po_<n>; retry after <n> s', 5, 4],
    ]);

    // Needs action: the four that failed again, the one rate-limited anew and the two never reprocessed, in their own groups; the old group holds only the two.
    const needsAction = await groups({ automation: AUTOMATION, status: null, needsAction: true });
    expect(needsAction.map((g) => [g.errorClass, g.pending, g.matching])).toEqual([
      [RATE_LIMITED, 5, 5],
      [CLOSED, 2, 2],
    ]);
    const waiting = await list({ automation: AUTOMATION, needsAction: true });
    expect(waiting.map((n) => n.status).sort()).toEqual(['failed_again', 'failed_again', 'failed_again', 'failed_again', 'pending', 'pending', 'pending']);
    // The default "Pending" view used to say nothing while these waited: pending alone holds only the three never reprocessed.
    expect(await list({ automation: AUTOMATION, status: 'pending' })).toHaveLength(3);

    // The message page keeps the error it had before.
    const gaveUp = await t.api.graphql<{ deadLetter: { errorClass: string; errorMessage: string; earlierErrors: { errorClass: string; errorMessage: string; until: string }[] } }>(
      ONE,
      { id: gaveUp1?.deadLetterId },
      owner,
    );
    expect(gaveUp.data?.deadLetter.errorMessage).toBe('Adyen answered 429 Too Many Requests for payout po_9003; retry after 30 s');
    const earlier = gaveUp.data?.deadLetter.earlierErrors ?? [];
    expect(earlier.map((e) => e.errorClass)).toEqual([CLOSED]);
    expect(earlier[0]?.errorMessage).toMatch(/^NetSuite refused payout po_\d+: bank account \d+ is closed$/);
    expect(Number.isNaN(Date.parse(earlier[0]?.until ?? ''))).toBe(false);
    const came = await t.api.graphql<{ deadLetter: { status: string; earlierErrors: { errorClass: string }[] } }>(ONE, { id: redelivered?.deadLetterId }, owner);
    expect(came.data?.deadLetter).toMatchObject({ status: 'failed_again', earlierErrors: [{ errorClass: CLOSED }] });
    // A new message parked with the key is the one that failed again; the one it came from was reprocessed and is not counted twice.
    const fresh = await t.api.graphql<{ deadLetter: { status: string; reprocessOf: string } }>(ONE, { id: newId }, owner);
    expect(fresh.data?.deadLetter).toMatchObject({ status: 'failed_again', reprocessOf: parkedAnew?.deadLetterId });
    const superseded = await t.api.graphql<{ deadLetter: { status: string; actions: { state: string; newDeadLetterId: string }[] } }>(ONE, { id: parkedAnew?.deadLetterId }, owner);
    expect(superseded.data?.deadLetter).toMatchObject({ status: 'reprocessed', actions: [{ state: 'failed', newDeadLetterId: newId }] });

    // The dashboard's "waiting" and the workbench's default view agree.
    const dashboard = await t.api.graphql<{ dashboard: { panels: { kind: string; backlog: { automation: string; pending: number }[] | null }[] } }>(
      `query { dashboard(name: "finance-automation-program") { panels { kind backlog { automation pending } } } }`,
      {},
      owner,
    );
    const backlog = dashboard.data?.dashboard.panels.find((p) => p.kind === 'dead_letter_backlog')?.backlog ?? [];
    expect(backlog.find((row) => row.automation === AUTOMATION)?.pending).toBe(waiting.length);
    expect(needsAction.reduce((sum, g) => sum + g.pending, 0)).toBe(waiting.length);
  });

  it('does not let a late report of an older failure take the newest error back', async () => {
    const messageId = `po-late-${randomUUID()}`;
    const now = Date.now();
    await ingest(t.api, runtime, [
      deadLetter(AUTOMATION, {
        source: SOURCE,
        messageId,
        occurredAt: new Date(now).toISOString(),
        errorClass: RATE_LIMITED,
        errorMessage: 'Adyen answered 429 Too Many Requests',
      }),
    ]);
    await ingest(t.api, runtime, [
      deadLetter(AUTOMATION, { source: SOURCE, messageId, occurredAt: new Date(now - 60_000).toISOString(), errorClass: CLOSED, errorMessage: 'bank account 553 is closed' }),
    ]);
    const [node] = (await list({ automation: AUTOMATION })).filter((n) => n.messageId === messageId);
    expect(node).toMatchObject({ errorClass: RATE_LIMITED, errorMessage: 'Adyen answered 429 Too Many Requests' });
  });

  it('reads a request filter that is not an id as matching nothing', async () => {
    expect(await list({ reprocessRequest: 'not-a-request' })).toEqual([]);
    expect(await groups({ reprocessRequest: 'not-a-request', status: null })).toEqual([]);
  });
});

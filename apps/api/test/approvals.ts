import path from 'node:path';
import { beforeAll, expect } from 'vitest';
import { AccountsService } from '../src/accounts/accounts.service.js';
import { CatalogService } from '../src/catalog/catalog.service.js';
import { automationInput } from './fixtures.js';
import { useTestApi, type GraphQLResult, type Persona } from './harness.js';
import { createToken, deadLetter, ingest } from './telemetry.js';
import { DEAD_LETTER_STATUS } from '../src/dead-letters/index.js';

// What the approvals suites share: the fields they read, the operations they send, and a Roundhouse
// where a second person's approval is needed early (a bulk threshold of 5).

export const REQUEST_FIELDS = `id state total approvalReasons canControl canReject canDecide decideBlockedReason requestedBy { id }
  decision { decision by { id name } at note } progress { queued dispatched cancelled }`;

export interface Request {
  id: string;
  state: string;
  total: number;
  approvalReasons: string[];
  canControl: boolean;
  canReject: boolean;
  canDecide: boolean;
  decideBlockedReason: string | null;
  requestedBy: { id: string };
  decision: { decision: string; by: { id: string; name: string }; at: string; note: string | null } | null;
  progress: { queued: number; dispatched: number; cancelled: number };
}

export const CHANGE_FIELDS = `id state ownerTeam sloChanges changes requestedBy { id } decidedBy { id } decidedAt reason canDecide decideBlockedReason canReject automation { slug }`;

export interface Change {
  id: string;
  state: string;
  ownerTeam: string;
  sloChanges: string[];
  changes: string[];
  requestedBy: { id: string };
  decidedBy: { id: string } | null;
  decidedAt: string | null;
  reason: string | null;
  canDecide: boolean;
  decideBlockedReason: string | null;
  canReject: boolean;
  automation: { slug: string };
}

export interface Inbox {
  reprocessRequests: Request[];
  automationChanges: Change[];
  waitingForYou: number;
}

export const START = `mutation Start($input: StartReprocessInput!) { startReprocess(input: $input) { ${REQUEST_FIELDS} } }`;
export const GET = `query Get($id: ID!) { reprocessRequest(id: $id) { ${REQUEST_FIELDS} } }`;
export const APPROVE = `mutation Approve($id: ID!, $note: String) { approveReprocess(id: $id, note: $note) { ${REQUEST_FIELDS} } }`;
export const REJECT = `mutation Reject($id: ID!, $reason: String!) { rejectReprocess(id: $id, reason: $reason) { ${REQUEST_FIELDS} } }`;
export const PREVIEW = `query Preview($selection: DeadLetterSelection!) { reprocessPreview(action: reprocess, selection: $selection) { count approvalReasons } }`;
export const UPDATE = `mutation Update($slug: String!, $input: AutomationInput!) {
  updateAutomation(slug: $slug, input: $input) { slug title slos { name objective window } pendingChange { ${CHANGE_FIELDS} } }
}`;
export const APPROVE_CHANGE = `mutation ApproveChange($id: ID!, $note: String) { approveAutomationChange(id: $id, note: $note) { ${CHANGE_FIELDS} } }`;
export const REJECT_CHANGE = `mutation RejectChange($id: ID!, $reason: String!) { rejectAutomationChange(id: $id, reason: $reason) { ${CHANGE_FIELDS} } }`;
export const AUTOMATION = `query One($slug: String!) { automation(slug: $slug) { title slos { name objective window } pendingChange { ${CHANGE_FIELDS} } } }`;
export const INBOX = `{ approvals { waitingForYou reprocessRequests { ${REQUEST_FIELDS} } automationChanges { ${CHANGE_FIELDS} } } }`;

/** A finance-ops automation that touches no risk domain, its runtime pulling commands through the SDK. */
export const PLAIN = 'vendor-bill-capture';

/**
 * A Roundhouse for one approvals suite: jobs running, a bulk threshold of 5 (the risk domains are the
 * defaults, revenue and billing), the shipped catalog, PLAIN registered by omar, every persona signed in
 * and a runtime token for finance-ops and one for support-engineering.
 */
export function useApprovalsApi() {
  // A small threshold keeps the bulk case small; the risk domains are the defaults (revenue, billing).
  const t = useTestApi({ ROUNDHOUSE_JOBS: 'true', ROUNDHOUSE_APPROVAL_BULK_THRESHOLD: '5' });
  const cookies = {} as Record<Persona, string>;
  /** Runtime tokens (set in beforeAll): finance-ops with the commands capability, support-engineering without. */
  const runtimes = { finance: '', support: '' };

  async function as<T>(persona: Persona, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResult<T>> {
    return t.api.graphql<T>(query, variables, cookies[persona]);
  }

  async function seed(automation: string, count: number, token = runtimes.finance): Promise<string[]> {
    const events = Array.from({ length: count }, () => deadLetter(automation, { source: { kind: 'sdk', queue: `${automation}.failed` } }));
    expect((await ingest(t.api, token, events)).body.accepted).toBe(count);
    const rows = await t.db.query<{ id: string }>(`SELECT id::text AS id FROM dead_letter WHERE message_id = ANY($1) ORDER BY id`, [
      events.map((e) => (e as { messageId: string }).messageId),
    ]);
    return rows.map((r) => r.id);
  }

  async function start(persona: Persona, ids: string[]): Promise<Request> {
    const result = await as<{ startReprocess: Request }>(persona, START, {
      input: { action: 'reprocess', velocity: 1000, reason: 'NetSuite is back after the outage', selection: { ids } },
    });
    expect(result.errors).toBeUndefined();
    return result.data?.startReprocess as Request;
  }

  async function request(id: string): Promise<Request> {
    return (await as<{ reprocessRequest: Request }>('ada', GET, { id })).data?.reprocessRequest as Request;
  }

  async function trail(kind: string, id: string): Promise<{ action: string; actor_id: string; reason: string | null }[]> {
    return t.db.query(`SELECT action, actor_id, reason FROM audit_entry WHERE target_kind = $1 AND target_id = $2 ORDER BY id`, [kind, id]);
  }

  async function inbox(persona: Persona): Promise<Inbox> {
    const result = await as<{ approvals: Inbox }>(persona, INBOX);
    expect(result.errors).toBeUndefined();
    return result.data?.approvals as Inbox;
  }

  /** Signs in a local account made for one test (role and teams the personas do not cover). */
  async function account(username: string, role: 'operator' | 'owner' | 'admin', teams: string[]): Promise<string> {
    const password = 'correct horse battery staple';
    await t.api.app.get(AccountsService).add({ username, name: `${username[0]?.toUpperCase() ?? ''}${username.slice(1)} Account`, role, teams, password });
    const signedIn = await fetch(`${t.api.url}/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    return (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  }

  /** The dead letters' statuses as the api reads them (the stored status keeps only outcomes; "in a request" comes from the ledger). */
  async function statuses(ids: string[]): Promise<string[]> {
    const rows = await t.db.query<{ status: string }>(`SELECT DISTINCT ${DEAD_LETTER_STATUS} AS status FROM dead_letter d WHERE d.id = ANY($1::bigint[])`, [ids]);
    return rows.map((r) => r.status);
  }

  beforeAll(async () => {
    await t.api.app.get(CatalogService).apply(path.join(t.api.config.repositoryRoot, 'catalog'), t.api.config.repositoryRoot);
    for (const persona of ['ada', 'omar', 'olga', 'otto', 'oscar', 'vera'] as const) {
      cookies[persona] = await t.api.signIn(persona);
    }
    const registered = await as('omar', `mutation($input: AutomationInput!) { registerAutomation(input: $input) { slug } }`, {
      input: automationInput({ slug: PLAIN, riskDomains: [] }),
    });
    expect(registered.errors).toBeUndefined();
    runtimes.finance = (await createToken(t.api, cookies.omar, { team: 'finance-ops', capabilities: ['ingest', 'dead_letters', 'commands'] })).secret;
    runtimes.support = (await createToken(t.api, cookies.ada, { team: 'support-engineering', capabilities: ['ingest', 'dead_letters'] })).secret;
  });

  return { t, cookies, runtimes, as, seed, start, request, trail, inbox, account, statuses };
}

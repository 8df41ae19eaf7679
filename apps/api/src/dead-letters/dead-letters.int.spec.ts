import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApi } from '../../test/harness.js';
import { attempt, createToken, deadLetter, ingest } from '../../test/telemetry.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { DeadLettersService } from './dead-letters.service.js';

interface ListResult {
  deadLetters: {
    edges: { cursor: string; node: { id: string; messageId: string; deliveries: number; status: string; errorClass: string; lastFailedAt: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

const LIST = `query List($filter: DeadLetterFilter, $first: Int, $after: String) {
  deadLetters(filter: $filter, first: $first, after: $after) { edges { cursor node { id messageId deliveries status errorClass lastFailedAt } } pageInfo { hasNextPage endCursor } }
}`;

describe(DeadLettersService.name, () => {
  const t = useTestApi();
  let owner: string;
  let token: string;

  beforeAll(async () => {
    await t.api.app.get(CatalogService).apply(path.join(t.api.config.repositoryRoot, 'catalog'), t.api.config.repositoryRoot);
    owner = await t.api.signIn('omar');
    token = (await createToken(t.api, owner, { team: 'finance-ops' })).secret;
  });

  it('keeps a redelivered message as one dead letter, seen again', async () => {
    const first = deadLetter('payout-reconciliation', { messageId: 'amqp-msg-1' });
    const again = deadLetter('payout-reconciliation', { messageId: 'amqp-msg-1', attempts: 6 });
    expect((await ingest(t.api, token, [first])).body.accepted).toBe(1);
    expect((await ingest(t.api, token, [again])).body.accepted).toBe(1);
    const list = await t.api.graphql<ListResult>(LIST, { filter: { automation: 'payout-reconciliation' } }, owner);
    const matching = list.data?.deadLetters.edges.filter((e) => e.node.messageId === 'amqp-msg-1');
    expect(matching?.map((e) => e.node)).toEqual([expect.objectContaining({ deliveries: 2, status: 'pending' })]);
  });

  it('groups by fingerprint: the same failure on other records is one group, with a trend', async () => {
    await ingest(t.api, token, [
      deadLetter('invoice-generation', { source: { kind: 'rabbitmq', queue: 'invoices.generate.dlq' }, errorMessage: 'customer 4711 has no billing address' }),
      deadLetter('invoice-generation', { source: { kind: 'rabbitmq', queue: 'invoices.generate.dlq' }, errorMessage: 'customer 815 has no billing address' }),
      deadLetter('invoice-generation', {
        source: { kind: 'rabbitmq', queue: 'invoices.generate.dlq' },
        errorClass: 'TimeoutError',
        errorMessage: 'NetSuite did not answer within 30 s',
      }),
    ]);
    const result = await t.api.graphql<{ deadLetterGroups: { errorClass: string; normalizedMessage: string; total: number; pending: number; trend: number[] }[] }>(
      '{ deadLetterGroups(automation: "invoice-generation") { errorClass normalizedMessage total pending trend } }',
      {},
      owner,
    );
    const groups = result.data?.deadLetterGroups ?? [];
    expect(groups.map((g) => [g.errorClass, g.normalizedMessage, g.total, g.pending])).toEqual([
      ['ValidationError', 'customer <n> has no billing address', 2, 2],
      ['TimeoutError', 'NetSuite did not answer within <n> s', 1, 1],
    ]);
    expect(groups[0]?.trend).toHaveLength(24);
    expect(groups[0]?.trend.reduce((a, b) => a + b, 0)).toBe(2);
  });

  it('filters by text in the error and pages with keys, newest failure first, each once', async () => {
    const base = Date.now() - 3_600_000;
    await ingest(
      t.api,
      token,
      Array.from({ length: 7 }, (_, i) =>
        deadLetter('dunning-reminders', {
          source: { kind: 'bullmq', queue: 'dunning' },
          occurredAt: new Date(base + i * 60_000).toISOString(),
          errorClass: 'PostmarkError',
          errorMessage: `mailbox full for reminder ${i}`,
        }),
      ),
    );
    const seen: string[] = [];
    const times: number[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i += 1) {
      const page: Awaited<ReturnType<typeof t.api.graphql<ListResult>>> = await t.api.graphql<ListResult>(
        LIST,
        { filter: { search: 'mailbox', automation: 'dunning-reminders' }, first: 3, after },
        owner,
      );
      seen.push(...(page.data?.deadLetters.edges.map((e) => e.node.id) ?? []));
      times.push(...(page.data?.deadLetters.edges.map((e) => Date.parse(e.node.lastFailedAt)) ?? []));
      if (page.data?.deadLetters.pageInfo.hasNextPage !== true) {
        break;
      }
      after = page.data.deadLetters.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('pages without losing dead letters that failed within the same millisecond', async () => {
    // Yesterday, within the window ingest takes.
    const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const micro = (n: number) => `${day}T08:00:00.000${String(n * 37).padStart(3, '0')}Z`;
    await ingest(
      t.api,
      token,
      Array.from({ length: 9 }, (_, i) => deadLetter('payout-reconciliation', { source: { kind: 'sdk', queue: 'same-ms' }, occurredAt: micro(i + 1) })),
    );
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i += 1) {
      const page: Awaited<ReturnType<typeof t.api.graphql<ListResult>>> = await t.api.graphql<ListResult>(
        LIST,
        { filter: { to: `${day}T08:00:00.001Z`, from: `${day}T08:00:00Z` }, first: 2, after },
        owner,
      );
      seen.push(...(page.data?.deadLetters.edges.map((e) => e.node.id) ?? []));
      if (page.data?.deadLetters.pageInfo.hasNextPage !== true) {
        break;
      }
      after = page.data.deadLetters.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(9);
  });

  it('masks the fields the automation marks sensitive for viewers, not for operators', async () => {
    await ingest(t.api, token, [deadLetter('payout-reconciliation', { messageId: 'masked-1' })]);
    const list = await t.api.graphql<ListResult>(LIST, { filter: { automation: 'payout-reconciliation', search: 'closed' } }, owner);
    const id = list.data?.deadLetters.edges.find((e) => e.node.messageId === 'masked-1')?.node.id;
    const query = `query One($id: ID!) { deadLetter(id: $id) { payload payloadMasked headers } }`;
    const asViewer = await t.api.graphql<{ deadLetter: { payload: string; payloadMasked: boolean } }>(query, { id }, await t.api.signIn('vera'));
    expect(asViewer.data?.deadLetter.payloadMasked).toBe(true);
    expect(JSON.parse(asViewer.data?.deadLetter.payload ?? '{}')).toMatchObject({ payoutId: 'po_4711', iban: '••••' });
    const asOperator = await t.api.graphql<{ deadLetter: { payload: string; payloadMasked: boolean; headers: string } }>(query, { id }, await t.api.signIn('otto'));
    expect(asOperator.data?.deadLetter.payloadMasked).toBe(false);
    expect(JSON.parse(asOperator.data?.deadLetter.payload ?? '{}')).toMatchObject({ iban: 'DE89370400440532013000' });
    expect(JSON.parse(asOperator.data?.deadLetter.headers ?? '{}')).toEqual({ 'x-death': 'count=5;reason=rejected;queue=payouts.reconcile' });
    const missing = await t.api.graphql(query, { id: '999999999' }, owner);
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('shows payloads in full only to operators and owners of the automation’s team, and admins', async () => {
    const admin = await t.api.signIn('ada');
    const revenueToken = (await createToken(t.api, admin, { team: 'revenue-ops' })).secret;
    await ingest(t.api, revenueToken, [deadLetter('crm-enrichment', { messageId: 'lead-77', payload: { leadId: 'lead-77', email: 'jo@example.com', phone: '+49 30 1234567' } })]);
    const list = await t.api.graphql<ListResult>(LIST, { filter: { automation: 'crm-enrichment' } }, admin);
    const id = list.data?.deadLetters.edges.find((e) => e.node.messageId === 'lead-77')?.node.id;
    const query = `query One($id: ID!) { deadLetter(id: $id) { payload payloadMasked } }`;
    const payloadAs = async (persona: 'ada' | 'otto' | 'omar') =>
      (await t.api.graphql<{ deadLetter: { payload: string; payloadMasked: boolean } }>(query, { id }, await t.api.signIn(persona))).data?.deadLetter;
    // Otto is on call for finance-ops, Omar owns finance-ops: crm-enrichment belongs to revenue-ops.
    for (const persona of ['otto', 'omar'] as const) {
      const seen = await payloadAs(persona);
      expect(seen?.payloadMasked).toBe(true);
      expect(JSON.parse(seen?.payload ?? '{}')).toEqual({ leadId: 'lead-77', email: '••••', phone: '••••' });
    }
    expect(JSON.parse((await payloadAs('ada'))?.payload ?? '{}')).toEqual({ leadId: 'lead-77', email: 'jo@example.com', phone: '+49 30 1234567' });
  });

  it('masks credential headers and sensitive fields in any case, at any depth and inside JSON strings for viewers and other teams, in the list and the detail', async () => {
    const admin = await t.api.signIn('ada');
    const revenueToken = (await createToken(t.api, admin, { team: 'revenue-ops' })).secret;
    const headers = {
      Authorization: 'Bearer rh-upstream-abcdef123456',
      Cookie: 'sid=s3cr3t',
      'X-Api-Key': 'k-42',
      'x-hub-signature-256': 'sha256=9f86d0',
      'content-type': 'application/json',
      'x-death': '[{"count":1,"queue":"leads"}]',
    };
    const payload = JSON.stringify({ lead: { Email: 'jo@example.com', company: 'Acme' }, contacts: [{ PHONE: '+49 30 1234567' }], note: 'callback?token=abc123' });
    await ingest(t.api, revenueToken, [deadLetter('crm-enrichment', { messageId: 'lead-88', payload, headers })]);
    const query = `query One($id: ID!) { deadLetter(id: $id) { payload payloadMasked headers } }`;
    const listQuery = `query List($filter: DeadLetterFilter) { deadLetters(filter: $filter) { edges { node { id messageId payload headers } } } }`;
    const listed = await t.api.graphql<{ deadLetters: { edges: { node: { id: string; messageId: string; payload: string; headers: string } }[] } }>(
      listQuery,
      { filter: { automation: 'crm-enrichment' } },
      admin,
    );
    const id = listed.data?.deadLetters.edges.find((e) => e.node.messageId === 'lead-88')?.node.id;
    const maskedHeaders = {
      Authorization: '••••',
      Cookie: '••••',
      'X-Api-Key': '••••',
      'x-hub-signature-256': '••••',
      'content-type': 'application/json',
      'x-death': '[{"count":1,"queue":"leads"}]',
    };
    const maskedPayload = { lead: { Email: '••••', company: 'Acme' }, contacts: [{ PHONE: '••••' }], note: 'callback?token=••••' };

    // Vera (a viewer), and Otto and Omar (finance-ops; crm-enrichment belongs to revenue-ops).
    for (const persona of ['vera', 'otto', 'omar'] as const) {
      const cookie = await t.api.signIn(persona);
      const one = (await t.api.graphql<{ deadLetter: { payload: string; payloadMasked: boolean; headers: string } }>(query, { id }, cookie)).data?.deadLetter;
      expect(one?.payloadMasked, persona).toBe(true);
      expect(JSON.parse(one?.headers ?? '{}'), persona).toEqual(maskedHeaders);
      expect(JSON.parse(JSON.parse(one?.payload ?? '""') as string), persona).toEqual(maskedPayload);
      const row = (
        await t.api.graphql<{ deadLetters: { edges: { node: { id: string; payload: string; headers: string } }[] } }>(
          listQuery,
          { filter: { automation: 'crm-enrichment' } },
          cookie,
        )
      ).data?.deadLetters.edges.find((e) => e.node.id === id)?.node;
      expect(JSON.parse(row?.headers ?? '{}'), persona).toEqual(maskedHeaders);
      expect(row?.payload, persona).toBe(one?.payload);
    }
    // Those who may read payloads read everything as it came; what is stored is unchanged.
    const full = (await t.api.graphql<{ deadLetter: { payload: string; payloadMasked: boolean; headers: string } }>(query, { id }, admin)).data?.deadLetter;
    expect(full?.payloadMasked).toBe(false);
    expect(JSON.parse(full?.headers ?? '{}')).toEqual(headers);
    expect(JSON.parse(full?.payload ?? '""')).toBe(payload);
    const [stored] = await t.db.query<{ body: Buffer; content_type: string; headers: unknown }>(`SELECT body, content_type, headers FROM dead_letter WHERE id = $1`, [id]);
    expect(stored).toEqual({ body: Buffer.from(JSON.stringify(payload)), content_type: 'application/json', headers });
  });
  it('masks credentials and sensitive values in error messages for those who may not read payloads: dead letters, their groups and runs', async () => {
    const message =
      'PSP refused POST https://psp.example/v1/payouts?api_key=sk_live_51HxQ9zz&mode=live (Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl; iban=DE89370400440532013000): 401';
    const secrets = ['sk_live_51HxQ9zz', 'eyJhbGciOiJIUzI1NiJ9', 'DE89370400440532013000'];
    const correlationId = 'payout-po-9001';
    const [started, failed] = attempt('payout-reconciliation', { end: 'dead_lettered', correlationId });
    await ingest(t.api, token, [
      deadLetter('payout-reconciliation', { messageId: 'leaky-error', errorClass: 'PspAuthError', errorMessage: message }),
      started!,
      { ...failed!, errorClass: 'PspAuthError', errorMessage: message },
    ]);
    const list = await t.api.graphql<ListResult>(LIST, { filter: { automation: 'payout-reconciliation' } }, owner);
    const id = list.data?.deadLetters.edges.find((e) => e.node.messageId === 'leaky-error')?.node.id;
    const read = async (persona: 'vera' | 'otto' | 'ada') => {
      const cookie = await t.api.signIn(persona);
      const one = await t.api.graphql<{ deadLetter: { errorMessage: string } }>(`query($id: ID!) { deadLetter(id: $id) { errorMessage } }`, { id }, cookie);
      const groups = await t.api.graphql<{ deadLetterGroups: { errorClass: string; sampleMessage: string; normalizedMessage: string }[] }>(
        '{ deadLetterGroups(automation: "payout-reconciliation") { errorClass sampleMessage normalizedMessage } }',
        {},
        cookie,
      );
      const trail = await t.api.graphql<{ trail: { errorMessage: string | null }[] }>(
        `query($c: String!) { trail(correlationId: $c) { errorMessage } }`,
        { c: correlationId },
        cookie,
      );
      const runs = await t.api.graphql<{ runs: { edges: { node: { errorMessage: string | null } }[] } }>(
        `query($c: String!) { runs(filter: { correlationId: $c }) { edges { node { errorMessage } } } }`,
        { c: correlationId },
        cookie,
      );
      const group = groups.data?.deadLetterGroups.find((g) => g.errorClass === 'PspAuthError');
      return [
        one.data?.deadLetter.errorMessage,
        group?.sampleMessage,
        group?.normalizedMessage,
        trail.data?.trail.find((r) => r.errorMessage !== null)?.errorMessage,
        runs.data?.runs.edges.find((e) => e.node.errorMessage !== null)?.node.errorMessage,
      ];
    };

    // Vera (a viewer) reads what failed, without the credentials and the IBAN the automation marks sensitive.
    const masked = await read('vera');
    expect(masked).toHaveLength(5);
    for (const text of masked) {
      // (the group's normalized message writes the URL as <url>)
      expect(text).toMatch(/^PSP refused POST (https:\/\/psp\.example\/v1\/payouts\?api_key=••••&mode=live|<url>) \(Authorization: ••••/);
      for (const secret of secrets) {
        expect(text).not.toContain(secret);
      }
    }
    // Otto, on call for finance-ops, and admins read it as it came.
    for (const persona of ['otto', 'ada'] as const) {
      const [one, sample, , trail, run] = await read(persona);
      expect([one, sample, trail, run], persona).toEqual([message, message, message, message]);
    }
  });
});

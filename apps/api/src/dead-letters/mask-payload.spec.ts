import { describe, expect, it } from 'vitest';
import { isCredentialName, MASK, maskHeaders, maskPayload } from './mask-payload.js';

describe(maskPayload.name, () => {
  const payload = { payoutId: 'po_1', beneficiary: { name: 'Acme', iban: 'DE89370400440532013000' }, lines: [{ iban: 'FR14', amount: 10 }, { amount: 5 }] };

  it('masks the fields the automation marks sensitive, in objects and lists', () => {
    const { payload: masked, masked: changed } = maskPayload(payload, ['beneficiary.iban', 'lines.*.iban']);
    expect(masked).toEqual({ payoutId: 'po_1', beneficiary: { name: 'Acme', iban: MASK }, lines: [{ iban: MASK, amount: 10 }, { amount: 5 }] });
    expect(changed).toBe(true);
  });

  it('leaves payloads without those fields alone and says nothing was masked', () => {
    expect(maskPayload(payload, ['customer.email'])).toEqual({ payload, masked: false });
    expect(maskPayload('plain text body', ['customer.email'])).toEqual({ payload: 'plain text body', masked: false });
    expect(maskPayload('{"customer":{"name":"Jo"}}', ['customer.email'])).toEqual({ payload: '{"customer":{"name":"Jo"}}', masked: false });
  });

  it('matches names in any case and a bare name at any depth: card masks Card, nested.card and cards in lists', () => {
    const card = { Card: '4111 1111 1111 1111', nested: { card: '5500 0000 0000 0004', CARD: { number: '3400' } }, orders: [{ card: '6011' }, { note: 'no card' }] };
    expect(maskPayload(card, ['card']).payload).toEqual({ Card: MASK, nested: { card: MASK, CARD: MASK }, orders: [{ card: MASK }, { note: 'no card' }] });
  });

  it('matches a dotted path wherever it starts, walking through lists, and * as one key or item', () => {
    const order = {
      customer: { email: 'a@x' },
      order: { customer: { email: 'b@x', name: 'B' } },
      customers: { email: 'c@x' },
      buyer: { customer: [{ email: 'd@x' }] },
      email: 'e@x',
    };
    expect(maskPayload(order, ['customer.email']).payload).toEqual({
      customer: { email: MASK },
      order: { customer: { email: MASK, name: 'B' } },
      customers: { email: 'c@x' },
      buyer: { customer: [{ email: MASK }] },
      email: 'e@x',
    });
    expect(maskPayload({ a: { card: 1 }, card: 2, l: [{ card: 3 }] }, ['a.*']).payload).toEqual({ a: { card: MASK }, card: 2, l: [{ card: 3 }] });
  });

  it('masks inside a payload sent as a JSON string, writing it back compact, and inside JSON strings within fields', () => {
    const sent = JSON.stringify({ card: '4111', amount: 10 }, null, 2);
    expect(maskPayload(sent, ['card'])).toEqual({ payload: '{"card":"••••","amount":10}', masked: true });
    const envelope = { Type: 'Notification', Message: JSON.stringify({ customer: { Email: 'jo@example.com' } }) };
    expect(maskPayload(envelope, ['customer.email']).payload).toEqual({ Type: 'Notification', Message: '{"customer":{"Email":"••••"}}' });
    // A JSON string inside a JSON string inside a JSON string.
    const deep = JSON.stringify({ body: JSON.stringify({ iban: 'DE89' }) });
    const outer = JSON.parse(maskPayload(deep, ['iban']).payload as string) as { body: string };
    expect(JSON.parse(outer.body)).toEqual({ iban: MASK });
  });

  it('masks credentials whatever the automation lists: credential fields, and in text the values of name=value pairs, bearer tokens and JWTs', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZGEifQ.c2lnbmF0dXJl';
    expect(maskPayload({ user: 'ada', password: 'hunter2', apiKey: 'k-123', nested: { access_token: 'x', tokenCount: 3 } }, []).payload).toEqual({
      user: 'ada',
      password: MASK,
      apiKey: MASK,
      nested: { access_token: MASK, tokenCount: MASK },
    });
    expect(maskPayload('grant_type=password&username=ada&password=hunter2&client_secret=s3cr3t', []).payload).toBe(
      `grant_type=password&username=ada&password=${MASK}&client_secret=${MASK}`,
    );
    expect(maskPayload(`GET /x?token=abc123&page=2 Authorization: Bearer abcdef123456 jwt=${jwt}`, []).payload).toBe(
      `GET /x?token=${MASK}&page=2 Authorization: ${MASK} ${MASK} jwt=${MASK}`,
    );
    expect(maskPayload({ log: `sent ${jwt} to netsuite` }, []).payload).toEqual({ log: `sent ${MASK} to netsuite` });
    // A text body is scanned for the sensitive names too: a form post or a log line.
    expect(maskPayload('name=Jo&Card=4111111111111111&amount=10', ['card']).payload).toBe(`name=Jo&Card=${MASK}&amount=10`);
    expect(maskPayload('customer said: "card": "4111 1111 1111 1111" and left', ['payment.card']).payload).toBe(`customer said: "card": "${MASK}" and left`);
  });

  it('takes hostile text in linear time: long runs, unclosed quotes, endless names', () => {
    for (const text of ['a'.repeat(200_000), 'a.'.repeat(100_000), 'password:"'.repeat(20_000), 'eyJ-'.repeat(50_000), `${'x'.repeat(150)}password=1`]) {
      expect(typeof maskPayload(text, ['card']).payload).toBe('string');
    }
  });
});

describe(maskHeaders.name, () => {
  it('masks headers whose names carry credentials, in any case, and credentials inside other values', () => {
    const headers = {
      Authorization: 'Bearer abc.def.ghi',
      'proxy-authorization': 'Basic YWRhOmFkYQ==',
      Cookie: 'session=1',
      'Set-Cookie': 'sid=2; HttpOnly',
      'X-API-Key': 'k',
      apikey: 'k',
      'x-amz-security-token': 't',
      'X-Hub-Signature-256': 'sha256=…',
      'x-client-secret': 's',
      'x-death': '[{"count":1,"queue":"invoices"}]',
      'x-forwarded-uri': '/callback?code=1&access_token=abc',
      'content-type': 'application/json',
      'idempotency-key': 'po_1',
    };
    const { headers: masked, masked: changed } = maskHeaders(headers, []);
    expect(masked).toEqual({
      Authorization: MASK,
      'proxy-authorization': MASK,
      Cookie: MASK,
      'Set-Cookie': MASK,
      'X-API-Key': MASK,
      apikey: MASK,
      'x-amz-security-token': MASK,
      'X-Hub-Signature-256': MASK,
      'x-client-secret': MASK,
      'x-death': '[{"count":1,"queue":"invoices"}]',
      'x-forwarded-uri': `/callback?code=1&access_token=${MASK}`,
      'content-type': 'application/json',
      'idempotency-key': 'po_1',
    });
    expect(changed).toBe(true);
    expect(maskHeaders({ 'x-death': '[]' }, [])).toEqual({ headers: { 'x-death': '[]' }, masked: false });
  });
});

describe(isCredentialName.name, () => {
  it('knows the names credentials travel under, and leaves ordinary names alone', () => {
    for (const name of [
      'authorization',
      'Proxy-Authorization',
      'cookie',
      'set-cookie',
      'x-api-key',
      'api-key',
      'apikey',
      'APIKey',
      'X-Auth-Token',
      'x_csrf_token',
      'sessionid',
      'JSESSIONID',
      'client_secret',
      'Stripe-Signature',
      'sig',
      'pwd',
      'passwd',
      'Ocp-Apim-Subscription-Key',
      'aws_access_key_id',
      'privateKey',
      'credentials',
    ]) {
      expect(isCredentialName(name), name).toBe(true);
    }
    for (const name of [
      'content-type',
      'x-death',
      'idempotency-key',
      'x-routing-key',
      'author',
      'correlationId',
      'x-roundhouse-reprocess-id',
      'card',
      'email',
      'bullmq-job-name',
    ]) {
      expect(isCredentialName(name), name).toBe(false);
    }
  });
});

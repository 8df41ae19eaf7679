import { randomUUID } from 'node:crypto';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { CatalogService } from '../../src/catalog/catalog.service.js';
import { isStorable } from '../../src/ingest/storable-json.js';
import { useTestApi } from '../harness.js';
import { createToken, deadLetter, ingest } from '../telemetry.js';
import { headerText, RUNS, UNLIMITED } from './fuzz.js';

/** payout-reconciliation marks `iban` and `beneficiary.iban` sensitive (catalog/). */
const AUTOMATION = 'payout-reconciliation';

/** Names credentials travel under, as runtimes and brokers spell them. */
const CREDENTIAL_HEADERS = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'api-key',
  'apikey',
  'x-auth-token',
  'x-amz-security-token',
  'x-hub-signature-256',
  'stripe-signature',
  'x-session-id',
  'x-client-secret',
  'x-password',
  'x-credentials',
  'x-csrf-token',
];

/** A name in any case: AUTHORIZATION, Authorization, aUtHoRiZaTiOn. */
const anyCase = (name: string) =>
  fc.array(fc.boolean(), { minLength: name.length, maxLength: name.length }).map((upper) =>
    name
      .split('')
      .map((c, i) => (upper[i] === true ? c.toUpperCase() : c))
      .join(''),
  );

/** A secret that must never reach a masked reader: unique, so finding it anywhere in the view is a leak. */
const secret = () => `S3CR3T-${randomUUID()}`;

/** Puts `key: value` at the end of a random walk into `json` (always an object there). */
function inject(json: unknown, choices: readonly number[], key: string, value: string): unknown {
  const [choice, ...rest] = choices;
  if (choice !== undefined && Array.isArray(json) && json.length > 0) {
    const index = choice % json.length;
    return (json as unknown[]).map((item, i) => (i === index ? inject(item, rest, key, value) : item));
  }
  if (json !== null && typeof json === 'object' && !Array.isArray(json)) {
    const keys = Object.keys(json);
    const at = choice === undefined || keys.length === 0 ? undefined : keys[choice % keys.length];
    if (at !== undefined && rest.length > 0) {
      return { ...json, [at]: inject((json as Record<string, unknown>)[at], rest, key, value) };
    }
    return { ...json, [key]: value };
  }
  return { value: json, [key]: value };
}

describe('dead-letter masking under fuzzing', () => {
  const t = useTestApi(UNLIMITED);
  let token: string;
  let viewer: string;
  let admin: string;

  beforeAll(async () => {
    await t.api.app.get(CatalogService).apply(path.join(t.api.config.repositoryRoot, 'catalog'), t.api.config.repositoryRoot);
    admin = await t.api.signIn('ada');
    viewer = await t.api.signIn('vera');
    token = (await createToken(t.api, admin, { team: 'finance-ops' })).secret;
  });

  /** The dead letter with this message id, as the viewer and as an admin read it. */
  async function views(messageId: string): Promise<{ masked: string; full: string }> {
    const [row] = await t.db.query<{ id: string }>(`SELECT id::text AS id FROM dead_letter WHERE message_id = $1`, [messageId]);
    const query = `query One($id: ID!) { deadLetter(id: $id) { payload headers payloadMasked } }`;
    const masked = await t.api.graphql(query, { id: row?.id }, viewer);
    const full = await t.api.graphql(query, { id: row?.id }, admin);
    expect(masked.errors).toBeUndefined();
    return { masked: JSON.stringify(masked.data), full: JSON.stringify(full.data) };
  }

  it('never shows a viewer a credential header, a credential in another header, or a sensitive field in any case, depth or JSON string', async () => {
    const credentialHeader = fc.constantFrom(...CREDENTIAL_HEADERS).chain(anyCase);
    const sensitiveKey = fc.constantFrom('iban', 'password', 'apiKey', 'access_token').chain(anyCase);
    const embedded = fc.constantFrom(
      (s: string) => `Bearer ${s}`,
      (s: string) => `token=${s}`,
      (s: string) => `callback?code=1&access_token=${s}`,
      (s: string) => `{"Password":"${s}"}`,
    );
    const otherHeader = fc.tuple(headerText, embedded).map(([prefix, embed]) => ({ prefix, embed }));
    const payload = fc.tuple(fc.jsonValue({ maxDepth: 4 }), fc.array(fc.nat(), { maxLength: 4 }), sensitiveKey, fc.boolean());
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(credentialHeader, { maxLength: 4, selector: (n) => n.toLowerCase() }),
        fc.option(otherHeader),
        payload,
        async (names, other, [json, choices, key, asString]) => {
          fc.pre(isStorable(json));
          const secrets: string[] = [];
          const headers: Record<string, string> = { 'content-type': 'application/json' };
          for (const name of names) {
            const value = secret();
            secrets.push(value);
            headers[name] = value;
          }
          if (other !== null) {
            const value = secret();
            secrets.push(value);
            headers['x-forwarded-detail'] = `${other.prefix} ${other.embed(value)}`;
          }
          const hidden = secret();
          secrets.push(hidden);
          const body = inject(json, choices, key, hidden);
          const messageId = randomUUID();
          const sent = await ingest(t.api, token, [deadLetter(AUTOMATION, { messageId, headers, payload: asString ? JSON.stringify(body) : body })]);
          expect(sent.status, JSON.stringify(sent.body)).toBe(200);
          expect(sent.body.accepted, JSON.stringify(sent.body.results)).toBe(1);

          const { masked, full } = await views(messageId);
          for (const value of secrets) {
            expect(masked, `${value} leaked to a viewer`).not.toContain(value);
            expect(full, 'an admin reads everything as it came').toContain(value);
          }
          const shown = JSON.parse(masked) as { deadLetter: { headers: string; payloadMasked: boolean } };
          const shownHeaders = JSON.parse(shown.deadLetter.headers) as Record<string, string>;
          names.forEach((name) => expect(shownHeaders[name]).toBe('••••'));
          expect(shownHeaders['content-type']).toBe('application/json');
          expect(shown.deadLetter.payloadMasked).toBe(true);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

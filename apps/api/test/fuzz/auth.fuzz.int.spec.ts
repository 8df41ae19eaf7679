import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useTestApi } from '../harness.js';
import { expectAlive, expectRefusal, headerText, oddJson, oddText, RUNS, send, UNLIMITED, withProtoKey } from './fuzz.js';

/** Bodies that sign no one in: garbage, other JSON, near-misses of the right shape. */
const BODY = fc.oneof(
  fc.string(),
  fc.json().chain((json) => fc.nat({ max: json.length }).map((cut) => json.slice(0, cut))),
  oddJson.map((value) => JSON.stringify(value) ?? 'null'),
  fc.record({ persona: oddJson, username: oddJson, password: oddJson }, { requiredKeys: [] }).map((value) => JSON.stringify(value)),
  fc.record({ persona: oddText.filter((s) => !['ada', 'omar', 'olga', 'otto', 'oscar', 'vera'].includes(s)) }).map((value) => JSON.stringify(value)),
  fc.constantFrom('ada', 'omar', 'vera').map((persona) => withProtoKey('{}', { persona, username: persona, password: persona })),
  fc.constantFrom(
    '{"persona":"constructor"}',
    '{"persona":"__proto__"}',
    '{"persona":"toString"}',
    '{"username":"ada","password":{"$ne":""}}',
    '{"username":["ada"],"password":"x"}',
  ),
);

const CONTENT_TYPE = fc.oneof(
  fc.constant('application/json'),
  fc.constant('application/json'),
  fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=utf-16'),
  headerText,
);

describe('sign-in under fuzzing', () => {
  const t = useTestApi(UNLIMITED);

  for (const route of ['/auth/dev-sign-in', '/auth/sign-in']) {
    it(`${route} answers garbage with a 4xx and a sentence, and never a session cookie`, async () => {
      const own = Object.getOwnPropertyNames(Object.prototype).sort();
      await fc.assert(
        fc.asyncProperty(BODY, CONTENT_TYPE, async (body, contentType) => {
          const answer = await send(t.api, route, { method: 'POST', headers: { 'content-type': contentType }, body });
          expectRefusal(answer);
          expect(answer.headers.get('set-cookie')).toBeNull();
        }),
        { numRuns: RUNS },
      );
      expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(own);
      await expectAlive(t.api);
    });
  }
});

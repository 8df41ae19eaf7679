import { describe, expect, it } from 'vitest';
import { useTestApi } from './harness.js';

describe('GraphQL operation limits, over HTTP', () => {
  const t = useTestApi();

  async function post(query: string, cookie: string): Promise<{ status: number; body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] } }> {
    const response = await fetch(`${t.api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': await t.api.csrfToken(cookie) },
      body: JSON.stringify({ query }),
    });
    return { status: response.status, body: (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] } };
  }

  it('refuses an operation that asks for too much with a 400 that says by how much, and answers a normal one', async () => {
    const cookie = await t.api.signIn('vera');
    // Three dashboards (5,002 each), three health charts, KPIs and SLOs (1,002 each): 20,016.
    const dashboards = ['a', 'b', 'c'].map((alias) => `${alias}: dashboard(name: "${alias}") { __typename }`).join(' ');
    const health = ['h1', 'h2', 'h3'].map((alias) => `${alias}: automationHealth(slug: "x") { __typename }`).join(' ');
    const abusive = await post(`{ ${dashboards} ${health} automationKpis(slug: "x") { __typename } automationSlos(slug: "x") { __typename } }`, cookie);
    expect(abusive.status).toBe(400);
    expect(abusive.body.data).toBeUndefined();
    expect(abusive.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
    expect(abusive.body.errors?.[0]?.message).toBe(
      'This operation would cost 20016 (one per field, more for fields that read much from the database, times "first" for each page); at most 20000 is allowed. Ask for fewer items or fields.',
    );
    const aliases = await post(`{ ${Array.from({ length: 60 }, (_, i) => `a${i}: automations(first: 100) { totalCount }`).join(' ')} }`, cookie);
    expect(aliases.status).toBe(400);
    expect(aliases.body.errors?.[0]?.message).toMatch(/^This operation asks for "automations" 60 times \(each alias counts\); at most 3 are allowed in one operation\./);

    const normal = await post(`{ automations(first: 100) { edges { node { slug title owner { name } } } } }`, cookie);
    expect(normal.status).toBe(200);
    expect(normal.body.errors).toBeUndefined();
  });

  it('refuses, before parsing, a document nested too deep or too long to read, with a 400 and a sentence', async () => {
    const cookie = await t.api.signIn('vera');
    const nested = await post(`{ viewer ${'{ name '.repeat(15_000)}${'}'.repeat(15_000)} }`, cookie);
    expect(nested.status).toBe(400);
    expect(nested.body.errors?.[0]).toMatchObject({
      message: 'This document nests brackets 15001 deep; at most 64 are read (and fields at most 12 deep).',
      extensions: { code: 'QUERY_TOO_DEEP' },
    });
    // A string ending in an escaped backslash ends there: nesting after it cannot hide behind a later quote.
    const hidden = await post(`{ viewer(x: "\\\\") ${'{ name '.repeat(15_000)}${'}'.repeat(15_000)} } # "`, cookie);
    expect(hidden.status).toBe(400);
    expect(hidden.body.errors?.[0]).toMatchObject({
      message: 'This document nests brackets 15001 deep; at most 64 are read (and fields at most 12 deep).',
      extensions: { code: 'QUERY_TOO_DEEP' },
    });
    // Brackets inside strings and comments are text, not nesting.
    const quoted = await post(`# ${'{'.repeat(100)}\n{ automations(filter: { search: "\\"${'['.repeat(100)}\\\\" }) { totalCount } }`, cookie);
    expect(quoted.body.errors).toBeUndefined();
    const long = await post(`{ ${'viewer { name } '.repeat(6_000)} }`, cookie);
    expect(long.status).toBe(400);
    expect(long.body.errors?.[0]?.message).toMatch(/^Syntax Error: Document contains more .* 20000 tokens. Parsing aborted.$/);
  });

  it('judges every request on its own variables, also when the same document was judged before', async () => {
    const cookie = await t.api.signIn('vera');
    const send = async (variables: Record<string, unknown>) => {
      const response = await fetch(`${t.api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': await t.api.csrfToken(cookie) },
        body: JSON.stringify({ query: 'query Page($n: Int!) { automations(first: $n) { edges { node { slug title } } } }', variables }),
      });
      return { status: response.status, body: (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] } };
    };
    const tooCostly = /^This operation would cost \d+ \(one per field, more for fields that read much from the database, times "first" for each page\); at most 20000 is allowed\./;
    // The same text each time, so the same parsed document: a small page, a page too large, each twice and interleaved.
    for (let i = 0; i < 2; i += 1) {
      const small = await send({ n: 10 });
      expect(small.status).toBe(200);
      expect(small.body.errors).toBeUndefined();
      const large = await send({ n: 10_000 });
      expect(large.status).toBe(400);
      expect(large.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
      expect(large.body.errors?.[0]?.message).toMatch(tooCostly);
    }
    // Variables of the wrong type after the same document was costed: graphql-js's error, as the first time.
    const wrongType = await send({ n: 'many' });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers variables of the wrong type with graphql-js’s own error, not a cost refusal', async () => {
    const cookie = await t.api.signIn('vera');
    const send = async (query: string, variables: Record<string, unknown>) => {
      const response = await fetch(`${t.api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': await t.api.csrfToken(cookie) },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] } };
    };
    const wrongType = await send('query Q($n: Int!) { automations(first: $n) { totalCount } }', { n: 'many' });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.errors?.[0]).toMatchObject({
      message: 'Variable "$n" got invalid value "many"; Int cannot represent non-integer value: "many"',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const missing = await send('query Q($slug: String!) { automationSlos(slug: $slug) { name } }', {});
    expect(missing.body.errors?.[0]).toMatchObject({ message: 'Variable "$slug" of required type "String!" was not provided.', extensions: { code: 'BAD_USER_INPUT' } });
    // Outside production, graphql-js's suggestions stay: they help whoever writes a query.
    const typo = await send('query Q($f: AutomationFilter) { automations(filter: $f) { totalCount } }', { f: { serch: 'x' } });
    expect(typo.body.errors?.[0]?.message).toBe('Variable "$f" got invalid value { serch: "x" }; Field "serch" is not defined by type "AutomationFilter". Did you mean "search"?');
  });
});

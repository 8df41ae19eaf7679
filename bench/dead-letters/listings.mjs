// The listings measured, the same page asked two ways (GraphQL through the api, the api's SQL
// straight against PostgreSQL), the last-page cursor built as the api builds it, and the checks
// that both ways return the same rows.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { devSession } from '../common/http-client.mjs';

export const PAGE = 50;

export const DEAD_LETTERS_QUERY = `query($filter: DeadLetterFilter, $first: Int!, $after: String) { deadLetters(filter: $filter, first: $first, after: $after) { edges { cursor node { id automation { slug } errorClass errorMessage lastFailedAt status attempts deliveries correlationId } } pageInfo { hasNextPage endCursor } } }`;

/** The workbench's list: unfiltered, and the filters an on-call engineer uses most; one listing per search. */
export function listings(searches) {
  return [
    { name: 'all', filter: {} },
    { name: 'automation = invoice-generation', filter: { automation: 'invoice-generation' } },
    { name: 'status = pending', filter: { status: 'pending' } },
    ...searches.map((search) => ({ name: `status = pending, search "${search}"`, filter: { status: 'pending', search } })),
  ];
}

/**
 * The pending listings again while an open request holds the newest `held` pending dead letters: they
 * read `reprocessing`, so the first page's ordered walk steps over each of them (a ledger probe apiece).
 */
export function heldListings(searches, held) {
  const label = `newest ${held.toLocaleString('en-US')} held`;
  return [
    { name: `status = pending, ${label}`, filter: { status: 'pending' }, held },
    ...searches.map((search) => ({ name: `status = pending, search "${search}", ${label}`, filter: { status: 'pending', search }, held })),
  ];
}

// ---- the api's SQL, its own ------------------------------------------------------------------------
// The page's text and parameters come from the api's build (apps/api/dist): DeadLettersRepository.page
// and deadLetterConditions, called here with a database that only records what it is sent. A mirror
// kept by hand drifted once (the status filter gained a ledger condition the mirror never had), so the
// baseline and its EXPLAIN were of a statement the api no longer sent.

let apiSql;

/** Loads the api's listing SQL from its build; call once, after the api is built. */
export async function loadApiSql(root) {
  await import('reflect-metadata');
  const load = (path) => import(pathToFileURL(join(root, 'apps/api/dist', path)).href);
  const [{ DeadLettersRepository }, { deadLetterConditions }] = await Promise.all([load('dead-letters/dead-letters.repository.js'), load('dead-letters/dead-letter-query.js')]);
  let sent;
  const recorder = {
    query: async (text, values) => {
      sent = { text, values: [...values] };
      return [];
    },
  };
  const repository = new DeadLettersRepository(recorder);
  apiSql = {
    page: async (filter, limit, after) => {
      sent = undefined;
      await repository.page(filter, limit, after);
      if (sent === undefined) {
        throw new Error("the api's DeadLettersRepository.page sent no statement");
      }
      return sent;
    },
    where: (filter) => {
      const params = [];
      return { terms: deadLetterConditions(filter, params), params };
    },
  };
}

function api() {
  if (apiSql === undefined) {
    throw new Error('loadApiSql(root) was not called');
  }
  return apiSql;
}

/** The api's page query: `limit` rows (it asks for first + 1) after `after` ({ lastFailedAt: ISO text to the microsecond, id: string }). */
export function pageSql(filter, limit, after) {
  return api().page(filter, limit, after);
}

/** The api's dead-letter cursor (dead-letters.service.ts, with encodeCursor of apps/api/src/common/pagination.ts): base64url of JSON [lastFailedAt ISO to the microsecond, id]. */
export function encodeCursor(lastFailedAt, id) {
  return Buffer.from(JSON.stringify([lastFailedAt, id])).toString('base64url');
}

/** How many rows the listing has, and the rows at a position from its end, found with SQL (untimed). */
export async function locate(db, filter) {
  const { terms, params } = api().where(filter);
  const condition = terms.length > 0 ? `WHERE ${terms.join(' AND ')}` : '';
  const [{ count }] = (await db.query(`SELECT count(*)::int AS count FROM dead_letter d JOIN automation a ON a.slug = d.automation_slug ${condition}`, params)).rows;
  // Position N − k in the listing order (newest first, 1-based) is the (k + 1)-th row oldest first.
  const fromEnd = async (k) =>
    (
      await db.query(
        `SELECT to_char(d.last_failed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS last_failed_at, d.id::text AS id FROM dead_letter d JOIN automation a ON a.slug = d.automation_slug ${condition} ORDER BY d.last_failed_at ASC, d.id ASC OFFSET ${k} LIMIT 1`,
        params,
      )
    ).rows[0];
  return { count, lastPageAfter: await fromEnd(PAGE), pageBeforeAfter: await fromEnd(2 * PAGE) };
}

// ---- GraphQL ------------------------------------------------------------------------------------

/** Signs in as a dev persona; returns a client that POSTs the listing over one keep-alive connection. */
export async function graphqlClient(baseUrl, persona) {
  const session = await devSession(baseUrl, persona);
  return {
    /** One page; the clock runs from the request until the whole answer is in (parsing it is not timed). */
    async page(filter, after) {
      const body = Buffer.from(JSON.stringify({ query: DEAD_LETTERS_QUERY, variables: { filter, first: PAGE, after: after ?? null } }));
      const started = performance.now();
      const res = await session.post('/graphql', body);
      const ms = performance.now() - started;
      const parsed = JSON.parse(res.body.toString('utf8'));
      if (res.status !== 200 || parsed.errors !== undefined || parsed.data?.deadLetters === undefined) {
        throw new Error(`deadLetters answered ${res.status}: ${res.body.toString('utf8').slice(0, 2000)}`);
      }
      return { ms, bytes: res.body.length, connection: parsed.data.deadLetters };
    },
    close: session.close,
  };
}

/** One page straight against PostgreSQL: the api's query text and parameters on one connection. */
export async function sqlPage(db, filter, after) {
  const query = await pageSql(filter, PAGE + 1, after);
  const started = performance.now();
  const { rows } = await db.query(query);
  return { ms: performance.now() - started, rows };
}

/** Checks that the api's page is the SQL's page: same ids in the same order, and hasNextPage. */
export function samePage(label, connection, rows) {
  const expected = rows.slice(0, PAGE).map((r) => r.id);
  const got = connection.edges.map((e) => e.node.id);
  const problems = [];
  if (got.length !== expected.length || got.some((id, i) => id !== expected[i])) {
    problems.push(`${label}: the api returned ids ${got.slice(0, 3).join(', ')}… (${got.length}), SQL ${expected.slice(0, 3).join(', ')}… (${expected.length})`);
  }
  if (connection.pageInfo.hasNextPage !== rows.length > PAGE) {
    problems.push(`${label}: hasNextPage ${connection.pageInfo.hasNextPage}, SQL has ${rows.length > PAGE ? 'more' : 'no more'} rows`);
  }
  return problems;
}

/** EXPLAIN (ANALYZE, BUFFERS) of a page's SQL: the text, and a one-line summary from the JSON form. */
export async function explain(db, filter, after) {
  const query = await pageSql(filter, PAGE + 1, after);
  const text = (await db.query({ text: `EXPLAIN (ANALYZE, BUFFERS) ${query.text}`, values: query.values })).rows.map((r) => r['QUERY PLAN']).join('\n');
  const [
    {
      'QUERY PLAN': [plan],
    },
  ] = (await db.query({ text: `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${query.text}`, values: query.values })).rows;
  const scans = [];
  const walk = (node) => {
    if (/Scan$/.test(node['Node Type']) && node['Relation Name'] !== 'automation' && node['Index Name'] !== 'automation_pkey') {
      const on = node['Index Name'] ?? node['Relation Name'] ?? node.Alias;
      const removed = (node['Rows Removed by Filter'] ?? 0) + (node['Rows Removed by Index Recheck'] ?? 0);
      scans.push(`${node['Node Type']} ${on}: ${node['Actual Rows'] * (node['Actual Loops'] ?? 1)} rows${removed > 0 ? `, ${removed} removed by filter` : ''}`);
    }
    if (node['Node Type'] === 'Sort') {
      scans.push(`Sort (${node['Sort Method']})`);
    }
    for (const child of node.Plans ?? []) {
      walk(child);
    }
  };
  walk(plan.Plan);
  const buffers = (plan.Plan['Shared Hit Blocks'] ?? 0) + (plan.Plan['Shared Read Blocks'] ?? 0);
  return { text, executionMs: plan['Execution Time'], planningMs: plan['Planning Time'], summary: `${scans.join('; ')}; ${buffers} buffers` };
}

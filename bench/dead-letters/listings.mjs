// The listings measured, the same page asked two ways (GraphQL through the api, the api's SQL
// straight against PostgreSQL), the last-page cursor built as the api builds it, and the checks
// that both ways return the same rows.
import { performance } from 'node:perf_hooks';
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

// ---- the api's SQL, mirrored ---------------------------------------------------------------------
// apps/api/src/dead-letters/dead-letters.repository.ts (SELECT, page()) and
// apps/api/src/database/search-query.ts (searchQuery). The checks below compare the
// rows both return, so a drift in what they select shows; keep the text in step with the api.

const COLUMNS = `d.id::text AS id, d.automation_slug, a.title AS automation_title, d.source_kind, d.source_queue, d.message_id,
  d.fingerprint, d.error_class, d.error_message, d.attempts, d.deliveries, d.first_failed_at, d.last_failed_at,
  CASE WHEN d.status = 'reprocessing' AND NOT (SELECT true FROM reprocess_item i WHERE i.dead_letter_id = d.id AND i.state IN ('queued', 'dispatched') LIMIT 1) IS NOT NULL THEN 'reprocessed' ELSE d.status END AS status,
  d.correlation_id, d.run_id, d.body, d.content_type, d.content_encoding, d.headers`;

function searchQuery(text) {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length === 0 ? undefined : words.map((word) => `${word}:*`).join(' & ');
}

/** The filter's WHERE terms and parameters, as the repository builds them. */
function where(filter) {
  const terms = [];
  const params = [];
  const add = (sql, value) => {
    params.push(value);
    terms.push(sql.replaceAll('?', `$${params.length}`));
  };
  if (filter.automation !== undefined) {
    add('d.automation_slug = ?', filter.automation);
  }
  if (filter.status !== undefined) {
    // statusCondition() for one stored status other than reprocessing / reprocessed (the listings here use pending).
    add('d.status = ?', filter.status);
  }
  const tsquery = filter.search === undefined ? undefined : searchQuery(filter.search);
  if (tsquery !== undefined) {
    add(`d.search @@ to_tsquery('simple', ?)`, tsquery);
  }
  return { terms, params };
}

/** The api's page query: `limit` rows (it asks for first + 1) after `after` ({ lastFailedAt: ISO text to the microsecond, id: string }). */
export function pageSql(filter, limit, after) {
  const { terms, params } = where(filter);
  if (after !== undefined) {
    params.push(after.lastFailedAt, after.id);
    terms.push(`(d.last_failed_at, d.id) < ($${params.length - 1}::timestamptz, $${params.length}::bigint)`);
  }
  params.push(limit);
  // The page's ids through the narrow index first, then their rows by primary key.
  const text = `WITH page AS (SELECT d.id, d.last_failed_at FROM dead_letter d ${terms.length > 0 ? `WHERE ${terms.join(' AND ')}` : ''} ORDER BY d.last_failed_at DESC, d.id DESC LIMIT $${params.length})
    SELECT ${COLUMNS} FROM page p JOIN dead_letter d ON d.id = p.id JOIN automation a ON a.slug = d.automation_slug ORDER BY p.last_failed_at DESC, p.id DESC`;
  return { text, values: params };
}

/** The api's dead-letter cursor (dead-letters.service.ts, with encodeCursor of apps/api/src/common/pagination.ts): base64url of JSON [lastFailedAt ISO to the microsecond, id]. */
export function encodeCursor(lastFailedAt, id) {
  return Buffer.from(JSON.stringify([lastFailedAt, id])).toString('base64url');
}

/** How many rows the listing has, and the rows at a position from its end, found with SQL (untimed). */
export async function locate(db, filter) {
  const { terms, params } = where(filter);
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
  const query = pageSql(filter, PAGE + 1, after);
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
  const query = pageSql(filter, PAGE + 1, after);
  const text = (await db.query({ text: `EXPLAIN (ANALYZE, BUFFERS) ${query.text}`, values: query.values })).rows.map((r) => r['QUERY PLAN']).join('\n');
  const [
    {
      'QUERY PLAN': [plan],
    },
  ] = (await db.query({ text: `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${query.text}`, values: query.values })).rows;
  const scans = [];
  const walk = (node) => {
    if (/Scan$/.test(node['Node Type']) && node['Relation Name'] !== 'automation' && node['Index Name'] !== 'automation_pkey') {
      const on = node['Index Name'] ?? node['Relation Name'];
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

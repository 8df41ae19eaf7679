// The GraphQL round trip of the dashboard's KPI queries against the SQL the api runs for the same
// answer, straight against PostgreSQL; the answers are checked against each other before anything
// is timed.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { devSession } from '../common/http-client.mjs';

const REPORT_FIELDS = `automation automationTitle name title unit direction source currency target baseline baselineNote baselineFrom baselineTo
  after coverage partial noData delta change improvementPercent progressPercent progressDisplayPercent targetReached caveat howComputed
  range { start end days label }`;

export const QUERIES = {
  automationKpis: `query Kpis($slug: String!, $range: DateRangeInput) { automationKpis(slug: $slug, range: $range) { ${REPORT_FIELDS} } }`,
  kpiTrend: `query Trend($slug: String!, $kpi: String!, $range: DateRangeInput, $interval: TrendInterval) { kpiTrend(slug: $slug, kpi: $kpi, range: $range, interval: $interval) { interval points { at value } kpi { ${REPORT_FIELDS} } } }`,
};

// ---- the api's SQL, straight against PostgreSQL ---------------------------------------------------
// Not a copy: the api's own KpisService and KpisRepository (apps/api/dist/kpis), whose Database is
// replaced by a plain pg pool. The statements sent are the repository's KPI_SQL with its parameters,
// in the service's order (the automation's definitions, when the service reads them per request, then
// series and trends side by side on two connections);
// what is left out is what the api adds around them: HTTP, GraphQL, Nest, TypeORM.

/** The api's KPI service on `pool`, with the statements it sends recorded; undefined when the api's build has no such modules. */
export async function directKpis(root, pool) {
  let modules;
  try {
    await import('reflect-metadata');
    const load = (path) => import(pathToFileURL(join(root, 'apps/api/dist', path)).href);
    modules = { ...(await load('kpis/kpis.repository.js')), ...(await load('kpis/kpis.service.js')) };
  } catch (error) {
    return { missing: `the api's kpis.service.js / kpis.repository.js could not be loaded from apps/api/dist (${error.message})` };
  }
  const names = new Map(Object.entries(modules.KPI_SQL ?? {}).map(([name, text]) => [text, name]));
  let statements = [];
  const dataSource = {
    query: async (text, params) => {
      statements.push(names.get(text) ?? 'other');
      return (await pool.query(text, params)).rows;
    },
  };
  // The repository sends its SQL through the api's Database (`read` for what a replica may serve, `query`
  // on the primary); older builds took a ReadReplica (`source()`) or the DataSource itself. Every way: the pool.
  const repository = new modules.KpisRepository({ ...dataSource, read: dataSource.query, source: () => dataSource });
  // The automations' KPI definitions as an api process keeps them (kpi-definitions.ts: read once, then
  // remembered until a change is notified): read once here too, so both sides send per request the
  // statements the api sends to its pool. (An api built before it kept them reads them each time; so does this side then.)
  const remembered = new Map();
  const definitions = {
    of: async (slugs) => {
      const missing = slugs.filter((slug) => !remembered.has(slug));
      for (const row of missing.length === 0 ? [] : await repository.automations(missing)) {
        remembered.set(row.slug, row);
      }
      return new Map(slugs.filter((slug) => remembered.has(slug)).map((slug) => [slug, remembered.get(slug)]));
    },
  };
  const service = new modules.KpisService(repository, definitions);
  return {
    service,
    /** The names (KPI_SQL keys) of the statements sent since the last call. */
    takeStatements: () => {
      const taken = statements;
      statements = [];
      return taken;
    },
  };
}

const close = (a, b) => a === b || (typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)));

/** automationKpis through GraphQL against the service's own result for the same `now` (the end of the api's window): every KPI's after and coverage. */
export function checkAutomationKpis(reports, results) {
  const problems = [];
  if (reports.length !== results.length) {
    problems.push(`automationKpis: ${reports.length} KPIs through GraphQL, ${results.length} from the service`);
  }
  for (const report of reports) {
    const result = results.find((r) => r.kpi.name === report.name);
    if (
      result === undefined ||
      !close(result.after.value, report.after) ||
      !close(result.after.coverage, report.coverage) ||
      result.range.from.getTime() !== Date.parse(report.range.start)
    ) {
      problems.push(
        `${report.name}: GraphQL after ${report.after} (coverage ${report.coverage}, from ${report.range.start}), SQL ${result?.after.value} (coverage ${result?.after.coverage}, from ${result?.range.from.toISOString()})`,
      );
    }
  }
  return problems;
}

/** kpiTrend through GraphQL against the service's own result for the same `now`: every point. */
export function checkKpiTrend(trend, result) {
  const problems = [];
  if (trend.points.length !== result.points.length) {
    problems.push(`kpiTrend: ${trend.points.length} points through GraphQL, ${result.points.length} from the service`);
  }
  trend.points.forEach((point, i) => {
    const other = result.points[i];
    if (other === undefined || Date.parse(point.at) !== other.at.getTime() || !close(point.value, other.value)) {
      problems.push(`kpiTrend point ${i}: GraphQL ${point.value} at ${point.at}, SQL ${other?.value} at ${other?.at.toISOString()}`);
    }
  });
  return problems;
}

// ---- HTTP ---------------------------------------------------------------------------------------

/** Signs in as a dev persona; returns a client that POSTs GraphQL over one keep-alive connection. */
export async function graphqlClient(baseUrl, persona) {
  const session = await devSession(baseUrl, persona);
  return {
    /** One request; the clock runs from the request until the whole answer is in (parsing it is not timed). */
    async query(query, variables, field) {
      const body = Buffer.from(JSON.stringify({ query, variables }));
      const started = performance.now();
      const res = await session.post('/graphql', body);
      const ms = performance.now() - started;
      const parsed = JSON.parse(res.body.toString('utf8'));
      if (res.status !== 200 || parsed.errors !== undefined || parsed.data?.[field] === undefined) {
        const error = new Error(`${field} answered ${res.status}: ${res.body.toString('utf8').slice(0, 2000)}`);
        error.graphqlErrors = parsed.errors;
        throw error;
      }
      return { ms, bytes: res.body.length, data: parsed.data[field] };
    },
    close: session.close,
  };
}

// The question a 30-day dashboard asks of one automation, answered over the same window from the raw
// `run` rows (exact percentiles) and from the rollups: whole hours from the hourly table plus the
// edge minutes (as the api reads a window), and, for comparison, the per-minute table alone summed
// two ways. The figures are then computed with the api's own arithmetic (apps/api/dist: percentile,
// errorBudget), so the rollup answers are what the api would show.
import { performance } from 'node:perf_hooks';

const DAY_MS = 86_400_000;

/** Lower bounds (whole milliseconds) of buckets 1…B−1 as the api's bucketOf draws them: width_bucket(duration_ms, these) = bucketOf(duration_ms) for whole ms. */
export function bucketThresholds(bucketOf, buckets) {
  const thresholds = [];
  for (let k = 1; k < buckets; k += 1) {
    let lo = 1;
    let hi = 2 ** 31 - 1;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (bucketOf(mid) >= k) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    thresholds.push(lo);
  }
  return thresholds;
}

/**
 * run_rollup_minute as the ingest maintains it (apps/api/src/ingest/rollup-delta.ts): per automation
 * and minute of finished_at, every attempt that ended (not `running`) counted by status, its manual
 * touch and its duration bucket. `before`: only the minutes before it (history added under existing rollups).
 */
export async function buildRollups(db, slug, thresholds, buckets, { before = null } = {}) {
  const started = performance.now();
  // Enough memory for the build's hash aggregate, for this transaction only (the timed queries run with the server's settings).
  await db.query('BEGIN');
  await db.query(`SET LOCAL work_mem = '256MB'`);
  const result = await db.query(
    `WITH per AS (
       SELECT date_trunc('minute', finished_at) AS minute, width_bucket(duration_ms, $2::int[]) AS bucket,
              count(*) FILTER (WHERE status = 'succeeded') AS succeeded, count(*) FILTER (WHERE status = 'failed') AS failed,
              count(*) FILTER (WHERE status = 'dead_lettered') AS dead_lettered, count(*) FILTER (WHERE status = 'retrying') AS retried,
              count(*) FILTER (WHERE manual_touch) AS manual_touches, count(*) AS n
         FROM run WHERE automation_slug = $1 AND status <> 'running' AND ($4::timestamptz IS NULL OR finished_at < $4)
        GROUP BY 1, 2
     ), minutes AS (SELECT DISTINCT minute FROM per)
     INSERT INTO run_rollup_minute (automation_slug, minute, succeeded, failed, dead_lettered, retried, manual_touches, duration_histogram)
     SELECT $1, m.minute, coalesce(sum(p.succeeded), 0), coalesce(sum(p.failed), 0), coalesce(sum(p.dead_lettered), 0), coalesce(sum(p.retried), 0),
            coalesce(sum(p.manual_touches), 0), array_agg(coalesce(p.n, 0)::int ORDER BY g.bucket)
       FROM minutes m CROSS JOIN generate_series(0, $3::int - 1) AS g(bucket)
       LEFT JOIN per p ON p.minute = m.minute AND p.bucket = g.bucket
      GROUP BY m.minute`,
    [slug, thresholds, buckets, before],
  );
  await db.query('COMMIT');
  await db.query(
    `INSERT INTO automation_activity (automation_slug, last_success_at)
     SELECT $1, max(finished_at) FROM run WHERE automation_slug = $1 AND status = 'succeeded'
     ON CONFLICT (automation_slug) DO UPDATE SET last_success_at = EXCLUDED.last_success_at`,
    [slug],
  );
  return { minutes: result.rowCount, seconds: (performance.now() - started) / 1000 };
}

/**
 * The hourly rollups: the api's run_rollup_hour when its schema has one (kept equal to the sum of
 * its minutes by a trigger on run_rollup_minute, so the INSERT above filled it), else a table of the
 * bench's own, bench_rollup_hour, summed from the minutes: a what-if of the same layout.
 */
export async function hourlyRollups(db, buckets) {
  const started = performance.now();
  const [{ api }] = (await db.query(`SELECT to_regclass('run_rollup_hour') IS NOT NULL AS api`)).rows;
  if (api) {
    const [{ hours }] = (await db.query('SELECT count(*)::int AS hours FROM run_rollup_hour')).rows;
    // Daily rollups (the api's run_rollup_day, kept by the same trigger for the sealed days): their rows and the mark.
    const [{ daily }] = (await db.query(`SELECT to_regclass('run_rollup_day') IS NOT NULL AS daily`)).rows;
    const days = daily ? (await db.query('SELECT (SELECT count(*)::int FROM run_rollup_day) AS rows, (SELECT through FROM run_rollup_day_sealed) AS through')).rows[0] : null;
    return { table: 'run_rollup_hour', api: true, hours, days, seconds: (performance.now() - started) / 1000 };
  }
  const sums = Array.from({ length: buckets }, (_, i) => `sum(duration_histogram[${i + 1}])`).join(', ');
  await db.query(`CREATE TABLE bench_rollup_hour (LIKE run_rollup_minute INCLUDING DEFAULTS)`);
  await db.query(`ALTER TABLE bench_rollup_hour RENAME COLUMN minute TO hour`);
  const result = await db.query(
    `INSERT INTO bench_rollup_hour (automation_slug, hour, succeeded, failed, dead_lettered, retried, manual_touches, duration_histogram)
     SELECT automation_slug, date_trunc('hour', minute), sum(succeeded), sum(failed), sum(dead_lettered), sum(retried), sum(manual_touches), ARRAY[${sums}]::int[]
       FROM run_rollup_minute GROUP BY 1, 2`,
  );
  await db.query(`ALTER TABLE bench_rollup_hour ADD PRIMARY KEY (automation_slug, hour)`);
  return { table: 'bench_rollup_hour', api: false, hours: result.rowCount, days: null, seconds: (performance.now() - started) / 1000 };
}

/** The rollup table's totals against what the generator counted with the api's bucketOf: they must be the same. */
export async function checkRollups(db, slug, counts, buckets) {
  const { rows } = await db.query(
    `SELECT sum(succeeded)::int AS succeeded, sum(failed)::int AS failed, sum(dead_lettered)::int AS dead_lettered, sum(retried)::int AS retrying,
            sum(manual_touches)::int AS manual_touches, (SELECT array_agg(s ORDER BY i) FROM (SELECT i, sum(duration_histogram[i])::int AS s FROM run_rollup_minute, generate_series(1, $2::int) AS i WHERE automation_slug = $1 GROUP BY i) t) AS histogram
       FROM run_rollup_minute WHERE automation_slug = $1`,
    [slug, buckets],
  );
  const [row] = rows;
  const problems = [];
  for (const status of ['succeeded', 'failed', 'dead_lettered', 'retrying']) {
    if (row[status] !== (counts.status[status] ?? 0)) {
      problems.push(`${status}: rollups ${row[status]}, generated ${counts.status[status] ?? 0}`);
    }
  }
  if (row.manual_touches !== counts.manualTouches) {
    problems.push(`manual touches: rollups ${row.manual_touches}, generated ${counts.manualTouches}`);
  }
  const differs = counts.histogram.findIndex((n, i) => n !== (row.histogram[i] ?? 0));
  if (differs !== -1) {
    problems.push(`duration bucket ${differs}: rollups ${row.histogram[differs]}, generated ${counts.histogram[differs]} (bucketOf)`);
  }
  if (problems.length > 0) {
    throw new Error(`the rollups built with SQL are not what the ingest would have built:\n  ${problems.join('\n  ')}`);
  }
}

// ---- the question, three ways --------------------------------------------------------------------

/** UTC days, as the api's daily trend cuts them (kpi-range.ts bucketStart). */
const DAY_OF = (column) => `date_bin('1 day', ${column}, timestamptz '2000-01-01 00:00:00+00')`;

const RAW_SQL = `SELECT ${DAY_OF('finished_at')} AS day,
       count(*) FILTER (WHERE status = 'succeeded')::int AS succeeded,
       count(*) FILTER (WHERE status = 'failed')::int AS failed,
       count(*) FILTER (WHERE status = 'dead_lettered')::int AS dead_lettered,
       count(*) FILTER (WHERE manual_touch)::int AS manual_touches,
       percentile_disc(ARRAY[0.5, 0.95]) WITHIN GROUP (ORDER BY duration_ms) AS percentiles
  FROM run
 WHERE automation_slug = $1 AND finished_at >= $2 AND finished_at < $3 AND status <> 'running'
 GROUP BY GROUPING SETS ((1), ())`;

const COUNTS = `sum(succeeded)::int AS succeeded, sum(failed)::int AS failed, sum(dead_lettered)::int AS dead_lettered, sum(manual_touches)::int AS manual_touches`;

const histogramSums = (buckets) => `ARRAY[${Array.from({ length: buckets }, (_, i) => `coalesce(sum(duration_histogram[${i + 1}]), 0)`).join(', ')}]::int[]`;

/** Per UTC day over the per-minute rollups alone: 43,200 rows for 30 days. `histogram` is the SQL summing them. */
function minutesSql(histogram) {
  return `SELECT ${DAY_OF('minute')} AS day, ${COUNTS}, ${histogram} AS histogram
  FROM run_rollup_minute
 WHERE automation_slug = $1 AND minute >= $2 AND minute < $3
 GROUP BY 1 ORDER BY 1`;
}

/**
 * Per UTC day over whole hours from the hourly table and the minutes before the first whole hour
 * and after the last from the minute table (the api's run_rollup_span layout): ~720 + ≤ 118 rows.
 */
function hoursSql(table, buckets) {
  const firstHour = `(date_bin('1 hour', $2::timestamptz, timestamptz '2000-01-01 00:00:00+00') + CASE WHEN date_bin('1 hour', $2::timestamptz, timestamptz '2000-01-01 00:00:00+00') = $2::timestamptz THEN interval '0' ELSE interval '1 hour' END)`;
  const lastHour = `date_bin('1 hour', $3::timestamptz, timestamptz '2000-01-01 00:00:00+00')`;
  const columns = 'succeeded, failed, dead_lettered, manual_touches, duration_histogram';
  return `WITH parts AS (
    SELECT hour AS at, ${columns} FROM ${table} WHERE automation_slug = $1 AND hour >= ${firstHour} AND hour < ${lastHour}
    UNION ALL
    SELECT minute, ${columns} FROM run_rollup_minute WHERE automation_slug = $1 AND minute >= $2 AND minute < least(${firstHour}, $3::timestamptz)
    UNION ALL
    SELECT minute, ${columns} FROM run_rollup_minute WHERE automation_slug = $1 AND minute >= greatest(${lastHour}, ${firstHour}) AND minute < $3
  )
  SELECT ${DAY_OF('at')} AS day, ${COUNTS}, ${histogramSums(buckets)} AS histogram FROM parts GROUP BY 1 ORDER BY 1`;
}

/**
 * Per UTC day over whole sealed days from the daily table (run_rollup_day, the days before the mark
 * in run_rollup_day_sealed), whole hours around them from the hourly table and the minutes at the
 * window's edges (the api's run_rollup_span): ~29 + ≤ 46 + ≤ 118 rows for 30 days. The cut is the
 * function's: minutes [from, h1), hours [h1, d1), days [d1, d2), hours [d2, h2), minutes [h2, to).
 */
function daysSql(buckets) {
  const origin = `timestamptz '2000-01-01 00:00:00+00'`;
  const hourOf = (x) => `date_bin('1 hour', ${x}, ${origin})`;
  const ceilHour = `(CASE WHEN ${hourOf('$2::timestamptz')} = $2::timestamptz THEN $2::timestamptz ELSE ${hourOf('$2::timestamptz')} + interval '1 hour' END)`;
  const columns = 'succeeded, failed, dead_lettered, manual_touches, duration_histogram';
  // Each cut a scalar subquery (an InitPlan: a plain index bound), as in the api's function; a join with b let the planner scan all minutes.
  const cut = (name) => `(SELECT ${name} FROM b)`;
  return `WITH h AS (
    SELECT CASE WHEN whole THEN first_hour ELSE $3::timestamptz END AS h1, CASE WHEN whole THEN last_hour ELSE $3::timestamptz END AS h2
      FROM (SELECT ${ceilHour} AS first_hour, ${hourOf('$3::timestamptz')} AS last_hour, ${ceilHour} < ${hourOf('$3::timestamptz')} AS whole) x
  ), b AS (
    SELECT h1, h2, CASE WHEN first_day < last_day THEN first_day ELSE h2 END AS d1, CASE WHEN first_day < last_day THEN last_day ELSE h2 END AS d2
      FROM (SELECT h1, h2, CASE WHEN ${DAY_OF('h1')} = h1 THEN h1 ELSE ${DAY_OF('h1')} + interval '1 day' END AS first_day,
                   least(${DAY_OF('h2')}, (SELECT through FROM run_rollup_day_sealed)) AS last_day FROM h) y
  ), parts AS (
    SELECT day AS at, ${columns} FROM run_rollup_day WHERE automation_slug = $1 AND day >= ${cut('d1')} AND day < ${cut('d2')}
    UNION ALL
    SELECT hour, ${columns} FROM run_rollup_hour WHERE automation_slug = $1 AND hour >= ${cut('h1')} AND hour < ${cut('d1')}
    UNION ALL
    SELECT hour, ${columns} FROM run_rollup_hour WHERE automation_slug = $1 AND hour >= ${cut('d2')} AND hour < ${cut('h2')}
    UNION ALL
    SELECT minute, ${columns} FROM run_rollup_minute WHERE automation_slug = $1 AND minute >= $2 AND minute < ${cut('h1')}
    UNION ALL
    SELECT minute, ${columns} FROM run_rollup_minute WHERE automation_slug = $1 AND minute >= ${cut('h2')} AND minute < $3
  )
  SELECT ${DAY_OF('at')} AS day, ${COUNTS}, ${histogramSums(buckets)} AS histogram FROM parts GROUP BY 1 ORDER BY 1`;
}

const MEASUREMENTS_SQL = `SELECT kpi, ${DAY_OF('measured_at')} AS day, avg(value)::float8 AS mean, count(*)::int AS n
  FROM kpi_measurement
 WHERE automation_slug = $1 AND kpi = ANY($4::text[]) AND measured_at >= $2 AND measured_at < $3
 GROUP BY GROUPING SETS ((1, 2), (1))`;

/**
 * One statement for the whole question: the runs part (`runs`, one row per day and for raw also the
 * total, with `figure` its histogram or exact percentiles) and the measurement means, rows told
 * apart by `kpi` (null for runs). One round trip, as the api's series statement.
 */
function withMeasurements(runs, figure) {
  return `WITH runs AS (${runs}), measured AS (${MEASUREMENTS_SQL})
SELECT day, succeeded, failed, dead_lettered, manual_touches, ${figure} AS figure, NULL::text AS kpi, NULL::float8 AS mean FROM runs
UNION ALL
SELECT day, NULL, NULL, NULL, NULL, NULL, kpi, mean FROM measured`;
}

export const SQL = {
  raw: withMeasurements(RAW_SQL, 'percentiles'),
  days: (buckets) => withMeasurements(daysSql(buckets), 'histogram'),
  hours: (table, buckets) => withMeasurements(hoursSql(table, buckets), 'histogram'),
  minuteBucketSums: (buckets) => withMeasurements(minutesSql(histogramSums(buckets)), 'histogram'),
  minuteIntArraySum: () => withMeasurements(minutesSql('int_array_sum(duration_histogram)'), 'histogram'),
};

/** The question's statement, its parameters. */
export const questionParams = (slug, window) => [slug, new Date(window.from), new Date(window.to), window.measurementKpis];

/**
 * The dashboard's figures from per-day totals (+ the 30-day total): KPI "after" values, the
 * success-rate SLO over the window, a 30-point daily trend. `percentiles(part)` gives [p50, p95] in
 * ms: exact for raw rows, from the histogram (the api's `percentile`) for rollups.
 */
function figures({ total, days, measurements, window, api, percentiles }) {
  const ended = (t) => t.succeeded + t.failed + t.dead_lettered;
  const [p50, p95] = percentiles(total);
  const windowDays = (window.to - window.from) / DAY_MS;
  const errorRate = ended(total) === 0 ? null : ((total.failed + total.dead_lettered) * 100) / ended(total);
  const budget = api.errorBudget(window.sloObjective, { good: total.succeeded, total: ended(total) });
  const trend = [];
  // One point per UTC day the window touches (31 for a rolling 30 days), the first and last partial, as kpiTrend cuts them.
  for (let at = Math.floor(window.from / DAY_MS) * DAY_MS; at < window.to; at += DAY_MS) {
    const day = days.get(at);
    const [d50, d95] = day === undefined ? [null, null] : percentiles(day);
    trend.push({
      at,
      ended: day === undefined ? 0 : ended(day),
      failed: day === undefined ? 0 : day.failed + day.dead_lettered,
      manualTouches: day?.manual_touches ?? 0,
      p50: d50,
      p95: d95,
      measured: Object.fromEntries(measurements.kpis.map((kpi) => [kpi, measurements.days.get(`${kpi}|${at}`) ?? null])),
    });
  }
  return {
    counts: { succeeded: total.succeeded, failed: total.failed, deadLettered: total.dead_lettered, manualTouches: total.manual_touches, ended: ended(total) },
    kpis: {
      cycleTimeP50Ms: p50,
      cycleTimeP95Ms: p95,
      errorRatePercent: errorRate,
      manualTouchesPerDay: total.manual_touches / windowDays,
      throughputPerDay: ended(total) / windowDays,
      ...Object.fromEntries(measurements.kpis.map((kpi) => [`measured:${kpi}`, measurements.totals.get(kpi) ?? null])),
    },
    slo: {
      objective: window.sloObjective,
      good: budget.good,
      total: budget.total,
      attainmentPercent: budget.attainedPercent,
      budgetRemainingPercent: budget.noData ? 100 : budget.remainingFraction * 100,
    },
    trend,
  };
}

/** The answer's rows split: runs (per day, and raw's total with day null) and the measurement means (per KPI and day, and per KPI). */
function splitRows(rows, window) {
  const runs = [];
  const totals = new Map();
  const days = new Map();
  for (const row of rows) {
    if (row.kpi === null) {
      runs.push(row);
    } else if (row.day === null) {
      totals.set(row.kpi, row.mean);
    } else {
      days.set(`${row.kpi}|${new Date(row.day).getTime()}`, row.mean);
    }
  }
  return { runs, measurements: { kpis: window.measurementKpis, totals, days } };
}

/** The question asked of raw rows (one statement); returns the figures and how long it took. */
export async function rawAnswer(db, slug, window, api) {
  const started = performance.now();
  const { rows } = await db.query(SQL.raw, questionParams(slug, window));
  const { runs, measurements } = splitRows(rows, window);
  const total = runs.find((row) => row.day === null) ?? { succeeded: 0, failed: 0, dead_lettered: 0, manual_touches: 0, figure: [null, null] };
  const days = new Map(runs.filter((row) => row.day !== null).map((row) => [new Date(row.day).getTime(), row]));
  const result = figures({ total, days, measurements, window, api, percentiles: (part) => part.figure ?? [null, null] });
  return { ms: performance.now() - started, figures: result };
}

/** The question asked of the rollups with `sql` (one of SQL.days, hours, minuteBucketSums, minuteIntArraySum; one statement); the 30-day total is the sum of the days. */
export async function rollupAnswer(db, slug, window, api, sql) {
  const started = performance.now();
  const { rows } = await db.query(sql, questionParams(slug, window));
  const { runs, measurements } = splitRows(rows, window);
  const total = { succeeded: 0, failed: 0, dead_lettered: 0, manual_touches: 0, figure: api.emptyHistogram() };
  const days = new Map();
  for (const row of runs) {
    total.succeeded += row.succeeded;
    total.failed += row.failed;
    total.dead_lettered += row.dead_lettered;
    total.manual_touches += row.manual_touches;
    total.figure = api.addHistograms(total.figure, row.figure);
    days.set(new Date(row.day).getTime(), row);
  }
  const result = figures({ total, days, measurements, window, api, percentiles: (part) => [api.percentile(part.figure, 0.5), api.percentile(part.figure, 0.95)] });
  return { ms: performance.now() - started, figures: result };
}

/**
 * Whether two answers agree: every count, rate, SLO figure, per-day point and measurement equal;
 * each percentile of the rollups in the same duration bucket as the exact one (so within the
 * histogram's 9.05 %). Returns the problems and the largest relative percentile difference seen.
 */
export function compareAnswers(raw, rollup, api) {
  const problems = [];
  let worst = { relative: 0, where: 'none' };
  const same = (where, a, b) => {
    const equal = a === b || (typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)));
    if (!equal) {
      problems.push(`${where}: raw ${a}, rollups ${b}`);
    }
  };
  const percentile = (where, exact, approx) => {
    if (exact === null || approx === null) {
      same(where, exact, approx);
      return;
    }
    if (api.bucketOf(exact) !== api.bucketOf(approx)) {
      problems.push(`${where}: raw ${exact} ms (bucket ${api.bucketOf(exact)}), rollups ${approx} ms (bucket ${api.bucketOf(approx)})`);
    }
    const relative = Math.abs(approx / exact - 1);
    if (relative > worst.relative) {
      worst = { relative, where };
    }
  };
  for (const key of Object.keys(raw.counts)) {
    same(`30 days, ${key}`, raw.counts[key], rollup.counts[key]);
  }
  for (const [key, value] of Object.entries(raw.kpis)) {
    if (key.startsWith('cycleTime')) {
      percentile(`30 days, ${key}`, value, rollup.kpis[key]);
    } else {
      same(`30 days, ${key}`, value, rollup.kpis[key]);
    }
  }
  for (const key of Object.keys(raw.slo)) {
    same(`SLO ${key}`, raw.slo[key], rollup.slo[key]);
  }
  same('trend points', raw.trend.length, rollup.trend.length);
  raw.trend.forEach((point, i) => {
    const other = rollup.trend[i];
    const day = new Date(point.at).toISOString().slice(0, 16);
    for (const key of ['at', 'ended', 'failed', 'manualTouches']) {
      same(`day ${day} ${key}`, point[key], other?.[key]);
    }
    percentile(`day ${day} p50`, point.p50, other?.p50 ?? null);
    percentile(`day ${day} p95`, point.p95, other?.p95 ?? null);
    for (const kpi of Object.keys(point.measured)) {
      same(`day ${day} ${kpi}`, point.measured[kpi], other?.measured[kpi]);
    }
  });
  return { problems, worst };
}

// ---- the question as the api answers it -------------------------------------------------------------

/**
 * The dashboard's KPIs as the api answers them: its own KpisService and KpisRepository (apps/api/dist,
 * graphql.mjs `directKpis`) on the bench's pool with the api's session options, so the statements sent
 * are the api's KPI_SQL: automationKpis over the window, then kpiTrend(interval: day) of `trendKpi`,
 * in that order, as the dashboard asks them. Timed from the first query to the figures (the service's
 * KPI values and trend points). `now` is the window's end, so the api's window is the question's.
 */
export async function apiAnswer(direct, slug, trendKpi, window) {
  const range = { last: `${(window.to - window.from) / DAY_MS}d` };
  const now = new Date(window.to);
  const started = performance.now();
  const reports = await direct.service.automationKpis(slug, range, now);
  const trend = await direct.service.kpiTrend(slug, trendKpi, range, 'day', now);
  const ms = performance.now() - started;
  const figures = {
    reports: reports.map((r) => ({
      name: r.kpi.name,
      source: r.kpi.source ?? 'measurement',
      unit: r.kpi.unit,
      value: r.after.value,
      days: r.after.days,
      from: r.range.from.getTime(),
      to: r.range.to.getTime(),
    })),
    trend: {
      name: trend.report.kpi.name,
      source: trend.report.kpi.source ?? 'measurement',
      unit: trend.report.kpi.unit,
      points: trend.points.map((p) => ({ at: p.at.getTime(), value: p.value })),
    },
  };
  return { ms, figures };
}

/**
 * The api's figures against the raw rows' for the same window: each KPI's "after" value and each
 * trend point (the same figure taken from raw's 30-day total or day). Counts and rates equal;
 * percentiles in the same duration bucket as the exact one. `msPerUnit` is the api's (kpi-derived).
 */
export function compareApiAnswer(raw, answer, api, msPerUnit) {
  const problems = [];
  let worst = { relative: 0, where: 'none' };
  const close = (a, b) => a === b || (typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)));
  const same = (where, exact, got) => {
    if (!close(exact, got)) {
      problems.push(`${where}: raw ${exact}, api ${got}`);
    }
  };
  const percentile = (where, exact, got) => {
    if (exact === null || got === null) {
      same(where, exact, got);
      return;
    }
    if (api.bucketOf(exact) !== api.bucketOf(got)) {
      problems.push(`${where}: raw ${exact} ms (bucket ${api.bucketOf(exact)}), api ${got} ms (bucket ${api.bucketOf(got)})`);
    }
    const relative = Math.abs(got / exact - 1);
    if (relative > worst.relative) {
      worst = { relative, where };
    }
  };
  // One figure of `kpi` from raw's part (30-day total or a day) against the api's value, by the KPI's source.
  const check = (where, kpi, part, value, days) => {
    const ended = part.succeeded + part.failed + part.dead_lettered;
    switch (kpi.source) {
      case 'cycle_time_p50':
      case 'cycle_time_p95':
        percentile(where, part.percentiles[kpi.source === 'cycle_time_p50' ? 0 : 1], value === null ? null : value * msPerUnit(kpi.unit));
        break;
      case 'error_rate':
        same(where, ended === 0 ? null : ((part.failed + part.dead_lettered) * (kpi.unit.trim() === '%' ? 100 : 1)) / ended, value);
        break;
      case 'manual_touches_per_day':
        same(where, part.manual_touches / days, value);
        break;
      case 'throughput_per_day':
        same(where, ended / days, value);
        break;
      case 'measurement':
        same(where, part.measured[kpi.name] ?? null, value);
        break;
      default:
        problems.push(`${where}: no raw figure for source ${kpi.source}`);
    }
  };
  const total = {
    succeeded: raw.counts.succeeded,
    failed: raw.counts.failed,
    dead_lettered: raw.counts.deadLettered,
    manual_touches: raw.counts.manualTouches,
    percentiles: [raw.kpis.cycleTimeP50Ms, raw.kpis.cycleTimeP95Ms],
    measured: Object.fromEntries(
      Object.entries(raw.kpis)
        .filter(([k]) => k.startsWith('measured:'))
        .map(([k, v]) => [k.slice(9), v]),
    ),
  };
  for (const report of answer.reports) {
    check(`30 days, ${report.name}`, report, total, report.value, report.days);
  }
  const { trend } = answer;
  same(`${trend.name} trend points`, raw.trend.length, trend.points.length);
  raw.trend.forEach((point, i) => {
    const other = trend.points[i];
    const day = new Date(point.at).toISOString().slice(0, 16);
    same(`day ${day} at`, point.at, other?.at);
    if (trend.source === 'manual_touches_per_day' || trend.source === 'throughput_per_day') {
      problems.push(`the ${trend.source} trend is not checked here`);
      return;
    }
    // A day without runs (or measurements) is null both ways.
    const part = {
      succeeded: point.ended - point.failed,
      failed: point.failed,
      dead_lettered: 0,
      manual_touches: point.manualTouches,
      percentiles: [point.p50, point.p95],
      measured: point.measured,
    };
    check(`day ${day} ${trend.name}`, trend, part, other?.value ?? null, null);
  });
  return { problems, worst };
}

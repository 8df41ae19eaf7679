// `npm run bench:dashboard -- --history` (or BENCH_DASHBOARD_HISTORY=true): whether the dashboard's
// rollup answer costs the same whatever history lies outside the window it asks. The same automation
// with 1 million runs in the last 30 days, then with 9 million more over the 270 days before them
// (ten months in all at the same rate and rhythm): its 30-day dashboard asked at each size, same
// window, same answer required. Rows are generated set-based in SQL (one INSERT … SELECT per part),
// the minute rollups built from them with the ingest's shape (questions.mjs buildRollups), the hours
// summed from the minutes as the hourly migration does. See bench/dashboard/README.md.
import { performance } from 'node:perf_hooks';
import { minuteWeight } from './dataset.mjs';
import { bucketThresholds, buildRollups, compareAnswers, questionParams, rawAnswer, rollupAnswer, SQL } from './questions.mjs';

const MINUTE = 60_000;
const DAY = 86_400_000;
/** The older part: nine times the window's 30 days (and rows, BENCH_DASHBOARD_RUNS in all: 10M by default, 1M of them in the window). */
export const OLDER_DAYS = 270;
/** Older attempts last at most 6 h, and the older part ends 6 h before the day ahead of the window: none finishes in a minute already rolled up. */
const LONGEST_MS = 6 * 3_600_000;

/** Rows per minute over [from, to): the working-day rhythm's share of `rows`, exactly `rows` in all. */
function perMinute(from, to, rows) {
  const minutes = (to - from) / MINUTE;
  const weights = new Float64Array(minutes);
  let sum = 0;
  for (let m = 0; m < minutes; m += 1) {
    weights[m] = minuteWeight(from + m * MINUTE);
    sum += weights[m];
  }
  const counts = new Array(minutes);
  let cumulative = 0;
  let placed = 0;
  for (let m = 0; m < minutes; m += 1) {
    cumulative += weights[m];
    const target = m === minutes - 1 ? rows : Math.round((rows * cumulative) / sum);
    counts[m] = target - placed;
    placed = target;
  }
  return counts;
}

/**
 * One INSERT … SELECT of attempt rows started in [from, to) at `counts` per minute: ~96.8 % succeeded
 * (log-normal, median 150 s, spread 0.75), 2.6 % retrying (time-outs at 30 s), 0.5 % failed
 * (validation, 60 % touched by hand), 0.1 % dead-lettered; 0.3 % of successes touched by hand;
 * attempts not finished at `now` are running. random() is seeded, so a seed repeats the rows.
 */
async function insertRuns(db, { slug, prefix, from, counts, now, seed, longestMs }) {
  await db.query('SELECT setseed($1)', [((seed % 1000) / 1000) * 2 - 1]);
  const result = await db.query(
    `INSERT INTO run (automation_slug, run_id, attempt, started_at, correlation_id, status, finished_at, duration_ms, error_class, error_message, manual_touch, counted)
     SELECT $1, $2 || m.i || '-' || k, 1, s.started_at, $2 || 'c' || m.i || '-' || k,
            CASE WHEN s.started_at + d.ms * interval '1 ms' >= $5 THEN 'running' ELSE d.status END,
            CASE WHEN s.started_at + d.ms * interval '1 ms' >= $5 THEN NULL ELSE s.started_at + d.ms * interval '1 ms' END,
            CASE WHEN s.started_at + d.ms * interval '1 ms' >= $5 THEN NULL ELSE d.ms END,
            CASE d.status WHEN 'succeeded' THEN NULL WHEN 'failed' THEN 'ValidationError' ELSE 'TimeoutError' END,
            CASE d.status WHEN 'succeeded' THEN NULL WHEN 'failed' THEN 'Avalara rejected the quote: ship-to address has no postal code'
                          ELSE 'NetSuite createInvoice did not answer within 30000 ms' END,
            s.started_at + d.ms * interval '1 ms' < $5 AND d.touched, s.started_at + d.ms * interval '1 ms' < $5
       FROM unnest($4::int[]) WITH ORDINALITY AS m(n, i)
      CROSS JOIN LATERAL generate_series(1, m.n) AS k
      CROSS JOIN LATERAL (SELECT $3::timestamptz + (m.i - 1) * interval '1 minute' + floor(random() * 60000 + 0 * k) * interval '1 ms' AS started_at,
                                 random() + 0 * k AS u, random() + 0 * k AS r1, random() + 0 * k AS r2, random() + 0 * k AS t) s
      CROSS JOIN LATERAL (
        SELECT CASE WHEN s.u < 0.9681 THEN 'succeeded' WHEN s.u < 0.9937 THEN 'retrying' WHEN s.u < 0.9987 THEN 'failed' ELSE 'dead_lettered' END AS status,
               least($6::int, greatest(1, round(CASE
                 WHEN s.u < 0.9681 THEN 150000 * exp(0.75 * sqrt(-2 * ln(1 - s.r1)) * cos(2 * pi() * s.r2))
                 WHEN s.u < 0.9937 OR s.u >= 0.9987 THEN 30000 + floor(s.r1 * 400)
                 ELSE 2500 * exp(0.5 * sqrt(-2 * ln(1 - s.r1)) * cos(2 * pi() * s.r2)) END)))::int AS ms,
               CASE WHEN s.u < 0.9681 THEN s.t < 0.003 WHEN s.u >= 0.9937 AND s.u < 0.9987 THEN s.t < 0.6 ELSE false END AS touched
      ) d`,
    [slug, prefix, new Date(from), counts, new Date(now), longestMs],
  );
  return result.rowCount;
}

/** run_rollup_hour summed from the minutes before `before`, set-based as the hourly migration fills it (the row trigger off meanwhile). */
async function hoursFromMinutes(db, slug, before, buckets) {
  const sums = Array.from({ length: buckets }, (_, i) => `coalesce(sum(duration_histogram[${i + 1}]), 0)`).join(', ');
  await db.query(
    `INSERT INTO run_rollup_hour (automation_slug, hour, succeeded, failed, dead_lettered, retried, manual_touches, duration_histogram, dependency_retries, dependency_timeouts, circuit_opens, minutes)
     SELECT automation_slug, date_bin('1 hour', minute, timestamptz '2000-01-01 00:00:00+00'), sum(succeeded), sum(failed), sum(dead_lettered), sum(retried), sum(manual_touches),
            ARRAY[${sums}]::int[], sum(dependency_retries), sum(dependency_timeouts), sum(circuit_opens), count(*)
       FROM run_rollup_minute WHERE automation_slug = $1 AND minute < $2 GROUP BY 1, 2`,
    [slug, new Date(before)],
  );
  // And the sealed days among them (the trigger folds a minute before the mark into its day too): added to the
  // lead-in day's row where the window's part already made it.
  await db.query(
    `INSERT INTO run_rollup_day AS r (automation_slug, day, succeeded, failed, dead_lettered, retried, manual_touches, duration_histogram, dependency_retries, dependency_timeouts, circuit_opens, minutes)
     SELECT automation_slug, date_bin('1 day', minute, timestamptz '2000-01-01 00:00:00+00'), sum(succeeded), sum(failed), sum(dead_lettered), sum(retried), sum(manual_touches),
            ARRAY[${sums}]::int[], sum(dependency_retries), sum(dependency_timeouts), sum(circuit_opens), count(*)
       FROM run_rollup_minute WHERE automation_slug = $1 AND minute < $2 AND minute < (SELECT through FROM run_rollup_day_sealed) GROUP BY 1, 2
     ON CONFLICT (automation_slug, day) DO UPDATE SET succeeded = r.succeeded + EXCLUDED.succeeded, failed = r.failed + EXCLUDED.failed,
       dead_lettered = r.dead_lettered + EXCLUDED.dead_lettered, retried = r.retried + EXCLUDED.retried, manual_touches = r.manual_touches + EXCLUDED.manual_touches,
       duration_histogram = int_array_add(r.duration_histogram, EXCLUDED.duration_histogram), dependency_retries = r.dependency_retries + EXCLUDED.dependency_retries,
       dependency_timeouts = r.dependency_timeouts + EXCLUDED.dependency_timeouts, circuit_opens = r.circuit_opens + EXCLUDED.circuit_opens, minutes = r.minutes + EXCLUDED.minutes`,
    [slug, new Date(before)],
  );
  // Hours and minutes must add up to the same totals, or the hourly table is not what the trigger would have made.
  const totals = async (table) =>
    (
      await db.query(
        `SELECT sum(succeeded)::bigint AS s, sum(failed)::bigint AS f, sum(dead_lettered)::bigint AS d, sum(retried)::bigint AS r, sum(manual_touches)::bigint AS m FROM ${table} WHERE automation_slug = $1`,
        [slug],
      )
    ).rows[0];
  const [hours, minutes] = [await totals('run_rollup_hour'), await totals('run_rollup_minute')];
  if (JSON.stringify(hours) !== JSON.stringify(minutes)) {
    throw new Error(`run_rollup_hour ${JSON.stringify(hours)} does not add up to run_rollup_minute ${JSON.stringify(minutes)}`);
  }
  // Likewise the sealed days and their minutes.
  const sealed = `AND minute < (SELECT through FROM run_rollup_day_sealed)`;
  const [dayTotals] = (
    await db.query(
      `SELECT sum(succeeded)::bigint AS s, sum(failed)::bigint AS f, sum(dead_lettered)::bigint AS d, sum(retried)::bigint AS r, sum(manual_touches)::bigint AS m FROM run_rollup_day WHERE automation_slug = $1`,
      [slug],
    )
  ).rows;
  const [sealedMinutes] = (
    await db.query(
      `SELECT sum(succeeded)::bigint AS s, sum(failed)::bigint AS f, sum(dead_lettered)::bigint AS d, sum(retried)::bigint AS r, sum(manual_touches)::bigint AS m FROM run_rollup_minute WHERE automation_slug = $1 ${sealed}`,
      [slug],
    )
  ).rows;
  if (JSON.stringify(dayTotals) !== JSON.stringify(sealedMinutes)) {
    throw new Error(`run_rollup_day ${JSON.stringify(dayTotals)} does not add up to the sealed days' run_rollup_minute ${JSON.stringify(sealedMinutes)}`);
  }
}

/** Where two JSON texts first differ, with some context; '' when equal. */
function firstDifference(name, a, b) {
  if (a === b) {
    return '';
  }
  let i = 0;
  while (a[i] === b[i]) {
    i += 1;
  }
  return `${name} differs: …${a.slice(Math.max(0, i - 120), i + 60)}… against …${b.slice(Math.max(0, i - 120), i + 60)}…`;
}

async function sizes(db) {
  const [row] = (
    await db.query(
      `SELECT (SELECT count(*) FROM run)::bigint AS runs, (SELECT count(*) FROM run_rollup_minute)::int AS minutes, (SELECT count(*) FROM run_rollup_hour)::int AS hours,
              (SELECT sum(pg_total_relation_size(inhrelid)) FROM pg_inherits WHERE inhparent = 'run'::regclass)::bigint AS run_bytes,
              pg_total_relation_size('run_rollup_minute') AS minute_bytes, pg_total_relation_size('run_rollup_hour') AS hour_bytes`,
    )
  ).rows;
  return {
    runs: Number(row.runs),
    minutes: row.minutes,
    hours: row.hours,
    runBytes: Number(row.run_bytes),
    minuteBytes: Number(row.minute_bytes),
    hourBytes: Number(row.hour_bytes),
  };
}

async function analyze(db) {
  for (const table of ['run', 'run_rollup_minute', 'run_rollup_hour', 'run_rollup_day', 'kpi_measurement']) {
    await db.query(`VACUUM (ANALYZE) ${table}`);
  }
  await db.query('CHECKPOINT').catch(() => undefined);
}

/**
 * Times `ways` (each `() => Promise<unknown>`), interleaved, warm-up first; medians and minima in ms.
 */
async function timeWays(ways, { warmup, repeats }) {
  const samples = Object.fromEntries(Object.keys(ways).map((name) => [name, []]));
  const names = Object.keys(ways);
  for (let i = 0; i < warmup + repeats; i += 1) {
    for (const name of [...names.slice(i % names.length), ...names.slice(0, i % names.length)]) {
      const started = performance.now();
      await ways[name]();
      if (i >= warmup) {
        samples[name].push(performance.now() - started);
      }
    }
  }
  return samples;
}

async function explainHours(db, slug, window, buckets, summarizePlan) {
  const [
    {
      'QUERY PLAN': [plan],
    },
  ] = (await db.query({ text: `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${SQL.days(buckets)}`, values: questionParams(slug, window) })).rows;
  const buffers = plan.Plan['Shared Hit Blocks'] + plan.Plan['Shared Read Blocks'];
  return { ...summarizePlan(plan), buffers };
}

/**
 * The history part, step 1: the window's runs (and the day before it) in `db`, rolled up, the rollup
 * answer checked against the raw rows. Returns what step 2 needs.
 */
export async function buildWindow({ db, api, window, slug, settings, say }) {
  const B = api.HISTOGRAM_BUCKETS;
  const recentRows = Math.round(settings.runs / 10);
  let started = performance.now();
  const recent = await insertRuns(db, {
    slug,
    prefix: 'r',
    from: window.from,
    counts: perMinute(window.from, window.to, recentRows),
    now: window.to,
    seed: settings.seed,
    longestMs: 2 ** 31 - 1,
  });
  // And the day before it (from a whole hour), so that with or without older history the automation's
  // runs begin before the window: its coverage is whole both times and the per-day rates divide alike.
  const leadFrom = Math.floor((window.from - DAY) / 3_600_000) * 3_600_000;
  const leadRows = Math.round(((window.from - leadFrom) / (window.to - window.from)) * recentRows);
  const lead = await insertRuns(db, {
    slug,
    prefix: 'l',
    from: leadFrom,
    counts: perMinute(leadFrom, window.from, leadRows),
    now: window.to,
    seed: settings.seed + 2,
    longestMs: 2 ** 31 - 1,
  });
  const insertSeconds = (performance.now() - started) / 1000;
  const thresholds = bucketThresholds(api.bucketOf, B);
  const rollups = await buildRollups(db, slug, thresholds, B);
  await analyze(db);
  // The rollup answer must be the raw rows' (counts equal, percentiles in the exact one's bucket) before it is timed.
  const raw = await rawAnswer(db, slug, window, api);
  const rollup = await rollupAnswer(db, slug, window, api, SQL.days(B));
  const { problems, worst } = compareAnswers(raw.figures, rollup.figures, api);
  if (problems.length > 0) {
    throw new Error(`with the window's runs only, the rollups and the raw rows disagree:\n  ${problems.slice(0, 20).join('\n  ')}`);
  }
  say(`history: ${recent.toLocaleString('en-US')} runs in the window, rolled up and checked`);
  const step = `${recent.toLocaleString('en-US')} runs in the window + ${lead.toLocaleString('en-US')} the day before: INSERT … SELECT ${insertSeconds.toFixed(1)} s, minute rollups (and hours, by the trigger) ${rollups.seconds.toFixed(1)} s`;
  return { recent, lead, leadFrom, recentRows, thresholds, worst, rawMs: raw.ms, steps: [step] };
}

/** Step 2, in a copy of step 1's database: nine months more before the window's lead-in day. */
export async function addHistory({ db, api, window, slug, settings, say, built }) {
  const B = api.HISTOGRAM_BUCKETS;
  const olderTo = built.leadFrom - LONGEST_MS;
  const olderFrom = olderTo - OLDER_DAYS * DAY;
  const olderRows = settings.runs - built.recentRows - built.lead;
  say(`history: inserting ${olderRows.toLocaleString('en-US')} runs over the ${OLDER_DAYS} days before the window, in a copy of the database…`);
  let started = performance.now();
  const older = await insertRuns(db, {
    slug,
    prefix: 'o',
    from: olderFrom,
    counts: perMinute(olderFrom, olderTo, olderRows),
    now: window.to,
    seed: settings.seed + 1,
    longestMs: LONGEST_MS,
  });
  const insertSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  await db.query('ALTER TABLE run_rollup_minute DISABLE TRIGGER run_rollup_minute_to_hour');
  try {
    await buildRollups(db, slug, built.thresholds, B, { before: new Date(built.leadFrom) });
  } finally {
    await db.query('ALTER TABLE run_rollup_minute ENABLE TRIGGER run_rollup_minute_to_hour');
  }
  await hoursFromMinutes(db, slug, built.leadFrom, B);
  const rollupSeconds = (performance.now() - started) / 1000;
  await analyze(db);
  const step = `+${older.toLocaleString('en-US')} runs: INSERT … SELECT ${insertSeconds.toFixed(1)} s, minute rollups then hours summed from them ${rollupSeconds.toFixed(1)} s`;
  return { older, olderFrom, olderTo, step };
}

/**
 * Step 3: both databases side by side (`sides.small`, `sides.large`: { db, direct }, `direct` the
 * api's own KpisService on a pool, graphql.mjs directKpis): every figure the same, then each way
 * timed on both, interleaved, so that the machine's load drifts alike for both sizes.
 */
export async function compareSizes({ sides, api, window, slug, trendKpi, settings, summarizePlan, say }) {
  const B = api.HISTOGRAM_BUCKETS;
  const range = { last: '30d' };
  const nowDate = new Date(window.to);
  const waysOf = ({ db, direct }) => ({
    question: () => rollupAnswer(db, slug, window, api, SQL.days(B)),
    automationKpis: () => direct.service.automationKpis(slug, range, nowDate),
    kpiTrend: () => direct.service.kpiTrend(slug, trendKpi, range, 'day', nowDate),
  });
  // Every figure must stay the same: each KPI's "after" value and each trend point.
  const reportFigures = (reports) => reports.map((r) => [r.kpi.name, r.after.value, r.after.measurements, r.comparison.delta]);
  const answers = async (ways) => ({
    question: (await ways.question()).figures,
    automationKpis: JSON.stringify(reportFigures(await ways.automationKpis())),
    kpiTrend: JSON.stringify(await ways.kpiTrend().then((t) => [reportFigures([t.report]), t.points])),
  });
  const small = waysOf(sides.small);
  const large = waysOf(sides.large);
  const [a, b] = [await answers(small), await answers(large)];
  const again = compareAnswers(a.question, b.question, api);
  const differences = [...again.problems, firstDifference('automationKpis', a.automationKpis, b.automationKpis), firstDifference('kpiTrend', a.kpiTrend, b.kpiTrend)].filter(
    Boolean,
  );
  if (differences.length > 0) {
    throw new Error(`the window's answer changed when history was added before it:\n  ${differences.join('\n  ')}`);
  }
  say('history: timing both sizes, interleaved…');
  const ways = {};
  for (const name of Object.keys(small)) {
    ways[`small:${name}`] = small[name];
    ways[`large:${name}`] = large[name];
  }
  const samples = await timeWays(ways, settings);
  const at = async (side, size) => ({
    sizes: await sizes(side.db),
    explain: await explainHours(side.db, slug, window, B, summarizePlan),
    samples: Object.fromEntries(Object.keys(small).map((name) => [name, samples[`${size}:${name}`]])),
  });
  return { atSmall: await at(sides.small, 'small'), atLarge: await at(sides.large, 'large') };
}

const TARGET_GROWTH = 1.2;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The history part's report, on stdout. */
export function printHistory({ history, window, settings, postgresVersion, pgSettings, loadAtStart, loadAtEnd, slug, trendKpi }) {
  const num = (value, digits = 0) => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const ms = (value) => `${num(value, value < 10 ? 2 : 1)} ms`;
  const mib = (bytes) => `${num(bytes / 1024 / 1024)} MiB`;
  const iso = (at) => new Date(at).toISOString();
  const { atSmall, atLarge } = history;
  const steps = [...history.steps, history.added.step];
  const out = [];
  out.push('Roundhouse dashboard benchmark, history part (bench/dashboard/history.mjs)');
  out.push(
    `  dataset  : ${slug}; small: ${num(history.recent)} attempt rows started over the 30 days up to ${iso(window.to)} and ${num(history.lead)} the day before; large: the same plus ${num(history.added.older)} over the ${OLDER_DAYS} days`,
  );
  out.push(
    `             [${iso(history.added.olderFrom)}, ${iso(history.added.olderTo)}) in a copy of the small database (ten months at the same rate and working-day rhythm), generated set-based in SQL, seed ${settings.seed}`,
  );
  for (const step of steps) {
    out.push(`             ${step}`);
  }
  for (const [label, at] of [
    ['small', atSmall],
    ['large', atLarge],
  ]) {
    out.push(
      `  ${label.padEnd(9)}: run ${num(at.sizes.runs)} rows (${mib(at.sizes.runBytes)}), run_rollup_minute ${num(at.sizes.minutes)} rows (${mib(at.sizes.minuteBytes)}), run_rollup_hour ${num(at.sizes.hours)} rows (${mib(at.sizes.hourBytes)})`,
    );
    out.push(`             the question's plan: ${at.explain.summary}; ${num(at.explain.buffers)} buffers; server ${ms(at.explain.executionMs)}`);
  }
  out.push(
    `  question : the 30-day dashboard over [${iso(window.from)}, ${iso(window.to)}) asked three ways: the bench's hand-written question over run_rollup_day + hours + edge minutes (a comparison, not judged),`,
  );
  out.push(
    `             and the api's own automationKpis and kpiTrend(${trendKpi}, day) SQL (KpisService on a pg pool of 2, apps/api/dist: the judged ways). Checked first: small, the rollup answer agrees with the raw rows`,
  );
  out.push(
    `             (largest percentile difference ${num(history.worst.relative * 100, 2)} %), and large, every answer is the same as small. ${settings.warmup} warm-up + ${settings.repeats} timed each, both sizes interleaved (two databases on one server).`,
  );
  out.push(
    `  machine  : Node ${process.version}, PostgreSQL ${postgresVersion} (${pgSettings.map((s) => `${s.name} ${s.setting}${s.unit ?? ''}`).join(', ')}); load average ${num(loadAtStart, 2)} at start, ${num(loadAtEnd, 2)} at the end`,
  );
  out.push(`    way                     small p50       min   large p50       min   large ÷ small (medians; ${num(atLarge.sizes.runs)} ÷ ${num(atSmall.sizes.runs)} runs)`);
  for (const name of Object.keys(atSmall.samples)) {
    const [a, b] = [atSmall.samples[name], atLarge.samples[name]];
    const ratio = median(b) / median(a);
    const label = name === 'question' ? 'mirror (comparison)' : name === 'kpiTrend' ? 'kpiTrend (day)' : name;
    out.push(
      `    ${label.padEnd(22)} ${ms(median(a)).padStart(11)} ${ms(Math.min(...a)).padStart(9)} ${ms(median(b)).padStart(11)} ${ms(Math.min(...b)).padStart(9)}   ${num(ratio, 2)}  ${
        name === 'question' ? "(the bench's hand-written question, not judged)" : `target ≤ ${TARGET_GROWTH}: ${ratio <= TARGET_GROWTH ? 'met' : 'NOT met'}`
      }`,
    );
  }
  out.push(`    (the raw rows answered the small window in ${ms(history.rawMs)}, once, for scale)`);
  process.stdout.write(`${out.join('\n')}\n`);
}

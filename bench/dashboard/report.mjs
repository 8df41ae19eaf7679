// What the benchmark prints: the dataset, the answer both ways, the times and ratios, the GraphQL part.
import { cpus } from 'node:os';

/** The issue's targets (issue 18): raw ÷ rollups ≥ 1,000×, GraphQL ÷ SQL ≤ 1.5. */
export const TARGET_RATIO = 1000;
export const TARGET_GRAPHQL = 1.5;
const MIB = 1024 * 1024;

const num = (value, digits = 0) => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const ms = (value) => `${num(value, value < 10 ? 2 : value < 1000 ? 1 : 0)} ms`;
const pct = (part, whole) => `${num((100 * part) / whole, 2)}%`;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function duration(msValue) {
  if (msValue === null || msValue === undefined) {
    return '—';
  }
  const seconds = msValue / 1000;
  return seconds < 60 ? `${num(seconds, 1)} s` : `${Math.floor(seconds / 60)} min ${num(seconds % 60, 0).padStart(2, '0')} s`;
}

function describe({ settings, loaded, window, question, postgresVersion, pgSettings, loadAtStart, slug }) {
  const cpu = cpus();
  const c = loaded.counts;
  const statuses = ['succeeded', 'retrying', 'failed', 'dead_lettered', 'running'].map((s) => `${s} ${pct(c.status[s] ?? 0, c.rows)}`).join(', ');
  const mib = (bytes) => `${num(Number(bytes) / MIB)} MiB`;
  const pgs = pgSettings.map((s) => `${s.name} ${s.setting}${s.unit ?? ''}`).join(', ');
  return [
    '',
    'Roundhouse dashboard benchmark (bench/dashboard)',
    `  dataset  : ${num(c.rows)} runs (rows of \`run\`: ${num(c.runs)} runs and their retries) of ${slug} started over the ${(window.to - window.from) / 86_400_000} days up to ${new Date(window.to).toISOString()}, seed ${settings.seed};`,
    `             working-day rhythm, month-end peaks, ${loaded.incidents.length} incidents (25 min – 3 h); ${statuses}; ${pct(c.manualTouches, c.rows)} touched by hand;`,
    `             durations log-normal (median 150 s, spread 0.75; 380 s in incidents), time-outs at 30 s; ${num(loaded.measurementRows)} KPI measurements (${loaded.measured.join(', ') || 'none'}, every 15 min)`,
    `  loaded   : generated and streamed into COPY run (12 columns, 3 indexes) in ${num(loaded.copySeconds, 1)} s (${num(loaded.generatingSeconds, 1)} s of it generating); run_rollup_minute built from the rows with SQL in ${num(loaded.rollups.seconds, 1)} s` +
      ` (${num(loaded.rollups.minutes)} minutes, the api's duration buckets, totals checked against the generator's bucketOf counts);`,
    `             ${loaded.hourly.api ? `run_rollup_hour filled by the api's trigger on that INSERT: ${num(loaded.hourly.hours)} hours` : `no run_rollup_hour in this api: bench_rollup_hour summed from the minutes (${num(loaded.hourly.hours)} hours, ${num(loaded.hourly.seconds, 1)} s)`}` +
      (loaded.hourly.days === null
        ? ';'
        : `, run_rollup_day by the same trigger for the days before its sealed mark (${new Date(loaded.hourly.days.through).toISOString()}): ${num(loaded.hourly.days.rows)} days;`),
    `             VACUUM ANALYZE ${num(loaded.vacuumSeconds, 1)} s, CHECKPOINT ${loaded.checkpoints ? 'yes' : 'no (needs a superuser)'}; run ${mib(loaded.sizes.run_bytes)} (indexes ${mib(loaded.sizes.run_index_bytes)}), run_rollup_minute ${mib(loaded.sizes.rollup_bytes)}`,
    `  question : the automation's 30-day dashboard, window [${new Date(window.from).toISOString()}, ${new Date(window.to).toISOString()}) by finished_at: KPI "after" values (cycle time p50 and p95, error rate,`,
    `             manual touches and throughput per day, the mean of each measurement KPI), the success-rate SLO (${window.sloName ?? 'success rate'}, ${window.sloObjective} %) over the window, and a daily trend (one point`,
    `             per UTC day the window touches, 31, the first and last partial, as kpiTrend cuts them: runs ended, failed, touched, p50, p95, measurement means).`,
    `             Raw: one GROUP BY GROUPING SETS ((day), ()) over \`run\` with percentile_disc (exact, nearest rank).`,
    `             The api (judged): its own KpisService and KpisRepository from apps/api/dist on a pool of 2 with its session options: automationKpis(30d), then kpiTrend(day),`,
    `             the statements the api sends (KPI_SQL.series; series and trends side by side), KPI values and trend points from the api's own code.`,
    `             Bench mirrors (comparison only, not the api's SQL): one GROUP BY day over the rollup rows, the 30-day total summed from the days, percentiles with the api's percentile();`,
    `             the measurement KPIs' means from kpi_measurement in the same statement (one round trip), the SLO through the api's errorBudget. Every way timed from the query to the figures.`,
    `  repeats  : ${settings.warmup} warm-up + ${settings.repeats} timed per way, the ${question.ways.length} ways interleaved (rotating which goes first); medians below.`,
    `  machine  : ${cpu.length} CPUs (${cpu[0]?.model.trim() ?? 'unknown'}), Node ${process.version}, PostgreSQL ${postgresVersion} (${pgs}); load average ${num(loadAtStart, 2)} at start`,
  ];
}

/** The way the target judges: the api's own statements. */
const JUDGED = 'api';
/** The bench's one-statement mirror whose figures cover the whole question (the table below): days + hours + edge minutes when the api keeps daily rollups. */
const mirror = (question) => (question.answer.days === undefined ? 'hours' : 'days');

function answerTable({ question, api }) {
  const raw = question.answer.raw;
  const rollup = question.answer[mirror(question)];
  const rel = (a, b) => (a === null || b === null ? '' : ` (${b >= a ? '+' : ''}${num((100 * (b - a)) / a, 1)} %)`);
  const rows = [
    ['cycle time p50', duration(raw.kpis.cycleTimeP50Ms), `${duration(rollup.kpis.cycleTimeP50Ms)}${rel(raw.kpis.cycleTimeP50Ms, rollup.kpis.cycleTimeP50Ms)}`],
    ['cycle time p95', duration(raw.kpis.cycleTimeP95Ms), `${duration(rollup.kpis.cycleTimeP95Ms)}${rel(raw.kpis.cycleTimeP95Ms, rollup.kpis.cycleTimeP95Ms)}`],
    ['error rate', `${num(raw.kpis.errorRatePercent, 3)} %`, `${num(rollup.kpis.errorRatePercent, 3)} %`],
    ['manual touches per day', num(raw.kpis.manualTouchesPerDay, 1), num(rollup.kpis.manualTouchesPerDay, 1)],
    ['throughput per day', num(raw.kpis.throughputPerDay, 1), num(rollup.kpis.throughputPerDay, 1)],
    ...Object.keys(raw.kpis)
      .filter((k) => k.startsWith('measured:'))
      .map((k) => [`${k.slice(9)} (mean)`, raw.kpis[k] === null ? '—' : num(raw.kpis[k], 2), rollup.kpis[k] === null ? '—' : num(rollup.kpis[k], 2)]),
    ['success-rate SLO attainment', `${num(raw.slo.attainmentPercent, 3)} % (${num(raw.slo.good)} of ${num(raw.slo.total)})`, `${num(rollup.slo.attainmentPercent, 3)} %`],
    ['error budget remaining', `${num(raw.slo.budgetRemainingPercent, 1)} %`, `${num(rollup.slo.budgetRemainingPercent, 1)} %`],
  ];
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length), ['', 'raw rows (exact)', 'rollups'][i].length));
  const format = (cells) => `    ${cells[0].padEnd(widths[0])}  ${cells[1].padStart(widths[1])}  ${cells[2].padStart(widths[2])}`.trimEnd();
  const worst = question.agreement[mirror(question)];
  const apiWorst = question.agreement[JUDGED];
  const apiAnswer = question.answer[JUDGED];
  const apiValue = (r) => (r.value === null ? '—' : `${num(r.value, 3)} ${r.unit}`);
  const busiest = raw.trend.reduce((a, b) => (b.ended > a.ended ? b : a));
  const quietest = raw.trend.reduce((a, b) => (b.ended < a.ended ? b : a));
  return [
    '',
    `  the answer (rollups: ${question.ways.find((w) => w.name === mirror(question)).label}, the bench's statement for the whole question, checked; the api's own figures below):`,
    format(['', 'raw rows (exact)', 'rollups']),
    ...rows.map(format),
    `    daily trend: ${raw.trend.length} points, ${num(quietest.ended)} to ${num(busiest.ended)} runs ended a day; p95 from ${duration(Math.min(...raw.trend.map((p) => p.p95 ?? Infinity)))} to ${duration(Math.max(...raw.trend.map((p) => p.p95 ?? 0)))}`,
    `  agreed   : every count, rate, per-day figure, SLO figure and measurement mean equal; every percentile (30 days and each day) in the same duration bucket as the exact one,`,
    `             so within the histogram's ${num(100 * api.HISTOGRAM_RELATIVE_ERROR, 2)} % (bucket middle vs exact value); largest difference seen ${num(100 * worst.relative, 2)} % (${worst.where}). The ${question.ways.length - 2} mirror ways gave the same figures.`,
    `  the api  : its KpisService (apps/api/dist) on a pool of 2 with the api's session options: automationKpis(30d) ${apiAnswer.reports.map((r) => `${r.name} ${apiValue(r)}`).join(', ')};`,
    `             kpiTrend(${apiAnswer.trend.name}, day) ${apiAnswer.trend.points.length} points. Checked against raw: each KPI's after value and every trend point the same figure as raw's`,
    `             (counts and means equal, percentiles in the exact one's duration bucket; largest percentile difference ${num(100 * apiWorst.relative, 2)} %, ${apiWorst.where}).`,
    `             Not asked of the api (it answers them from the same series row, no other statement): p95, error rate, throughput, SLO, the other trend figures.`,
  ];
}

function timingTable({ question, questionCpu }) {
  const head = ['way', 'median', 'min', 'max', 'server (EXPLAIN ANALYZE)', 'plan'];
  const lines = question.ways.map((way) => {
    const samples = question.samples[way.name];
    const plan = question.explains[way.name];
    return [way.label, ms(median(samples)), ms(Math.min(...samples)), ms(Math.max(...samples)), ms(plan.executionMs), plan.summary];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells) => `    ${cells.map((c, i) => (i === 0 || i === 5 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')}`.trimEnd();
  const raw = median(question.samples.raw);
  const ratio = (name) => raw / median(question.samples[name]);
  const target = JUDGED;
  const judgedRatio = ratio(target);
  const label = (name) => question.ways.find((w) => w.name === name).label;
  const width = Math.max(...question.ways.slice(1).map((w) => w.label.length));
  return [
    '',
    '  times (whole answer, from the query to the figures):',
    format(head),
    ...lines.map(format),
    `    raw ÷ ${label(target).padEnd(width)} : ${num(judgedRatio, 1).padStart(7)}×   target ≥ ${num(TARGET_RATIO)}×: ${judgedRatio >= TARGET_RATIO ? 'met' : 'NOT met'}` +
      `  (the statements the api sends: KPI_SQL.series, KPI_SQL.trends via its KpisService, timed from the first query to the figures)`,
    ...(mirror(question) === 'days'
      ? [`    raw ÷ ${label('days').padEnd(width)} : ${num(ratio('days'), 1).padStart(7)}×   (comparison only: the bench's own statement, not what the api sends)`]
      : []),
    `    raw ÷ ${label('hours').padEnd(width)} : ${num(ratio('hours'), 1).padStart(7)}×   (comparison only: whole hours, no days)`,
    `    raw ÷ ${label('minutes').padEnd(width)} : ${num(ratio('minutes'), 1).padStart(7)}×   (43,200 minute rows for 30 days, histograms summed one sum() per bucket)`,
    `    raw ÷ ${label('intArraySum').padEnd(width)} : ${num(ratio('intArraySum'), 1).padStart(7)}×   (the same rows through the int_array_sum aggregate of the first telemetry migration)`,
    `    PostgreSQL backends of the bench database used ${questionCpu.postgres === undefined ? 'n/a' : `${num(questionCpu.postgres / questionCpu.wall, 2)} cores`} over the ${num(questionCpu.wall, 1)} s of this part.`,
  ];
}

/** CPU per request, each way: where a request's time goes when it is not waiting. */
function cpuLines(graphql) {
  if (graphql.emptyCpu === undefined) {
    return [];
  }
  const cpu = (value) => (value === undefined ? '?' : ms(value));
  const graphqlCpu = (c) => `api ${cpu(c.api)} + PostgreSQL ${cpu(c.postgres)}`;
  return [
    `    CPU per request (${num(graphql.cpuRequests)} requests in a row each way; /proc, all backends of the bench database; the bench's own client side left out):`,
    ...graphql.results.map(
      (r) =>
        `      ${r.name.padEnd(16)} GraphQL: ${graphqlCpu(r.cpu.graphql)}   SQL: this process ${cpu(r.cpu.sql.bench)} + PostgreSQL ${cpu(r.cpu.sql.postgres)}   PostgreSQL GraphQL − SQL: ${r.cpu.graphql.postgres === undefined || r.cpu.sql.postgres === undefined ? '?' : ms(r.cpu.graphql.postgres - r.cpu.sql.postgres)}`,
    ),
    `      ${'empty request'.padEnd(16)} GraphQL: ${graphqlCpu(graphql.emptyCpu)}`,
  ];
}

function graphqlPart({ graphql, slug, trendKpi, persona, memory, apiProblems, loadAtEnd }) {
  if (graphql.skipped !== undefined) {
    return ['', `  GraphQL  : not measured: ${graphql.skipped}.`, `  load average ${num(loadAtEnd, 2)} at the end`];
  }
  const head = ['query', 'GraphQL p50', 'min', 'SQL p50', 'min', 'GraphQL − SQL', 'GraphQL ÷ SQL'];
  const lines = graphql.results.map((r) => [
    r.name,
    ms(median(r.samples.graphql)),
    ms(Math.min(...r.samples.graphql)),
    ms(median(r.samples.sql)),
    ms(Math.min(...r.samples.sql)),
    ms(median(r.samples.graphql) - median(r.samples.sql)),
    `${num(r.ratio, 2)}  target ≤ ${TARGET_GRAPHQL}: ${r.ratio <= TARGET_GRAPHQL ? 'met' : 'NOT met'}`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells) => `    ${cells.map((c, i) => (i === 0 || i === 6 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')}`.trimEnd();
  const samples = graphql.results[0].samples.graphql.length;
  return [
    '',
    `  GraphQL  : automationKpis(slug: "${slug}", range: {last: "30d"}) (all KpiReport fields) and kpiTrend(slug, kpi: "${trendKpi}", range, interval: day) through POST /graphql`,
    `             as ${persona} (viewer), one keep-alive connection, timed from the request to the whole answer; against the same SQL straight against PostgreSQL: the api's own`,
    `             KpisService and KpisRepository (apps/api/dist/kpis) on a plain pg pool of 2 in this process, so the same statements (${graphql.results.map((r) => `${r.name}: ${r.statements.join(' → ')}`).join('; ')}),`,
    `             trends side by side with series as the service runs them, timed to the figures. Left out: HTTP, GraphQL, Nest, TypeORM, session check.`,
    `             ${samples} timed requests each way after warm-up, interleaved. Checked first: ${graphql.checked}.`,
    format(head),
    ...lines.map(format),
    `    an empty request ({ __typename }, same connection and session) takes ${ms(graphql.floorMs)} (median): what any GraphQL request costs here before it asks anything.`,
    ...(graphql.roundTripMs === undefined
      ? []
      : [
          `    a bare round trip to PostgreSQL (SELECT on a listening connection, as the api's change-feed catch-up) takes ${ms(graphql.roundTripMs)} (median, interleaved with the empty requests).`,
        ]),
    ...cpuLines(graphql),
    `  api      : ${memory === undefined ? '' : `RSS ${num(memory.current / MIB, 1)} MiB (peak ${num(memory.peak / MIB, 1)} MiB); `}warnings and errors logged while serving: ${apiProblems}; load average ${num(loadAtEnd, 2)} at the end`,
  ];
}

export function printReport(context) {
  process.stdout.write(`${[...describe(context), ...answerTable(context), ...timingTable(context), ...graphqlPart(context)].join('\n')}\n`);
}

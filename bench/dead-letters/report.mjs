// What the benchmark prints: how it measured, the table, the plans, where CPU went.
import { cpus } from 'node:os';
import { AUTOMATIONS } from './dataset.mjs';
import { PAGE } from './listings.mjs';

export const TARGET = 1.5;
const MIB = 1024 * 1024;

const num = (value, digits = 0) => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const ms = (value) => `${num(value, value < 10 ? 2 : 1)} ms`;
const pct = (part, whole) => `${num((100 * part) / whole, 1)}%`;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function p95(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)] ?? 0;
}

function describe({ settings, loaded, held, sessionOptions, results, postgresVersion, loadAtStart, persona }) {
  const cpu = cpus();
  const statuses = Object.entries(loaded.counts.status)
    .sort(([, a], [, b]) => b - a)
    .map(([s, n]) => `${s} ${pct(n, settings.rows)}`)
    .join(', ');
  const automations = Object.keys(AUTOMATIONS)
    .map((a) => `${a} ${pct(loaded.counts.automation[a] ?? 0, settings.rows)}`)
    .join(', ');
  const mib = (bytes) => `${num(Number(bytes) / MIB)} MiB`;
  return [
    '',
    'Roundhouse dead-letter list benchmark (bench/dead-letters)',
    `  dataset  : ${num(settings.rows)} dead letters over the last 30 days (steady background with a working-day rhythm + ${loaded.incidents} incidents), seed ${settings.seed}: ${automations};`,
    `             ${loaded.groups} error fingerprints; stored ${statuses}; payload ${num(loaded.sizes.payload_bytes)} bytes on average (bytea); unique (automation, queue, message id)`,
    `  loaded   : COPY dead_letter (19 columns) FROM STDIN in ${num(loaded.copySeconds, 1)} s (generation streamed into it, ${loaded.indexes.length} indexes maintained), VACUUM ANALYZE ${num(loaded.vacuumSeconds, 1)} s, CHECKPOINT ${loaded.checkpoints ? 'yes' : 'no (needs a superuser)'};` +
      ` table ${mib(loaded.sizes.table_bytes)}, indexes ${mib(loaded.sizes.index_bytes)}`,
    `  ledger   : a finished request (done) over a tenth of the older dead letters (actionable, last failure over 7 days ago): ${num(loaded.finished.total)} items, ` +
      `${num(loaded.finished.total - loaded.finished.acknowledged)} succeeded (dead letters stored resolved), ${num(loaded.finished.acknowledged)} acknowledged (read reprocessed); written in ${num(loaded.ledgerSeconds, 1)} s`,
    held === undefined
      ? '  held     : none (BENCH_HELD=0)'
      : `  held     : after the listings above, an open request (running, items queued) takes the newest ${num(held.total)} pending dead letters with the snapshot's INSERT … SELECT in ${num(held.seconds, 1)} s` +
        ' (then ANALYZE reprocess_item, as the api does); they read reprocessing, so the pending listings "… held" walk over them',
    `  pages    : deadLetters(filter, first: ${PAGE}, after) through POST /graphql as ${persona} (operator), one keep-alive connection, one request at a time; timed from the request to the whole answer.`,
    `             first page: no cursor. last page: after the cursor of row N − ${PAGE} of the listing (newest first), found with SQL and encoded as the api's encodeCursor does`,
    `             (checked: the api's own endCursor of the page before it is that cursor), so it returns the listing's last ${PAGE} rows with hasNextPage false.`,
    `  baseline : the api's listing SQL (same text and parameters, LIMIT ${PAGE + 1}) on one connection from this process with the api's session options (${sessionOptions ?? 'none'}),` +
      ' timed to the rows parsed: what PostgreSQL needs for the same page.',
    `  repeats  : ${settings.warmup} warm-up + ${settings.repeats} timed requests per page and way, first and last interleaved (alternating which goes first); medians and p95 below.`,
    `  machine  : ${cpu.length} CPUs (${cpu[0]?.model.trim() ?? 'unknown'}), Node ${process.version}, PostgreSQL ${postgresVersion}, shared by the api, PostgreSQL and the benchmark; load average ${num(loadAtStart, 2)} at start`,
    `  listings : ${results.map((r) => r.name).join('; ')}`,
  ];
}

function table({ results }) {
  const head = ['listing', 'rows', 'page', 'GraphQL p50', 'p95', 'SQL p50', 'p95', 'GraphQL − SQL (p50)'];
  const lines = [];
  for (const r of results) {
    for (const page of ['first', 'last']) {
      const api = r.samples.api[page];
      const sql = r.samples.sql[page];
      lines.push([
        page === 'first' ? r.name : '',
        page === 'first' ? num(r.count) : '',
        page,
        ms(median(api)),
        ms(p95(api)),
        ms(median(sql)),
        ms(p95(sql)),
        ms(median(api) - median(sql)),
      ]);
    }
    lines.push(['', '', 'last ÷ first', num(r.ratio, 2), '', num(r.sqlRatio, 2), '', `target ≤ ${TARGET}: ${r.ratio <= TARGET ? 'met' : 'NOT met'}`]);
  }
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells) => `  ${cells.map((c, i) => (i <= 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')}`.trimEnd();
  return ['', format(head), ...lines.map(format)];
}

function details({ results, held, cpu, memory, apiProblems, loadAtEnd }) {
  const cores = (seconds) => (seconds === undefined ? 'n/a' : `${num(seconds / cpu.wall, 2)} cores`);
  const elsewhere = cpu.machine === undefined || cpu.api === undefined || cpu.postgres === undefined ? undefined : Math.max(0, cpu.machine - cpu.api - cpu.postgres - cpu.bench);
  const lines = ['', "  server side (EXPLAIN ANALYZE of the api's SQL, once after the timed requests):"];
  for (const r of results) {
    for (const page of ['first', 'last']) {
      const plan = r.plans[page];
      lines.push(`    ${`${r.name}, ${page}`.padEnd(52)} ${ms(plan.executionMs).padStart(9)} (planning ${ms(plan.planningMs)}): ${plan.summary}`);
    }
  }
  lines.push(
    '',
    `  answers  : ${results.map((r) => `${r.name} ${num(r.bytes.first / 1024, 1)} / ${num(r.bytes.last / 1024, 1)} KiB`).join('; ')} (first / last page)`,
    `  CPU      : over the ${num(cpu.wall, 1)} s of requests, api ${cores(cpu.api)}, PostgreSQL backends (the api's pool and the baseline's connection) ${cores(cpu.postgres)}, benchmark ${cores(cpu.bench)}, ` +
      `anything else (other processes, PostgreSQL's background workers, the kernel) ${cores(elsewhere)}; load average ${num(loadAtEnd, 2)} at the end. When "anything else" is high, the times are noisy.`,
    `  api      : peak RSS ${memory === undefined ? 'n/a' : `${num(memory.peak / MIB, 1)} MiB (${num(memory.atStart / MIB, 1)} MiB after start-up)`}; warnings and errors logged while serving: ${apiProblems}`,
    `  verified : every listing's first and last page (and the page before the last) from the api had the SQL's ${PAGE} ids in the SQL's order and its hasNextPage; every timed answer had ${PAGE} edges` +
      (held === undefined ? '' : `; the pending listing lost exactly the ${num(held.total)} held dead letters`),
  );
  return lines;
}

function plans({ settings, results }) {
  // Also the held listings: their first page is the one that walks over the held dead letters, which last ÷ first does not show.
  const shown = results.filter((r) => settings.explainAll || r.ratio > TARGET || r.sqlRatio > TARGET || r.held !== undefined);
  const lines = [];
  for (const r of shown) {
    for (const page of ['first', 'last']) {
      lines.push(
        '',
        `EXPLAIN (ANALYZE, BUFFERS), ${r.name}, ${page} page${page === 'last' ? ` (after ${new Date(r.lastAfter.lastFailedAt).toISOString()}, id ${r.lastAfter.id})` : ''}:`,
        ...r.plans[page].text.split('\n').map((l) => `  ${l}`),
      );
    }
  }
  return lines;
}

export function printReport(context) {
  process.stdout.write(`${[...describe(context), ...table(context), ...details(context), ...plans(context)].join('\n')}\n`);
}

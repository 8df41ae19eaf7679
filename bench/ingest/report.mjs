// What the benchmark prints: how it measured, the table, each repeat, where CPU went.
import { cpus } from 'node:os';
import { profileLines } from '../common/cpu-profile.mjs';
import { OUTCOME_SHARES, statusCounts } from './workload.mjs';

const MIB = 1024 * 1024;

const num = (value, digits = 0) => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

/** Sum of one CPU reading over the repeats; undefined when any repeat could not read it. */
function total(repeats, key) {
  const values = repeats.map((r) => r.cpu[key]);
  return values.includes(undefined) ? undefined : values.reduce((a, b) => a + b, 0);
}

function rates(workload, repeat) {
  const runsPerSecond = workload.rows.length / repeat.ingest.seconds;
  const copyPerSecond = repeat.copy.rows / repeat.copy.seconds;
  return { eventsPerSecond: repeat.ingest.sentEvents / repeat.ingest.seconds, runsPerSecond, copyPerSecond, ratio: runsPerSecond / copyPerSecond };
}

function describe({ settings, workload, checkpoints, loadAtStart, path, sentEvents }) {
  const counts = statusCounts(workload.rows);
  const cpu = cpus();
  return [
    '',
    'Roundhouse ingest benchmark (bench/ingest)',
    `  workload : ${num(workload.rows.length)} attempts of ${workload.automations.join(', ')} started over the last ${settings.hours} h, seed ${settings.seed}: ` +
      `${num(counts.succeeded ?? 0)} succeeded, ${num(counts.retrying ?? 0)} retrying (each followed by the next attempt), ${num(counts.failed ?? 0)} failed ` +
      `(shares ${OUTCOME_SHARES.succeeded} / ${OUTCOME_SHARES.retrying} / ${OUTCOME_SHARES.failed}); events in time order, so some attempts start in one request and end in another`,
    `  ingest   : ${settings.clients} concurrent keep-alive clients, each POSTing the next gzip'd JSON body of up to ${settings.batchSize} events to ${path}; timed from the first request to the last answer.`,
    settings.shape === 'sdk'
      ? `             Requests cut as the SDK cuts them (BENCH_EVENTS=sdk): an attempt whose start and end fall into one request is one \`run\` event; ${num(workload.events.length)} reported events went out as ${num(sentEvents)}.`
      : `             Every event sent as reported, start and end apart (BENCH_EVENTS=v1): ${num(sentEvents)} events.`,
    '             Per attempt the api writes one run row (its start and end each recorded once on it), and its share of the per-minute rollups and of automation activity.',
    `  baseline : TRUNCATE run, then one COPY run (12 columns) FROM STDIN of the same rows (text format, one connection), timed from its start to CommandComplete.`,
    `  same     : database, table, indexes (primary key + 3), server and machine; the api idle during the COPY; CHECKPOINT before each phase: ${checkpoints ? 'yes' : 'no (needs a superuser)'}; ` +
      `${settings.repeats} repeat${settings.repeats === 1 ? '' : 's'} of both phases, medians below`,
    `  machine  : ${cpu.length} CPUs (${cpu[0]?.model.trim() ?? 'unknown'}), Node ${process.version}, shared by the api, PostgreSQL and the clients; load average ${num(loadAtStart, 2)} at start`,
  ];
}

function table({ settings, workload, batches, repeats, memory, postgresVersion, sentEvents }) {
  const each = repeats.map((repeat) => rates(workload, repeat));
  const ratio = median(each.map((r) => r.ratio));
  const gz = batches.reduce((s, b) => s + b.body.length, 0) / batches.length / 1024;
  const json = batches.reduce((s, b) => s + b.jsonBytes, 0) / batches.length / 1024;
  const rows = [
    ['ingest events/s', num(median(each.map((r) => r.eventsPerSecond)))],
    ['ingest runs/s (run rows/s)', num(median(each.map((r) => r.runsPerSecond)))],
    ['COPY rows/s', num(median(each.map((r) => r.copyPerSecond)))],
    ['ratio (ingest runs/s ÷ COPY rows/s)', `${num(ratio, 3)}${repeats.length > 1 ? `  (repeats: ${each.map((r) => num(r.ratio, 3)).join(', ')})` : ''}`],
    ['target ratio', `≥ 0.5  ${ratio >= 0.5 ? 'met' : 'NOT met'}`],
    ['api peak RSS (VmHWM)', memory === undefined ? 'n/a (no /proc)' : `${num(memory.peak / MIB, 1)} MiB (${num(memory.atStart / MIB, 1)} MiB after start-up)`],
    ['N (run rows = attempts)', `${num(workload.rows.length)} (${num(workload.events.length)} events reported, ${num(sentEvents)} sent, ${num(workload.runs)} runs)`],
    ['clients', num(settings.clients)],
    ['batch size (events/request)', `${num(settings.batchSize)} (${batches.length} requests per repeat, ${num(gz, 1)} KiB gzip'd of ${num(json, 1)} KiB JSON each)`],
    ['PostgreSQL', postgresVersion],
  ];
  const width = Math.max(...rows.map(([key]) => key.length));
  return ['', ...rows.map(([key, value]) => `  ${key.padEnd(width)}  ${value}`)];
}

function details({ workload, repeats, verified, apiProblems }) {
  const attempts = workload.rows.length * repeats.length;
  const ingestSeconds = repeats.reduce((s, r) => s + r.ingest.seconds, 0);
  const copySeconds = repeats.reduce((s, r) => s + r.copy.seconds, 0);
  const cpu = Object.fromEntries(['api', 'postgres', 'clients', 'machine', 'copy', 'copyMachine'].map((key) => [key, total(repeats, key)]));
  const ingestCpu = cpu.api === undefined || cpu.postgres === undefined ? undefined : cpu.api + cpu.postgres;
  const elsewhere = cpu.machine === undefined || ingestCpu === undefined ? undefined : Math.max(0, cpu.machine - ingestCpu - cpu.clients);
  const cores = (seconds, wall) => (seconds === undefined ? 'n/a' : `${num(seconds / wall, 2)} cores`);
  const perThousand = (seconds) => (seconds === undefined ? 'n/a' : `${num((seconds / attempts) * 1e6)} ms`);
  const latencies = repeats.flatMap((r) => r.ingest.latencies).sort((a, b) => a - b);
  const retries = repeats.reduce((s, r) => s + r.ingest.totals.retries, 0);
  return [
    '',
    ...repeats.map((repeat, index) => {
      const r = rates(workload, repeat);
      return `  repeat ${index + 1}: ingest ${num(repeat.ingest.seconds, 2)} s (${num(r.eventsPerSecond)} events/s), COPY ${num(repeat.copy.seconds, 2)} s (${num(r.copyPerSecond)} rows/s), ratio ${num(r.ratio, 3)}`;
    }),
    `  requests : latency p50 ${num(percentile(latencies, 0.5))} ms, p95 ${num(percentile(latencies, 0.95))} ms, max ${num(latencies.at(-1) ?? 0)} ms; ${retries} retries after 429/503; api warnings and errors logged: ${apiProblems}`,
    `  CPU      : during the ingest, api ${cores(cpu.api, ingestSeconds)}, PostgreSQL backends ${cores(cpu.postgres, ingestSeconds)}, clients ${cores(cpu.clients, ingestSeconds)}, ` +
      `anything else (other processes, PostgreSQL's background workers, the kernel) ${cores(elsewhere, ingestSeconds)}; during the COPY, its backend ${cores(cpu.copy, copySeconds)}, anything else ${cores(cpu.copyMachine === undefined || cpu.copy === undefined ? undefined : Math.max(0, cpu.copyMachine - cpu.copy), copySeconds)}`,
    `  CPU cost : per 1,000 run rows, ingest ${perThousand(ingestCpu)} (api ${perThousand(cpu.api)} + PostgreSQL ${perThousand(cpu.postgres)}), COPY ${perThousand(cpu.copy)}; ` +
      `COPY ÷ ingest = ${ingestCpu === undefined || cpu.copy === undefined ? 'n/a' : num(cpu.copy / ingestCpu, 3)} (steadier than the ratio on a busy machine)`,
    `  verified : ${verified}; the COPY'd rows equal the ingested rows on all 12 columns${repeats.length > 1 ? ' (each repeat)' : ''}`,
  ];
}

export function printReport(context) {
  process.stdout.write(`${[...describe(context), ...table(context), ...details(context)].join('\n')}\n`);
}

export function printProfile(summary) {
  process.stdout.write(`${['', ...profileLines('api CPU profile during the ingest', summary)].join('\n')}\n`);
}

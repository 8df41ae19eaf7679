// What the sizing benchmark prints: how it measured, bytes per attempt by table against the bare
// rows, and what that makes at several rates a day.
import { cpus } from 'node:os';

const MIB = 1024 * 1024;
const GIB = 1024 * MIB;
const num = (value, digits = 0) => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const size = (bytes) => (bytes >= GIB ? `${num(bytes / GIB, 1)} GiB` : `${num(bytes / MIB, 1)} MiB`);

/** Tables kept for ROUNDHOUSE_RUN_RETENTION_DAYS (deleted by retention); the rest stays. */
const RETAINED = new Set(['run', 'run_step', 'ingest_event']);

/** How much each table grew, largest first. */
function growth(before, after) {
  const grown = [];
  for (const [name, now] of after.tables) {
    const was = before.tables.get(name) ?? { bytes: 0, heap: 0, indexes: 0, rows: 0 };
    const bytes = now.bytes - was.bytes;
    if (bytes > 0) {
      grown.push({ name, bytes, heap: now.heap - was.heap, indexes: now.indexes - was.indexes, rows: now.rows - was.rows });
    }
  }
  return grown.sort((a, b) => b.bytes - a.bytes);
}

export function printReport({ settings, workload, jsonBytes, before, after, bare, postgresVersion, loadAtStart, verified }) {
  const attempts = workload.rows.length;
  const grown = growth(before, after).filter((table) => table.name !== 'bench_bare_run');
  const total = grown.reduce((sum, table) => sum + table.bytes, 0);
  const retained = grown.filter((table) => RETAINED.has(table.name)).reduce((sum, table) => sum + table.bytes, 0);
  const kept = total - retained;
  const cpu = cpus();
  const lines = [
    '',
    'Roundhouse sizing benchmark (bench/sizing)',
    `  workload : ${num(attempts)} attempts (${num(workload.runs)} runs) of ${workload.automations.join(', ')} over the last ${settings.hours} h, seed ${settings.seed}, ingested through POST /ingest/v1/events (${settings.clients} clients, 1,000 events a request)`,
    `  stored   : ${verified}`,
    '  measured : pg_total_relation_size (heap + indexes + TOAST) of every table after VACUUM ANALYZE, minus the same before the ingest',
    `  baseline : the same ${num(attempts)} rows (the 12 columns of run) COPY'd into a bare table with no index, after VACUUM ANALYZE`,
    `  machine  : ${cpu.length} CPUs (${cpu[0]?.model.trim() ?? 'unknown'}), PostgreSQL ${postgresVersion}, load average ${num(loadAtStart, 2)} at start`,
    '',
    '  table                          grew by     bytes/attempt   (heap / indexes)',
    ...grown.map(
      (table) =>
        `  ${table.name.padEnd(30)} ${size(table.bytes).padStart(10)} ${num(table.bytes / attempts).padStart(12)}      (${num(table.heap / attempts)} / ${num(table.indexes / attempts)})${RETAINED.has(table.name) ? '' : '  kept past retention'}`,
    ),
    `  ${'all telemetry tables'.padEnd(30)} ${size(total).padStart(10)} ${num(total / attempts).padStart(12)}`,
    `  ${'bare rows (baseline)'.padEnd(30)} ${size(bare).padStart(10)} ${num(bare / attempts).padStart(12)}`,
    `  ${'events as sent (JSON)'.padEnd(30)} ${size(jsonBytes).padStart(10)} ${num(jsonBytes / attempts).padStart(12)}`,
    '',
    `  ratio (all telemetry tables ÷ bare rows)     ${num(total / bare, 2)}`,
    `  ratio (all telemetry tables ÷ JSON as sent)  ${num(total / jsonBytes, 2)}`,
    '',
    `  a day at … attempts/day      on disk a day    held at ${settings.retentionDays} days' retention`,
  ];
  // Tables deleted at retention grow with attempts; the rollups grow with automation-minutes (at most
  // 1,440 a day per automation), so the measured day's rollups stand for any busier day.
  const keptPerDay = kept * (24 / settings.hours);
  for (const perDay of [10_000, 100_000, 1_000_000, 10_000_000]) {
    const day = (retained / attempts) * perDay;
    lines.push(
      `  ${num(perDay).padStart(12)}                 ${size(day + keptPerDay).padStart(10)}          ${size(day * settings.retentionDays + keptPerDay * settings.retentionDays).padStart(10)}`,
    );
  }
  lines.push(
    `  (the rollups and activity of these ${workload.automations.length} automations, busy every minute, add ${size(keptPerDay)} a day at any of these rates, ${size(keptPerDay / workload.automations.length)} per automation; kept past retention: ${size(keptPerDay * 365)} a year)`,
    '',
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}

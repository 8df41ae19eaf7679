// What the benchmark prints: how it measured, the table, each repeat, where the product's time and
// everyone's CPU went.
import { cpus } from 'node:os';
import { AUTOMATION, DEAD_LETTER_QUEUE, ROUTING_KEY } from './dataset.mjs';

export const TARGET_RATIO = 0.5;
export const TARGET_RATE = 5000;
/** Issue 18: the snapshot mutation of a request of 100,000 items answers within 2 s. */
const SNAPSHOT_TARGET_ITEMS = 100_000;
const SNAPSHOT_TARGET_SECONDS = 2;
const MIB = 1024 * 1024;

const num = (value, digits = 0) => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

/** Rates of one repeat: the product's, the raw runs' before and after it, and the raw rate over both (2N ÷ their seconds). */
function rates(n, repeat) {
  const product = n / repeat.product.seconds;
  const raw = (2 * n) / (repeat.before.seconds + repeat.after.seconds);
  return {
    product,
    before: n / repeat.before.seconds,
    after: n / repeat.after.seconds,
    raw,
    ratio: product / raw,
    // From sending the mutation to done: the early claims fall inside the mutation, so they are not counted twice.
    withMutation: n / (repeat.product.secondsAfterAnswer + repeat.product.mutationSeconds),
  };
}

function describe({ settings, loaded, expected, batch, postgresVersion, rabbitVersion, loadAtStart, persona, repeats }) {
  const cpu = cpus();
  return [
    '',
    'Roundhouse reprocess benchmark (bench/reprocess)',
    `  dataset  : ${num(settings.messages)} dead letters of ${AUTOMATION} (closed-won deals failed in a NetSuite outage; source rabbitmq, queue ${DEAD_LETTER_QUEUE}, from the bench's own exchange with routing key ${ROUTING_KEY}), seed ${settings.seed};`,
    `             seeded through POST /ingest/v1/events in ${num(loaded.seconds, 1)} s (${loaded.requests} gzip'd requests of 1,000; not measured); stored payload ${num(loaded.payload_bytes)} B and headers ${num(loaded.header_bytes)} B on average; published body ${num(expected.bodyBytes)} B`,
    `  product  : startReprocess(action: reprocess, selection: { filter: { automation: "${AUTOMATION}" } }, velocity: ${num(settings.velocity)}, expectedCount: ${num(settings.messages)}) as ${persona} (operator, finance-ops),`,
    `             timed from the mutation's answer until the api marked the request done (reprocess_request.finished_at, polled every 100 ms). The api (background jobs on) claims up to ${batch} items per batch,`,
    '             reserves their slot under the velocity limit, republishes them to their original exchange and routing key on one confirm channel, waits once for the confirms and records them.',
    `  baseline : amqplib ConfirmChannel in this process: the same ${num(settings.messages)} messages (body, message id, correlation id, content type, headers as the api builds them from the stored dead letters,`,
    `             with a reprocess id) in the api's order, ${batch} per batch, waiting for each batch's confirms; persistent, mandatory; channel opened before the clock.`,
    `  same     : broker, exchange (topic), queue (${settings.durable ? 'durable' : 'transient'}, bound with the routing key, no consumer, emptied after each phase), connection options (amqplib defaults, as the api's);`,
    `             each repeat runs raw → product → raw, and its ratio is the product's rate ÷ the raw rate over both raw runs; CHECKPOINT before each phase: ${repeats[0].product.checkpoints ? 'yes' : 'no (needs a superuser)'}`,
    `  machine  : ${cpu.length} CPUs (${cpu[0]?.model.trim() ?? 'unknown'}), Node ${process.version}, RabbitMQ ${rabbitVersion}, PostgreSQL ${postgresVersion}, shared by the api, PostgreSQL, RabbitMQ and the benchmark; load average ${num(loadAtStart, 2)} at start`,
  ];
}

function table({ settings, repeats, memory, batch }) {
  const each = repeats.map((repeat) => rates(settings.messages, repeat));
  const product = median(each.map((r) => r.product));
  const ratio = median(each.map((r) => r.ratio));
  const mutations = repeats.map((r) => r.product.mutationSeconds);
  const mutation = median(mutations);
  const rows = [
    ['product msg/s (reprocess request → RabbitMQ)', num(product)],
    [`raw msg/s (amqplib, confirms per batch of ${batch})`, num(median(each.map((r) => r.raw)))],
    [
      'ratio (product ÷ raw)',
      `${num(ratio, 3)}${repeats.length > 1 ? `  (repeats: ${each.map((r) => num(r.ratio, 3)).join(', ')}; min ${num(Math.min(...each.map((r) => r.ratio)), 3)}, max ${num(Math.max(...each.map((r) => r.ratio)), 3)})` : ''}`,
    ],
    [
      'target ratio (issue 18)',
      `≥ ${TARGET_RATIO}  ${ratio >= TARGET_RATIO ? 'met' : 'NOT met'}${repeats.length > 1 && Math.min(...each.map((r) => r.ratio)) < TARGET_RATIO && ratio >= TARGET_RATIO ? ' by the median, not by every repeat' : ''}`,
    ],
    ["rate goal (this bench's own)", `≥ ${num(TARGET_RATE)} msg/s  ${product >= TARGET_RATE ? 'met' : 'NOT met'}`],
    ['product msg/s including the mutation', `${num(median(each.map((r) => r.withMutation)))} (the snapshot of every item into the ledger counted too)`],
    [
      'snapshot mutation (startReprocess)',
      `${num(mutation, 2)} s${repeats.length > 1 ? `  (repeats: ${mutations.map((m) => num(m, 2)).join(', ')})` : ''}, from sending it to its answer`,
    ],
    ...(settings.messages === SNAPSHOT_TARGET_ITEMS
      ? [
          [
            `target snapshot of ${num(SNAPSHOT_TARGET_ITEMS)} (issue 18)`,
            `≤ ${SNAPSHOT_TARGET_SECONDS} s  ${mutation <= SNAPSHOT_TARGET_SECONDS ? 'met' : 'NOT met'}${mutation <= SNAPSHOT_TARGET_SECONDS && Math.max(...mutations) > SNAPSHOT_TARGET_SECONDS ? ' by the median, not by every repeat' : ''}`,
          ],
        ]
      : []),
    ['velocity', `${num(settings.velocity)} msg/s${settings.velocity === 10_000 ? " (the api's maximum)" : ''}`],
    ['api peak RSS (VmHWM)', memory === undefined ? 'n/a (no /proc)' : `${num(memory.peak / MIB, 1)} MiB (${num(memory.atStart / MIB, 1)} MiB after start-up)`],
    ['N (messages per phase)', num(settings.messages)],
  ];
  const width = Math.max(...rows.map(([key]) => key.length));
  return ['', ...rows.map(([key, value]) => `  ${key.padEnd(width)}  ${value}`)];
}

const cores = (seconds, wall) => (seconds === undefined ? 'n/a' : `${num(seconds / wall, 2)} cores`);
const sum = (values) => (values.includes(undefined) ? undefined : values.reduce((a, b) => a + b, 0));
const elsewhere = (cpu) =>
  cpu.machine === undefined || cpu.api === undefined || cpu.postgres === undefined || cpu.broker === undefined
    ? undefined
    : Math.max(0, cpu.machine - cpu.api - cpu.postgres - cpu.bench - cpu.broker);

function productLine(n, product) {
  const t = product.timeline;
  const inFlight = t.claims.map((c) => c.ackedMs - c.claimedMs);
  const gaps = t.claims.slice(1).map((c, i) => c.claimedMs - t.claims[i].claimedMs);
  const sending = (t.lastAckMs - t.firstClaimMs) / 1000;
  return (
    `    ledger : mutation (snapshot of ${num(n)} items) ${num(product.mutationSeconds, 2)} s; first claim at ${num(t.firstClaimMs)} ms from its answer; first claim to last acknowledge ${num(sending, 2)} s (${num(n / sending)} msg/s); ` +
    `done ${num(t.finishedMs - t.lastAckMs)} ms after that began; ${t.claims.length} claims of ${num(median(t.claims.map((c) => c.items)))} items (median), one every ${num(median(gaps))} ms (median); ` +
    `claim → its acknowledge statement began p50 ${num(median(inFlight))} ms, p95 ${num(percentile(inFlight, 0.95))} ms; sent more than once: ${t.resent}\n` +
    `    in SQL : the api's connections busy in PostgreSQL on average (${num(product.statements.samples)} samples of pg_stat_activity, one per poll): ${statementShares(product.statements)}`
  );
}

/** Average connections per step, largest first: "acknowledge 1.62, claim 0.05, …" (0 when nothing ran). */
function statementShares({ samples, busy }) {
  const shares = Object.entries(busy)
    .map(([step, n]) => [step, n / Math.max(1, samples)])
    .filter(([, share]) => share >= 0.005)
    .sort(([, a], [, b]) => b - a)
    .map(([step, share]) => `${step} ${num(share, 2)}`);
  return shares.length === 0 ? 'none seen' : `${shares.join(', ')} (anything else under 0.01)`;
}

function details({ settings, repeats, apiProblems, brokerLocal, loadAtEnd, expected }) {
  const n = settings.messages;
  const lines = [''];
  repeats.forEach((repeat, index) => {
    const r = rates(n, repeat);
    lines.push(
      `  repeat ${index + 1}: raw ${num(repeat.before.seconds, 2)} s (${num(r.before)} msg/s), product ${num(repeat.product.seconds, 2)} s (${num(r.product)} msg/s), raw ${num(repeat.after.seconds, 2)} s (${num(r.after)} msg/s), ratio ${num(r.ratio, 3)}`,
      productLine(n, repeat.product),
    );
  });
  const product = Object.fromEntries(['api', 'postgres', 'bench', 'broker', 'machine'].map((k) => [k, sum(repeats.map((r) => r.product.cpu[k]))]));
  const raw = Object.fromEntries(['api', 'postgres', 'bench', 'broker', 'machine'].map((k) => [k, sum(repeats.flatMap((r) => [r.before.cpu[k], r.after.cpu[k]]))]));
  const productSeconds = repeats.reduce((s, r) => s + r.product.seconds + r.product.mutationSeconds, 0);
  const rawSeconds = repeats.reduce((s, r) => s + r.before.seconds + r.after.seconds, 0);
  const perThousand = (seconds, messages) => (seconds === undefined ? 'n/a' : `${num((seconds / messages) * 1e6)} ms`);
  const productMessages = n * repeats.length;
  const rawMessages = 2 * n * repeats.length;
  const broker = brokerLocal ? 'RabbitMQ' : 'RabbitMQ (not on this machine: n/a)';
  lines.push(
    `  CPU      : during the product (mutation to done), api ${cores(product.api, productSeconds)}, PostgreSQL backends ${cores(product.postgres, productSeconds)}, ${broker} ${cores(product.broker, productSeconds)}, benchmark (polling) ${cores(product.bench, productSeconds)}, ` +
      `anything else (other processes, PostgreSQL's background workers, the kernel) ${cores(elsewhere(product), productSeconds)};`,
    `             during the raw runs, benchmark ${cores(raw.bench, rawSeconds)}, ${broker} ${cores(raw.broker, rawSeconds)}, api (idle) ${cores(raw.api, rawSeconds)}, anything else ${cores(elsewhere(raw), rawSeconds)}; load average ${num(loadAtEnd, 2)} at the end. When "anything else" is high, the rates are noisy.`,
    `  CPU cost : per 1,000 messages, product: api ${perThousand(product.api, productMessages)} + PostgreSQL ${perThousand(product.postgres, productMessages)} + RabbitMQ ${perThousand(product.broker, productMessages)}; ` +
      `raw: amqplib ${perThousand(raw.bench, rawMessages)} + RabbitMQ ${perThousand(raw.broker, rawMessages)}`,
    `  api      : warnings and errors logged while serving: ${apiProblems}`,
    `  verified : after every phase the queue held exactly ${num(n)} messages and a sample of ${repeats[0].product.checked.sampled} had the expected body (${num(expected.bodyBytes)} B on average), ids, content type, persistence and headers ` +
      `(the product's carrying the ledger's reprocess ids); every product item acknowledged, every dead letter reprocessed; the raw runs had no nack and no return`,
  );
  return lines;
}

export function printReport(context) {
  process.stdout.write(`${[...describe(context), ...table(context), ...details(context)].join('\n')}\n`);
}

#!/usr/bin/env node
// `npm run bench:reprocess:scale`: whether a reprocess request's cost grows with its size. Runs
// bench:reprocess (run.mjs, each run on its own fresh database) at N ÷ 2 and at N messages, one after
// the other, prints both reports and then the rate at N ÷ the rate at N ÷ 2, product and raw (issue
// 18's target: ≥ 0.9 for the product). BENCH_MESSAGES is N (default 100,000); every other setting
// of run.mjs applies to both runs. See bench/reprocess/README.md.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { intSetting, root, say, SettingError } from '../common/harness.mjs';

/** One run of run.mjs at `messages`; answers its report and the product and raw rates it printed. */
function runAt(messages, build) {
  say(`bench:reprocess at ${messages.toLocaleString('en-US')} messages…`);
  const run = spawnSync(process.execPath, [join(root, 'bench/reprocess/run.mjs')], {
    cwd: root,
    env: { ...process.env, BENCH_MESSAGES: String(messages), BENCH_BUILD: build ? (process.env.BENCH_BUILD ?? 'true') : 'false' },
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (run.status !== 0) {
    throw new Error(`bench:reprocess at ${messages} messages exited with ${run.status ?? run.signal}`);
  }
  const rate = (label) => Number(new RegExp(`${label}\\s+([\\d,]+)`).exec(run.stdout)?.[1]?.replaceAll(',', '') ?? Number.NaN);
  return {
    report: run.stdout,
    product: rate('product msg/s \\(reprocess request → RabbitMQ\\)'),
    withMutation: rate('product msg/s including the mutation'),
    raw: rate('raw msg/s \\(amqplib, confirms per batch of \\d+\\)'),
  };
}

function main() {
  const messages = intSetting('BENCH_MESSAGES', 100_000, 2000, 1_000_000);
  const half = Math.round(messages / 2);
  const small = runAt(half, true);
  const large = runAt(messages, false);
  process.stdout.write(`${small.report}\n${large.report}\n`);
  const num = (n) => Math.round(n).toLocaleString('en-US');
  const ratio = large.withMutation / small.withMutation;
  process.stdout.write(
    `Roundhouse reprocess benchmark, scale (bench/reprocess/scale.mjs)\n` +
      `  product msg/s with the mutation at ${num(half)} / at ${num(messages)}   ${num(small.withMutation)} / ${num(large.withMutation)}  (from sending the mutation to done: what the operator waits for)\n` +
      `  product msg/s after the answer at ${num(half)} / at ${num(messages)}    ${num(small.product)} / ${num(large.product)}\n` +
      `  raw msg/s at ${num(half)} / at ${num(messages)}                         ${num(small.raw)} / ${num(large.raw)}\n` +
      `  product rate with the mutation at ${num(messages)} ÷ at ${num(half)}  ${ratio.toFixed(2)}  (target ≥ 0.9: ${ratio >= 0.9 ? 'met' : 'NOT met'}); ` +
      `after the answer ${(large.product / small.product).toFixed(2)}; raw ${(large.raw / small.raw).toFixed(2)}\n` +
      `  product ÷ raw at ${num(half)} / at ${num(messages)}                     ${(small.product / small.raw).toFixed(3)} / ${(large.product / large.raw).toFixed(3)}\n`,
  );
}

try {
  main();
} catch (error) {
  say(error instanceof SettingError ? error.message : `bench:reprocess:scale failed: ${error.stack ?? error.message}`);
  process.exitCode = 1;
}

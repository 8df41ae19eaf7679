import { RoundhouseClient } from '@roundhouse/sdk';
import { deadLetterOf } from './dead-letters.js';
import { profileOf } from './profiles.js';
import type { Random } from './random.js';

/** The finance-ops automation whose parked payouts the on-call personas find waiting. */
export const BACKLOG_AUTOMATION = 'payout-reconciliation';

/** One payout run given up on, with the error it was given up for. */
export interface BacklogItem {
  runId: string;
  correlationId: string;
  error: { name: string; message: string };
  firstFailedAt: Date;
  lastFailedAt: Date;
  attempts: number;
}

const pspReference = (random: Random): string => `PSP${100_000_000 + Math.floor(random() * 900_000_000)}`;

/**
 * What finance-ops finds on a new machine: a large group — Adyen changed its settlement report
 * (schema drift), so 40 payouts of the last night cannot be matched to a NetSuite deposit — and a
 * small one — NetSuite's concurrency limit turned 3 deposits away (rate limit). Two errors, each the
 * same failure on other records, so each is one group in the workbench.
 */
export function financeBacklogPlan(random: Random, now: Date, batch: string, sizes: { drift: number; rateLimited: number } = { drift: 40, rateLimited: 3 }): BacklogItem[] {
  const prefix = profileOf(BACKLOG_AUTOMATION).correlationPrefix;
  const item = (index: number, error: BacklogItem['error'], minutesAgo: number, attempts: number): BacklogItem => {
    const lastFailedAt = new Date(now.getTime() - minutesAgo * 60_000);
    return {
      runId: `backlog-${BACKLOG_AUTOMATION}-${batch}-${index}`,
      correlationId: `${prefix}-${20_000 + index}`,
      error,
      firstFailedAt: new Date(lastFailedAt.getTime() - (attempts - 1) * 120_000),
      lastFailedAt,
      attempts,
    };
  };
  const drift = Array.from({ length: sizes.drift }, (_, index) =>
    item(
      index,
      {
        name: 'SettlementReportSchemaError',
        message: `Adyen settlement report for payout ${pspReference(random)}: column "Merchant Reference" missing (report format changed from v52 to v53); cannot match it to a NetSuite deposit`,
      },
      // Overnight, as the settlement batch came in: between 7 and 1 hours ago.
      60 + Math.floor(random() * 360),
      1,
    ),
  );
  const rateLimited = Array.from({ length: sizes.rateLimited }, (_, index) =>
    item(
      sizes.drift + index,
      {
        name: 'NetSuiteRateLimitError',
        message: `NetSuite answered 429 Too Many Requests for the deposit of payout ${pspReference(random)}: account concurrency limit (5) reached; gave up after 5 attempts`,
      },
      5 + Math.floor(random() * 40),
      5,
    ),
  );
  return [...drift, ...rateLimited];
}

/** Reports the backlog through the SDK as runs given up on, each with its dead letter, at their times. Returns how many. */
export async function reportFinanceBacklog(options: { url: string; token: string; random: Random; now: Date }): Promise<number> {
  const plan = financeBacklogPlan(options.random, options.now, options.now.getTime().toString(36));
  let clock = options.now.getTime();
  const client = new RoundhouseClient({
    url: options.url,
    token: options.token,
    batchSize: 500,
    flushIntervalMs: 60_000,
    clock: () => new Date(clock),
    onDiagnostic: () => undefined,
  });
  for (const item of plan) {
    clock = item.lastFailedAt.getTime() - 4_000;
    const run = client.startRun(BACKLOG_AUTOMATION, { runId: item.runId, attempt: item.attempts, correlationId: item.correlationId });
    clock = item.lastFailedAt.getTime();
    const error = Object.assign(new Error(item.error.message), { name: item.error.name });
    run.fail(error, { outcome: 'dead_lettered', deadLetter: deadLetterOf(BACKLOG_AUTOMATION, options.random, item) });
  }
  await client.shutdown();
  return plan.length;
}

import { RoundhouseClient } from '@roundhouse/sdk';
import { deadLetterOf } from './dead-letters.js';
import type { Profile } from './profiles.js';
import { planRun, type AttemptPlan } from './run-plan.js';
import type { Random } from './random.js';

function errorOf(plan: AttemptPlan): Error {
  const error = new Error(plan.error?.message ?? 'failed');
  error.name = plan.error?.name ?? 'Error';
  return error;
}

/**
 * Fills the last `hours` with history at a fraction of the live rate, so a newcomer's charts are
 * not empty: the client's clock is moved through the past, run by run.
 */
export async function backfill(options: { url: string; token: string; slug: string; profile: Profile; random: Random; hours: number; now: Date }): Promise<number> {
  const { slug, profile, random, hours, now } = options;
  let clock = now.getTime() - hours * 3_600_000;
  const batch = now.getTime().toString(36);
  const client = new RoundhouseClient({
    url: options.url,
    token: options.token,
    batchSize: 1000,
    flushIntervalMs: 60_000,
    maxBufferedEvents: 50_000,
    clock: () => new Date(clock),
    onDiagnostic: () => undefined,
  });
  const meanGapMs = 60_000 / (profile.runsPerMinute / 3);
  // Two incidents in the past day: the third party struggled for 20 minutes each time.
  const incidents = [0.3, 0.75].map((f) => now.getTime() - hours * 3_600_000 * (1 - f));
  let runs = 0;
  let next = clock;
  while (next < now.getTime() - 60_000) {
    const incident = incidents.some((start) => next >= start && next < start + 20 * 60_000);
    const plan = planRun(profile, random, { incident });
    // Unique per backfill, so a later backfill (after a day without runs) never reuses a run id or dead letter's message id.
    const runId = `bf-${slug}-${batch}-${runs}`;
    const correlationId = `${profile.correlationPrefix}-${10_000 + Math.floor(random() * 90_000)}`;
    let at = next;
    let firstFailedAt: Date | undefined;
    plan.forEach((attempt, index) => {
      clock = at;
      const run = client.startRun(slug, { runId, attempt: index + 1, correlationId });
      clock = at + attempt.durationMs;
      if (attempt.result === 'succeeded') {
        run.succeed({ manualTouch: attempt.manualTouch });
      } else if (attempt.result === 'dead_lettered') {
        // The workbench of a new machine is not empty: the runs given up on left their messages.
        const error = errorOf(attempt);
        const deadLetter = deadLetterOf(slug, random, {
          runId,
          correlationId,
          attempts: plan.length,
          firstFailedAt: firstFailedAt ?? new Date(clock),
          lastFailedAt: new Date(clock),
          error,
        });
        run.fail(error, { outcome: 'dead_lettered', manualTouch: attempt.manualTouch, deadLetter });
      } else {
        firstFailedAt ??= new Date(clock);
        run.fail(errorOf(attempt), { outcome: attempt.result, manualTouch: attempt.manualTouch });
      }
      at = clock + 60_000 * (index + 1);
    });
    runs += 1;
    next += -Math.log(1 - random()) * meanGapMs;
    if (runs % 2_000 === 0) {
      await client.flush();
    }
  }
  await client.shutdown();
  return runs;
}

export { errorOf };

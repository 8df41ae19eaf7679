import { INGEST_PATH } from '@roundhouse/contracts';
import type { ResiliencePolicy, RoundhouseClient } from '@roundhouse/sdk';
import { errorOf } from './backfill.js';
import { deadLetterOf } from './dead-letters.js';
import { profileOf, type Profile } from './profiles.js';
import { chance, pick, type Random } from './random.js';
import { planRun } from './run-plan.js';
import type { CatalogAutomation } from './roundhouse-console.js';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

class RateLimited extends Error {
  override name = 'RateLimitError';
}

/**
 * The living part of the demo: every automation starts runs at its rate, calls its third party
 * through the SDK's resilience policy (so retries and breaker opens are reported), retries failed
 * attempts later, hands transactions on to the automations they flow into, reports KPIs and
 * heartbeats — and now and then sends an event in an old shape, which ingest quarantines.
 */
export class LiveSimulation {
  private stopped = false;
  private incident: { slug: string; until: number } | undefined;
  private readonly timers: NodeJS.Timeout[] = [];
  /** One policy per automation and third party, so the circuit breaker remembers across runs. */
  private readonly policies = new Map<string, ResiliencePolicy>();

  constructor(
    private readonly automations: readonly CatalogAutomation[],
    private readonly clientFor: (slug: string) => RoundhouseClient,
    private readonly tokenFor: (slug: string) => string,
    private readonly url: string,
    private readonly random: Random,
    /** Automations whose runs another reporter sends (OpenTelemetry): only their heartbeats and KPIs go through the SDK here. */
    private readonly runsReportedElsewhere: ReadonlySet<string> = new Set(),
  ) {}

  start(): void {
    this.timers.push(setInterval(() => this.tick(), 1_000));
    this.timers.push(setInterval(() => this.heartbeats(), 30_000));
    this.timers.push(setInterval(() => this.measureKpis(), 60_000));
    this.timers.push(setInterval(() => this.maybeIncident(), 5 * 60_000));
    this.timers.forEach((timer) => timer.unref());
    this.heartbeats();
    this.measureKpis();
  }

  stop(): void {
    this.stopped = true;
    this.timers.forEach((timer) => clearInterval(timer));
  }

  private tick(): void {
    for (const automation of this.automations) {
      if (this.runsReportedElsewhere.has(automation.slug)) {
        continue;
      }
      const profile = profileOf(automation.slug);
      if (chance(this.random, profile.runsPerMinute / 60)) {
        const correlationId = `${profile.correlationPrefix}-${10_000 + Math.floor(this.random() * 90_000)}`;
        void this.execute(automation.slug, profile, correlationId);
      }
    }
  }

  private async execute(slug: string, profile: Profile, correlationId: string): Promise<void> {
    const client = this.clientFor(slug);
    const incident = this.incident !== undefined && this.incident.slug === slug && this.incident.until > Date.now();
    const plan = planRun(profile, this.random, { incident });
    const policy = this.policyFor(client, slug, profile);
    const runId = `${slug}-${Date.now().toString(36)}-${Math.floor(this.random() * 1e6).toString(36)}`;
    let firstFailedAt: Date | undefined;
    for (const [index, attempt] of plan.entries()) {
      if (this.stopped) {
        return;
      }
      const run = client.startRun(slug, { runId, attempt: index + 1, correlationId });
      let throttled = attempt.rateLimitedCalls;
      try {
        await policy.execute(async () => {
          if (throttled > 0) {
            throttled -= 1;
            throw new RateLimited(`${profile.dependency} answered 429 Too Many Requests`);
          }
          await sleep(attempt.durationMs);
        });
      } catch {
        // The plan decides the attempt's outcome; the policy's retries are reported by the SDK.
      }
      if (attempt.result === 'succeeded') {
        run.succeed({ manualTouch: attempt.manualTouch });
        this.continueFlow(slug, correlationId);
      } else if (attempt.result === 'dead_lettered') {
        // The last attempt gave up: the message is parked, and reported with the run's failure.
        const error = errorOf(attempt);
        const failedAt = new Date();
        const deadLetter = deadLetterOf(slug, this.random, {
          runId,
          correlationId,
          attempts: plan.length,
          firstFailedAt: firstFailedAt ?? failedAt,
          lastFailedAt: failedAt,
          error,
        });
        run.fail(error, { outcome: 'dead_lettered', manualTouch: attempt.manualTouch, deadLetter });
      } else {
        firstFailedAt ??= new Date();
        run.fail(errorOf(attempt), { outcome: attempt.result, manualTouch: attempt.manualTouch });
        await sleep(5_000 + this.random() * 10_000);
      }
    }
    if (profile.schemaDrift !== undefined && chance(this.random, profile.schemaDrift)) {
      await this.sendDriftedEvent(slug, runId);
    }
  }

  /** After a success of `slug` (a run, or a reprocessed dead letter), the transaction flows on into the automations downstream. */
  continueFlow(slug: string, correlationId: string): void {
    for (const next of profileOf(slug).flowsInto ?? []) {
      void sleep(2_000 + this.random() * 5_000).then(() => (this.stopped ? undefined : this.execute(next, profileOf(next), correlationId)));
    }
  }

  private policyFor(client: RoundhouseClient, slug: string, profile: Profile): ResiliencePolicy {
    const key = `${slug}/${profile.dependency}`;
    let policy = this.policies.get(key);
    if (policy === undefined) {
      policy = client.resilience(slug, profile.dependency, {
        retry: { maxAttempts: 3, baseDelayMs: 150, maxDelayMs: 1_000 },
        circuitBreaker: { threshold: 8, halfOpenAfterMs: 20_000 },
      });
      this.policies.set(key, policy);
    }
    return policy;
  }

  /** An upstream change shipped before the contract: durationMs as text. Ingest quarantines it. */
  private async sendDriftedEvent(slug: string, runId: string): Promise<void> {
    const now = new Date().toISOString();
    await fetch(`${this.url}${INGEST_PATH}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.tokenFor(slug)}`, 'content-type': 'application/json' },
      body: JSON.stringify([
        { id: `drift-${runId}`, type: 'run_finished', automation: slug, occurredAt: now, runId, startedAt: now, durationMs: '1.2s', enrichedFields: ['industry'] },
      ]),
    }).catch(() => undefined);
  }

  private heartbeats(): void {
    for (const automation of this.automations) {
      this.clientFor(automation.slug).heartbeat(automation.slug, `demo-${automation.slug}-1`);
    }
  }

  /** KPIs the runtime measures itself drift from their baseline toward their target. */
  private measureKpis(): void {
    for (const automation of this.automations) {
      for (const kpi of automation.kpis.filter((k) => k.source === 'measurement')) {
        const baseline = kpi.baseline.value ?? kpi.target * 2;
        const progress = 0.6 + this.random() * 0.35;
        this.clientFor(automation.slug).measure(automation.slug, kpi.name, baseline + (kpi.target - baseline) * progress);
      }
    }
  }

  private maybeIncident(): void {
    if (chance(this.random, 0.5)) {
      this.incident = { slug: pick(this.random, this.automations).slug, until: Date.now() + 3 * 60_000 };
    }
  }
}

import { RoundhouseClient } from '@roundhouse/sdk';
import { backfill } from './backfill.js';
import { BACKLOG_AUTOMATION, reportFinanceBacklog } from './finance-backlog.js';
import { backfillKpiHistory } from './kpi-history.js';
import { LiveSimulation } from './live.js';
import { NATS_AUTOMATION, startNatsPayouts } from './nats-payouts.js';
import { OTEL_AUTOMATION, startOtelRuns } from './otel-runs.js';
import { profileOf } from './profiles.js';
import { seeded, type Random } from './random.js';
import { DemoReprocessor } from './reprocess.js';
import { RoundhouseConsole, type CatalogAutomation } from './roundhouse-console.js';

const url = process.env.ROUNDHOUSE_URL ?? 'http://localhost:3000';
const say = (line: string) => process.stderr.write(`demo-runtime: ${line}\n`);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/** Days of measured-KPI history a fresh database gets; the automations went live ~80 days ago. */
const KPI_HISTORY_DAYS = 90;
const SWITCHED_OVER_DAYS_AGO = 80;

/**
 * Measured KPIs with less than half of the last 90 days covered (a fresh database: none) get one
 * value a day for those days, once: afterwards their earliest value is 90 days old, so the check
 * stays false. An api without automationKpis just means no history.
 */
async function fillKpiHistory(roundhouse: RoundhouseConsole, automations: readonly CatalogAutomation[], tokenOf: (slug: string) => string, random: Random): Promise<number> {
  let measured = 0;
  for (const automation of automations) {
    const kpis = automation.kpis.filter((k) => k.source === 'measurement');
    if (kpis.length === 0) {
      continue;
    }
    const coverage = await roundhouse.kpiCoverage(automation.slug, KPI_HISTORY_DAYS).catch((error: unknown) => {
      say(`no KPI history for ${automation.slug}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    });
    const missing = kpis.filter((k) => coverage !== undefined && (coverage.get(k.name) ?? 0) < 0.5);
    if (missing.length > 0) {
      measured += await backfillKpiHistory({
        url,
        token: tokenOf(automation.slug),
        slug: automation.slug,
        kpis: missing,
        random,
        days: KPI_HISTORY_DAYS,
        switchedOverDaysAgo: SWITCHED_OVER_DAYS_AGO,
        now: new Date(),
      });
    }
  }
  return measured;
}

async function main(): Promise<void> {
  if (process.env.ROUNDHOUSE_DEMO === 'false') {
    say('ROUNDHOUSE_DEMO=false: not reporting and not pulling reprocess commands.');
    return;
  }
  const roundhouse = new RoundhouseConsole(url);
  await roundhouse.waitUntilReady();
  await roundhouse.signIn('ada');
  const automations = (await roundhouse.automations()).filter((a) => a.lifecycle !== 'deprecated' || a.slug === 'dunning-reminders');
  const tokens = new Map<string, string>();
  for (const team of new Set(automations.map((a) => a.owner.name))) {
    tokens.set(team, await roundhouse.tokenFor(team));
  }
  const tokenOf = (slug: string): string => {
    const team = automations.find((a) => a.slug === slug)?.owner.name ?? '';
    return tokens.get(team) ?? '';
  };
  const random = seeded(Date.now());

  let filled = 0;
  for (const automation of automations) {
    if ((await roundhouse.throughput24h(automation.slug)) === 0) {
      filled += await backfill({ url, token: tokenOf(automation.slug), slug: automation.slug, profile: profileOf(automation.slug), random, hours: 24, now: new Date() });
      // A new machine: finance-ops' on-call finds last night's parked payouts waiting, in two groups.
      if (automation.slug === BACKLOG_AUTOMATION) {
        say(`parked ${await reportFinanceBacklog({ url, token: tokenOf(automation.slug), random, now: new Date() })} payouts for finance-ops (schema drift and a rate limit)`);
      }
    }
  }
  if (filled > 0) {
    say(`filled in the last 24 hours with ${filled} runs`);
  }
  const measured = await fillKpiHistory(roundhouse, automations, tokenOf, random);
  if (measured > 0) {
    say(`filled in ${KPI_HISTORY_DAYS} days of KPI measurements (${measured} values)`);
  }

  const clients = new Map<string, RoundhouseClient>();
  const clientFor = (slug: string): RoundhouseClient => {
    const token = tokenOf(slug);
    let client = clients.get(token);
    if (client === undefined) {
      client = new RoundhouseClient({ url, token, onDiagnostic: (d) => (d.level === 'error' ? say(d.message) : undefined) });
      clients.set(token, client);
    }
    return client;
  };
  // One automation reports its runs the second way in: OpenTelemetry spans to /v1/traces, no SDK.
  const otel = automations.some((a) => a.slug === OTEL_AUTOMATION);
  const live = new LiveSimulation(automations, clientFor, tokenOf, url, random, new Set(otel ? [OTEL_AUTOMATION] : []));
  live.start();
  const stopOtel = otel ? startOtelRuns({ url, token: tokenOf(OTEL_AUTOMATION), random, say }) : undefined;

  // Reprocess in the console → the team's client pulls the command → the automation runs it again.
  const reprocessor = new DemoReprocessor({ random, sleep, onSucceeded: (slug, correlationId) => live.continueFlow(slug, correlationId) });
  for (const team of tokens.keys()) {
    const slugs = automations.filter((a) => a.owner.name === team).map((a) => a.slug);
    const [first] = slugs;
    if (first !== undefined) {
      const client = clientFor(first);
      client.onReprocess((command) => reprocessor.handle(client, command), { automations: slugs });
    }
  }
  // With NATS_URL set, one automation runs for real on NATS JetStream; Roundhouse collects its failures from the stream.
  const natsUrl = process.env.NATS_URL;
  const stopNats =
    natsUrl !== undefined && natsUrl !== '' && automations.some((a) => a.slug === NATS_AUTOMATION)
      ? await startNatsPayouts({ url: natsUrl, client: clientFor(NATS_AUTOMATION), random, say }).catch((error: unknown) => {
          say(`not running ${NATS_AUTOMATION} on NATS (${error instanceof Error ? error.message : String(error)})`);
          return undefined;
        })
      : undefined;
  say(
    `reporting live for ${automations.length} automations${otel ? ` (${OTEL_AUTOMATION} through OpenTelemetry)` : ''} and pulling their reprocess commands (ROUNDHOUSE_DEMO=false turns the demo off)`,
  );

  const stop = async () => {
    live.stop();
    await stopOtel?.();
    await stopNats?.();
    await Promise.all([...clients.values()].map((client) => client.shutdown()));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  // Keep the process alive: the simulation's timers are unref'd so shutdown never waits on them.
  setInterval(() => undefined, 60_000);
}

main().catch((error: unknown) => {
  say(`stopped: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

import { Inject, Injectable } from '@nestjs/common';
import {
  describeError,
  fastRunEvent,
  INGEST_OUTCOME_STATUS,
  ingestEventV1,
  type DeadLetterV1,
  type HeartbeatV1,
  type IngestEventResult,
  type IngestEventV1,
  type IngestOutcome,
  type IngestResponse,
  type KpiMeasurementV1,
  type ResilienceV1,
  type RunEventV1,
  type StepV1,
} from '@roundhouse/contracts';
import { APP_CONFIG, type AppConfig } from '../config/app.config.js';
// eslint-disable-next-line no-restricted-imports -- writes in the caller's transaction (an EntityManager) until repositories take an opaque transaction handle (issue 16, item 1): then the owning feature's service takes it
import { DeadLetterIngestRepository } from '../dead-letters/dead-letter-ingest.repository.js';
import { MetricsService } from '../metrics/index.js';
import type { RuntimeIdentity } from '../auth/index.js';
import { covers } from '../tokens/index.js';
import { UnparseableLine, UnreadableReport } from './ingest-body.js';
import { IngestRepository, type QuarantineRow } from './ingest.repository.js';
import { rollupDeltas } from './rollup-delta.js';
import { mergeRunEvents, type IndexedRunEvent } from './run-patch.js';
import { isStorable, storable } from './storable-json.js';
import { timestampProblem, timestampWindow, type TimestampWindow } from './timestamp-window.js';

/** A top-level string field of a raw event, when it is one that can be stored and looked up. */
function field(raw: unknown, name: string): string | null {
  const value = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' && isStorable(value) ? value : null;
}

function isRunEvent(event: IngestEventV1): event is RunEventV1 {
  return event.type === 'run_started' || event.type === 'run_finished' || event.type === 'run_failed';
}

/**
 * Ingest: every event gets an outcome, nothing is dropped silently. Valid events for covered, known
 * automations are stored once and merged into runs and rollups in one transaction: run events by
 * the run's natural key and their phase (start, end), other events by their id.
 */
@Injectable()
export class IngestService {
  private readonly window: TimestampWindow;

  constructor(
    @Inject(IngestRepository) private readonly repository: IngestRepository,
    @Inject(MetricsService) private readonly metrics: MetricsService,
    @Inject(DeadLetterIngestRepository) private readonly deadLetters: DeadLetterIngestRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.window = timestampWindow(config);
  }

  /** The event as the contract parses it, or why it cannot be stored, in the quarantine's words. */
  private parse(event: unknown): IngestEventV1 | string {
    const parsed = ingestEventV1.safeParse(event);
    return parsed.success ? parsed.data : describeError(parsed.error, event, ingestEventV1).map((p) => `${p.field || '(event)'}: found ${p.found}; allowed: ${p.allowed}`).join('; ');
  }

  /**
   * Ingests a batch. `textsStorable`: the caller has ruled out, for the whole batch, texts
   * PostgreSQL cannot store (see IngestBody), so no event is walked to look for them.
   */
  async ingest(raw: readonly unknown[], runtime: RuntimeIdentity, { textsStorable = false, now = new Date() }: { textsStorable?: boolean; now?: Date } = {}): Promise<IngestResponse> {
    const results: IngestEventResult[] = [];
    const outcome = (index: number, id: string | null, result: IngestOutcome, reason?: string) => {
      const told: IngestEventResult = { index, id, outcome: result, status: INGEST_OUTCOME_STATUS[result] };
      if (reason !== undefined) {
        told.reason = reason;
      }
      results[index] = told;
    };
    const names = raw.map((event) => (event instanceof UnreadableReport ? event.automation : field(event, 'automation')));
    const owners = await this.repository.owners([...new Set(names.filter((n): n is string => n !== null))]);
    const quarantine: QuarantineRow[] = [];
    const valid: { index: number; event: IngestEventV1 }[] = [];
    const runEvents: IndexedRunEvent[] = [];
    const seen = new Set<string>();

    raw.forEach((event, index) => {
      const name = names[index] ?? null;
      const id = field(event, 'id');
      const hold = (reason: string) => {
        quarantine.push({ tokenId: runtime.tokenId, team: runtime.team, automation: name, eventType: field(event, 'type'), reason, payload: storable(event instanceof UnparseableLine ? { line: event.line, text: event.text } : event) });
        outcome(index, id, 'quarantined', reason);
      };
      if (event instanceof UnparseableLine) {
        hold(`line ${event.line} is not JSON`);
        return;
      }
      if (event instanceof UnreadableReport) {
        if (event.automation !== null && !covers(runtime, event.automation, owners.get(event.automation))) {
          outcome(index, event.id, 'forbidden', `the token "${runtime.name}" does not cover the automation "${event.automation}"`);
        } else {
          quarantine.push({ tokenId: runtime.tokenId, team: runtime.team, automation: event.automation, eventType: null, reason: event.reason, payload: storable(event.payload) });
          outcome(index, event.id, 'quarantined', event.reason);
        }
        return;
      }
      if (name !== null && !covers(runtime, name, owners.get(name))) {
        outcome(index, id, 'forbidden', `the token "${runtime.name}" does not cover the automation "${name}"`);
        return;
      }
      if (field(event, 'type') === 'dead_letter' && !runtime.capabilities.includes('dead_letters')) {
        outcome(index, id, 'forbidden', `the token "${runtime.name}" lacks the dead_letters capability`);
        return;
      }
      if (!textsStorable && !isStorable(event)) {
        hold('a text holds a NUL character (\\u0000) or half of a UTF-16 surrogate pair, which cannot be stored');
        return;
      }
      const parsed = fastRunEvent(event) ?? this.parse(event);
      if (typeof parsed === 'string') {
        hold(parsed);
        return;
      }
      const untimely = timestampProblem(parsed, now, this.window);
      if (!owners.has(parsed.automation)) {
        hold(`there is no automation "${parsed.automation}" in the catalog`);
      } else if (untimely !== undefined) {
        hold(untimely);
      } else if (isRunEvent(parsed)) {
        runEvents.push({ index, event: parsed });
      } else if (seen.has(parsed.id)) {
        outcome(index, id, 'duplicate');
      } else {
        seen.add(parsed.id);
        valid.push({ index, event: parsed });
      }
    });

    await this.repository.transaction(async (manager) => {
      const fresh = await this.repository.claimEventIds(manager, valid.map((v) => v.event));
      const stored: IngestEventV1[] = [];
      for (const { index, event } of valid) {
        if (fresh.has(event.id)) {
          stored.push(event);
          outcome(index, event.id, 'accepted');
        } else {
          outcome(index, event.id, 'duplicate');
        }
      }
      const patches = mergeRunEvents(runEvents);
      const applied = await this.repository.applyRunPhases(manager, patches);
      const runs: RunEventV1[] = [];
      const runEventAt = new Map(runEvents.map((r) => [r.index, r.event]));
      const tell = (index: number, fresh: boolean) => {
        const event = runEventAt.get(index) as RunEventV1;
        outcome(index, event.id, fresh ? 'accepted' : 'duplicate');
        if (fresh) {
          runs.push(event);
        }
      };
      for (const patch of patches) {
        patch.starts.forEach((index, i) => tell(index, i === 0 && applied.starts.has(patch)));
        if (patch.end !== null) {
          tell(patch.end, applied.ends.has(patch));
        }
        patch.lostEnds.forEach((index) => tell(index, false));
      }
      const counted = applied.counted;
      await this.repository.insertSteps(manager, stored.filter((e): e is StepV1 => e.type === 'step'));
      const signals = stored.filter((e): e is ResilienceV1 => e.type === 'resilience');
      await this.repository.addRollups(manager, rollupDeltas(counted, signals));
      await this.repository.addLatencyCounts(manager, counted);
      await this.repository.insertMeasurements(manager, stored.filter((e): e is KpiMeasurementV1 => e.type === 'kpi_measurement'));
      await this.repository.touchActivity(manager, counted, stored.filter((e): e is HeartbeatV1 => e.type === 'heartbeat'));
      await this.deadLetters.store(manager, stored.filter((e): e is DeadLetterV1 => e.type === 'dead_letter'));
      await this.deadLetters.recordReprocessRuns(
        manager,
        runs.filter((e) => e.type === 'run_finished' && e.reprocessId !== undefined).map((e) => e.reprocessId as string),
        runs.flatMap((e) => (e.type === 'run_failed' && e.outcome === 'failed' && e.reprocessId !== undefined ? [{ reprocessId: e.reprocessId, errorClass: e.errorClass, errorMessage: e.errorMessage }] : [])),
      );
      await this.repository.quarantine(manager, quarantine);
    });

    const count = (o: IngestOutcome) => results.filter((r) => r.outcome === o).length;
    const response = { accepted: count('accepted'), duplicates: count('duplicate'), quarantined: count('quarantined'), forbidden: count('forbidden'), results };
    this.metrics.countIngest('accepted', response.accepted);
    this.metrics.countIngest('duplicate', response.duplicates);
    this.metrics.countIngest('quarantined', response.quarantined);
    this.metrics.countIngest('forbidden', response.forbidden);
    return response;
  }
}

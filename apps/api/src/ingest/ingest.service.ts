import { Inject, Injectable } from '@nestjs/common';
import {
  describeError,
  fastRunEvent,
  fastRunEventV2,
  INGEST_OUTCOME_STATUS,
  ingestEventV1,
  ingestEventV2,
  type DeadLetterV1,
  type HeartbeatV1,
  type IngestEventResult,
  type IngestEventV2,
  type IngestOutcome,
  type IngestResponse,
  type KpiMeasurementV1,
  type ResilienceV1,
  type RunEventV2,
  type StepV1,
} from '@roundhouse/contracts';
import { APP_CONFIG, type AppConfig } from '../config/app.config.js';
import { DeadLetterIngestService } from '../dead-letters/index.js';
import { Database, type Transaction } from '../database/database.js';
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

function isRunEvent(event: IngestEventV2): event is RunEventV2 {
  return event.type === 'run_started' || event.type === 'run_finished' || event.type === 'run_failed' || event.type === 'run';
}

/** The version of the ingest events a request speaks: 1 (`POST /ingest/v1/events`, OTLP) or 2 (`POST /ingest/v2/events`, adds `run`). */
export type IngestVersion = 1 | 2;

/** An attempt's end and how it went, for a reprocess it handled. */
function endOf(event: RunEventV2): { outcome: string; errorClass?: string; errorMessage?: string } | undefined {
  switch (event.type) {
    case 'run_started':
      return undefined;
    case 'run_finished':
      return { outcome: 'succeeded' };
    case 'run_failed':
      return event;
    case 'run':
      return event;
  }
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
    @Inject(Database) private readonly database: Database,
    @Inject(MetricsService) private readonly metrics: MetricsService,
    @Inject(DeadLetterIngestService) private readonly deadLetters: DeadLetterIngestService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.window = timestampWindow(config);
  }

  /**
   * Records events' ids in `tx` (with their `occurredAt`, the same on every resend) and answers the ids
   * never seen before: how a collector that finds the same failures at every pass stores each once.
   */
  claimEventIds(tx: Transaction, events: readonly { id: string; occurredAt: string }[]): Promise<Set<string>> {
    return this.repository.claimEventIds(tx, events);
  }

  /** The event as the contract of `version` parses it, or why it cannot be stored, in the quarantine's words. */
  private parse(event: unknown, version: IngestVersion): IngestEventV2 | string {
    const schema = version === 2 ? ingestEventV2 : ingestEventV1;
    const parsed = schema.safeParse(event);
    return parsed.success
      ? parsed.data
      : describeError(parsed.error, event, schema)
          .map((p) => `${p.field || '(event)'}: found ${p.found}; allowed: ${p.allowed}`)
          .join('; ');
  }

  /**
   * Ingests a batch of events of `version`. `textsStorable`: the caller has ruled out, for the
   * whole batch, texts PostgreSQL cannot store (see IngestBody), so no event is walked to look for them.
   */
  async ingest(
    raw: readonly unknown[],
    runtime: RuntimeIdentity,
    { textsStorable = false, now = new Date(), version = 1 }: { textsStorable?: boolean; now?: Date; version?: IngestVersion } = {},
  ): Promise<IngestResponse> {
    const fastParse = version === 2 ? fastRunEventV2 : fastRunEvent;
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
    const valid: { index: number; event: IngestEventV2 }[] = [];
    const runEvents: IndexedRunEvent[] = [];
    const seen = new Set<string>();

    raw.forEach((event, index) => {
      const name = names[index] ?? null;
      const id = field(event, 'id');
      const hold = (reason: string) => {
        quarantine.push({
          tokenId: runtime.tokenId,
          team: runtime.team,
          automation: name,
          eventType: field(event, 'type'),
          reason,
          payload: storable(event instanceof UnparseableLine ? { line: event.line, text: event.text } : event),
        });
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
      const parsed = fastParse(event) ?? this.parse(event, version);
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

    await this.database.transaction(async (tx) => {
      const fresh = await this.repository.claimEventIds(
        tx,
        valid.map((v) => v.event),
      );
      const stored: IngestEventV2[] = [];
      for (const { index, event } of valid) {
        if (fresh.has(event.id)) {
          stored.push(event);
          outcome(index, event.id, 'accepted');
        } else {
          outcome(index, event.id, 'duplicate');
        }
      }
      const patches = mergeRunEvents(runEvents);
      const applied = await this.repository.applyRunPhases(tx, patches);
      // An event is accepted when any phase it carries was new (a `run` carries both), a duplicate when none was.
      const phaseNew = new Map<number, boolean>();
      const ended: RunEventV2[] = [];
      const runEventAt = new Map(runEvents.map((r) => [r.index, r.event]));
      const note = (index: number, isNew: boolean) => phaseNew.set(index, isNew || phaseNew.get(index) === true);
      for (const patch of patches) {
        patch.starts.forEach((index, i) => note(index, i === 0 && applied.starts.has(patch)));
        if (patch.end !== null) {
          note(patch.end, applied.ends.has(patch));
          if (applied.ends.has(patch)) {
            ended.push(runEventAt.get(patch.end) as RunEventV2);
          }
        }
        patch.lostEnds.forEach((index) => note(index, false));
      }
      for (const [index, isNew] of phaseNew) {
        outcome(index, (runEventAt.get(index) as RunEventV2).id, isNew ? 'accepted' : 'duplicate');
      }
      const counted = applied.counted;
      await this.repository.insertSteps(
        tx,
        stored.filter((e): e is StepV1 => e.type === 'step'),
      );
      const signals = stored.filter((e): e is ResilienceV1 => e.type === 'resilience');
      await this.repository.addRollups(tx, rollupDeltas(counted, signals));
      await this.repository.addLatencyCounts(tx, counted);
      await this.repository.insertMeasurements(
        tx,
        stored.filter((e): e is KpiMeasurementV1 => e.type === 'kpi_measurement'),
      );
      await this.repository.touchActivity(
        tx,
        counted,
        stored.filter((e): e is HeartbeatV1 => e.type === 'heartbeat'),
      );
      await this.deadLetters.store(
        tx,
        stored.filter((e): e is DeadLetterV1 => e.type === 'dead_letter'),
      );
      const reprocessed = ended.flatMap((e) => {
        const end = endOf(e);
        return e.reprocessId === undefined || end === undefined ? [] : [{ reprocessId: e.reprocessId, ...end }];
      });
      await this.deadLetters.recordReprocessRuns(
        tx,
        reprocessed.filter((e) => e.outcome === 'succeeded').map((e) => e.reprocessId),
        reprocessed.flatMap((e) => (e.outcome === 'failed' ? [{ reprocessId: e.reprocessId, errorClass: e.errorClass ?? '', errorMessage: e.errorMessage ?? '' }] : [])),
      );
      await this.repository.quarantine(tx, quarantine);
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

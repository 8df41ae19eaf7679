import { Inject, Injectable } from '@nestjs/common';
import { SYSTEM_ACTOR, AuditService, type AuditActor } from '../audit/index.js';
import type { User } from '../auth/index.js';
import { ConflictError, InputError } from '../errors/domain-errors.js';
import { JobsService } from '../jobs/index.js';
import type { ReprocessCanaryType } from './dto/reprocess-canary.type.js';
import { decide, sliceSize, stageOf, waitingNote, type CanaryDecision, type CanaryPlan } from './reprocess-canary.js';
import { ReprocessCanaryRepository, type CanaryRow } from './reprocess-canary.repository.js';
import { enqueueRequest } from './reprocess-enqueue.js';
import { ReprocessRepository } from './reprocess.repository.js';
import { Database, type Transaction } from '../database/database.js';

/**
 * Canary reprocess: a request sends a first slice, waits until the runtime reported every slice
 * message's outcome (succeeded, or failed again — not the broker's acknowledgement), then sends the
 * rest when at most the threshold failed again, or stops otherwise. A slice message whose outcome
 * never comes keeps the canary waiting: a person may continue the request (or cancel it).
 */
@Injectable()
export class ReprocessCanaryService {
  constructor(
    @Inject(ReprocessCanaryRepository) private readonly canaries: ReprocessCanaryRepository,
    @Inject(ReprocessRepository) private readonly ledger: ReprocessRepository,
    @Inject(Database) private readonly database: Database,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(JobsService) private readonly jobs: JobsService,
  ) {}

  /** In the transaction that snapshots the request: takes the slice from its `total` messages and holds the rest. */
  async stage(tx: Transaction, requestId: string, total: number, plan: CanaryPlan): Promise<void> {
    const size = sliceSize(plan, total);
    if (typeof size === 'string') {
      const path = plan.count === undefined || plan.count === null ? 'canary.percent' : 'canary.count';
      throw new InputError('The canary is not valid.', [{ path, message: size, found: String(plan.count ?? `${plan.percent ?? 0}%`), allowed: `fewer than ${total} messages` }]);
    }
    const kept = plan.count === undefined || plan.count === null ? { percent: plan.percent ?? 0 } : { count: plan.count };
    await this.canaries.stage(tx, requestId, { ...kept, maxFailureRate: plan.maxFailureRate, size });
  }

  /** Requests' canaries as the api shows them. */
  async of(requestIds: readonly string[]): Promise<Map<string, ReprocessCanaryType>> {
    const rows = await this.canaries.canaries(requestIds);
    return new Map([...rows].map(([id, row]) => [id, presented(row)]));
  }

  /**
   * Decides a running request's canary once every slice message has an outcome. Answers `waiting`
   * while it is still sending or waiting (check again later), otherwise `idle`.
   */
  async evaluate(requestId: string): Promise<'waiting' | 'idle'> {
    const row = (await this.canaries.canaries([requestId])).get(requestId);
    if (row === undefined || row.canary_decision !== null || row.state !== 'running') {
      return 'idle';
    }
    if (row.unsent > 0 || row.awaiting > 0) {
      if (row.unsent === 0) {
        await this.ledger.setWaiting(requestId, waitingNote(row));
      }
      return 'waiting';
    }
    const verdict = decide(row.canary, row);
    await this.record(row, { ...verdict, at: new Date().toISOString(), by: null, succeeded: row.succeeded, failed: row.failed, awaiting: 0 }, SYSTEM_ACTOR, null);
    return 'idle';
  }

  /** A person sends the rest without waiting for the outcomes still missing (the caller checked they may control the request). */
  async continueNow(requestId: string, user: User, note: string | null): Promise<void> {
    const row = (await this.canaries.canaries([requestId])).get(requestId);
    if (row === undefined) {
      throw new ConflictError('This request was not started with a canary: it sends everything at once.', 'id');
    }
    if (row.canary_decision !== null) {
      throw new ConflictError(`Its canary already ${row.canary_decision.outcome}: ${row.canary_decision.reason}.`, 'id');
    }
    if (row.state !== 'running' && row.state !== 'paused') {
      throw new ConflictError(`The request is ${row.state}; only a running or paused request's canary can be continued.`, 'id');
    }
    const known = row.succeeded + row.failed;
    const decision: CanaryDecision = {
      outcome: 'passed',
      reason: `canary: continued by ${user.name} with ${row.awaiting + row.unsent} of ${row.size} outcome(s) not known (${row.failed} of ${known} failed again); sending the other ${row.rest}`,
      at: new Date().toISOString(),
      by: { id: user.id, name: user.name },
      succeeded: row.succeeded,
      failed: row.failed,
      awaiting: row.awaiting + row.unsent,
    };
    await this.record(row, decision, user, note?.trim() === '' ? null : (note?.trim() ?? null));
  }

  /** Records the decision once, with its audit entry: the rest is released, or the request stops and its rest waits again. */
  private async record(row: CanaryRow, decision: CanaryDecision, actor: AuditActor, note: string | null): Promise<void> {
    const id = row.request_id;
    const recorded = await this.database.transaction(async (tx) => {
      if (!(await this.canaries.decide(tx, id, decision))) {
        return false;
      }
      const passed = decision.outcome === 'passed';
      const released = passed ? await this.canaries.release(tx, id) : 0;
      if (!passed) {
        await this.ledger.transition(tx, id, ['running', 'paused'], 'cancelled');
      }
      const cancelled = passed ? 0 : await this.ledger.cancelUnsent(tx, id);
      await this.audit.record(
        {
          actor,
          action: `reprocess.canary.${decision.by === null ? decision.outcome : 'continued'}`,
          target: { kind: 'reprocess_request', id },
          automations: row.automations,
          reason: note ?? decision.reason,
          detail: {
            size: row.size,
            succeeded: decision.succeeded,
            failed: decision.failed,
            awaiting: decision.awaiting,
            maxFailureRate: row.canary.maxFailureRate,
            ...(passed ? { rest: released } : { notSent: cancelled }),
          },
        },
        tx,
      );
      return passed;
    });
    if (recorded) {
      // Decided: the rest goes out, with no canary left to check.
      await enqueueRequest(this.jobs, id, false);
    }
  }
}

function presented(row: CanaryRow): ReprocessCanaryType {
  const decision = row.canary_decision;
  return {
    requestedCount: row.canary.count ?? null,
    requestedPercent: row.canary.percent ?? null,
    maxFailureRate: row.canary.maxFailureRate,
    size: row.size,
    stage: stageOf(row, decision, row.state),
    sent: row.size - row.unsent,
    awaiting: row.awaiting,
    succeeded: row.succeeded,
    failed: row.failed,
    rest: row.rest,
    decision: decision === null ? null : { ...decision, at: new Date(decision.at) },
  };
}

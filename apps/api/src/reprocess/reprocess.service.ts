import { Inject, Injectable } from '@nestjs/common';
import { grantsOnTeam, type User } from '../auth/index.js';
import { checkPageSize, decodeCursor, encodeCursor } from '../common/pagination.js';
import { ConflictError, InputError, NotAllowedError, NotFoundError, type FieldError } from '../errors/domain-errors.js';
import { JobsService } from '../jobs/index.js';
import { approvalPolicyOf, approvalReasons, wordList, type ApprovalPolicy } from '../approval-policy/index.js';
import { APP_CONFIG, type AppConfig } from '../config/app.config.js';
import { SYSTEM_ACTOR, AuditService } from '../audit/index.js';
import { maskMessage } from '../dead-letters/index.js';
import type {
  DeadLetterActionType,
  ReprocessPreviewType,
  ReprocessProgressType,
  ReprocessRequestConnectionType,
  ReprocessRequestType,
  StartReprocessInput,
} from './dto/reprocess.type.js';
import { enqueueRequest } from './reprocess-enqueue.js';
import { Runtimes } from '../runtimes/index.js';
import { describeSelection, selectionOf } from './reprocess-selection.js';
import { ReprocessHolds } from './reprocess-holds.js';
import { SELF_APPROVAL, changesSince, checkDecide, decideVerdict, deniedReason, mayAct, notWaiting, undecidable } from './reprocess-access.js';
import { checkCanary } from './reprocess-canary.js';
import { ReprocessCanaryService } from './reprocess-canary.service.js';
import { ReprocessItemsRepository } from './reprocess-items.repository.js';
import { ReprocessRepository, type RequestRow, type SelectionCandidate } from './reprocess.repository.js';
import type { SelectionGroupRow } from './reprocess-items.repository.js';
import { ERROR_GROUPS, ITEM_STATES, type ItemState, type ReprocessAction, type RequestState, type Selection } from './reprocess.types.js';
import { Database } from '../database/database.js';

export const MAX_VELOCITY = 10_000;
export const MAX_REPROCESS_PAGE = 100;

/**
 * Reprocess and discard requests: what a selection holds, making a request (a snapshot, checked
 * against what the person confirmed), pausing, resuming, cancelling, and the record of each.
 */
@Injectable()
export class ReprocessService {
  private readonly policy: ApprovalPolicy;

  constructor(
    @Inject(ReprocessRepository) private readonly ledger: ReprocessRepository,
    @Inject(Database) private readonly database: Database,
    @Inject(ReprocessItemsRepository) private readonly items: ReprocessItemsRepository,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(JobsService) private readonly jobs: JobsService,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(Runtimes) private readonly runtimes: Runtimes,
    @Inject(ReprocessHolds) private readonly holds: ReprocessHolds,
    @Inject(ReprocessCanaryService) private readonly canary: ReprocessCanaryService,
  ) {
    this.policy = approvalPolicyOf(config);
  }

  async preview(action: ReprocessAction, selection: Selection, user: User | undefined): Promise<ReprocessPreviewType> {
    const parts = await this.ledger.selectionParts(selection);
    const titles = await this.ledger.titles(parts.map((p) => p.automation_slug));
    const denied = [...new Set(parts.filter((p) => !mayAct(user, p.owner_team)).map((p) => p.automation_slug))];
    const count = parts.reduce((sum, p) => sum + p.count, 0);
    return {
      action,
      count,
      approvalReasons: count === 0 ? [] : approvalReasons(this.policy, action, count, automationsOf(parts)),
      parts: parts.map((part) => {
        const route = this.runtimes.route(action, part.runtime, part.source_kind);
        return {
          automation: { slug: part.automation_slug, title: titles.get(part.automation_slug) ?? part.automation_slug },
          sourceKind: part.source_kind,
          route,
          destination: this.runtimes.describeRoute(route, part.runtime),
          count: part.count,
          warning: this.runtimes.routeWarning(route, part.runtime),
          allowed: mayAct(user, part.owner_team),
        };
      }),
      blockedReason: denied.length === 0 ? null : deniedReason(user, denied),
    };
  }

  async start(input: StartReprocessInput, user: User): Promise<ReprocessRequestType> {
    const selection = checkStart(input);
    const parts = await this.partsToTake(selection, user);
    const routes = parts.map((part: SelectionCandidate) => ({
      automation: part.automation_slug,
      sourceKind: part.source_kind,
      route: this.runtimes.route(input.action, part.runtime, part.source_kind),
    }));
    const created = await this.database.transaction(async (tx) => {
      const request = await this.ledger.create(tx, {
        action: input.action,
        requestedBy: user.id,
        requestedByName: user.name,
        reason: input.reason.trim(),
        selection,
        velocity: input.velocity,
        routes,
        automations: Object.fromEntries(parts.map((part) => [part.automation_slug, { ownerTeam: part.owner_team, riskDomains: part.risk_domains }])),
      });
      if (input.expectedCount !== undefined && input.expectedCount !== null && request.total > input.expectedCount) {
        throw new ConflictError(`The selection now holds ${request.total} dead letters, more than the ${input.expectedCount} you confirmed. Preview it again.`, 'expectedCount');
      }
      if (request.total === 0) {
        // Nothing taken: what the selection holds is all waiting in another request, or (changed since it was read) nothing is actionable.
        if (await this.ledger.holdsActionable(tx, selection, [...new Set(parts.map((p) => p.automation_slug))])) {
          throw new ConflictError('Every dead letter in the selection is already waiting in another request.', 'selection');
        }
        throw nothingToActOn();
      }
      // What the request acts on: the parts it took dead letters of.
      const taken = parts.filter((part) => request.taken.some((t) => t.automation_slug === part.automation_slug && t.source_kind === part.source_kind));
      const routesTaken = routes.filter((route) => request.taken.some((t) => t.automation_slug === route.automation && t.source_kind === route.sourceKind));
      if (input.canary !== undefined && input.canary !== null) {
        await this.canary.stage(tx, request.id, request.total, input.canary);
      }
      const reasons = approvalReasons(this.policy, input.action, request.total, automationsOf(taken));
      if (reasons.length > 0) {
        await this.ledger.holdForApproval(tx, request.id, reasons);
      }
      await this.audit.record(
        {
          actor: user,
          action: `${input.action}.requested`,
          target: { kind: 'reprocess_request', id: request.id },
          automations: routesTaken.map((r) => r.automation),
          reason: input.reason.trim(),
          detail: {
            selection: describeSelection(selection),
            total: request.total,
            velocity: input.velocity,
            routes: [...new Set(routesTaken.map((r) => r.route))],
            ...(input.canary === undefined || input.canary === null ? {} : { canary: { ...input.canary } }),
            ...(reasons.length === 0 ? {} : { awaitingApproval: reasons }),
          },
        },
        tx,
      );
      return { ...request, held: reasons.length > 0 };
    });
    // The answer is the request as committed, before its workers start: every item queued, no error yet, its
    // groups as the snapshot counted them (ledger statistics are refreshed by the dispatch job before its first claim).
    const [answer] = await this.present([await this.find(created.id)], user, true, {
      progress: { queued: created.total },
      groups: created.groups,
    });
    if (!created.held) {
      await enqueueRequest(this.jobs, created.id, input.canary !== undefined && input.canary !== null);
    }
    return answer as ReprocessRequestType;
  }

  /**
   * The automations and sources a new request snapshots: the selection's candidates (stored status,
   * no probe of the ledger per dead letter) the person may act on. Refused, as the preview says, when
   * the selection holds an actionable dead letter not already waiting of an automation the person may
   * not act on (then counted exactly, selectionParts); an automation they may not act on is never
   * part of the snapshot.
   */
  private async partsToTake(selection: Selection, user: User): Promise<SelectionCandidate[]> {
    const candidates = await this.ledger.candidates(selection);
    if (candidates.some((p) => !mayAct(user, p.owner_team))) {
      const exact = await this.ledger.selectionParts(selection);
      const denied = [...new Set(exact.filter((p) => !mayAct(user, p.owner_team)).map((p) => p.automation_slug))];
      if (denied.length > 0) {
        throw new NotAllowedError(deniedReason(user, denied));
      }
    }
    const parts = candidates.filter((p) => mayAct(user, p.owner_team));
    if (parts.length === 0) {
      throw nothingToActOn();
    }
    return parts;
  }

  /**
   * A second person who may act on every automation of the request lets it run: it is sent like
   * any started request. Never the person who asked for it.
   */
  async approve(id: string, note: string | null, user: User): Promise<ReprocessRequestType> {
    const current = await this.find(id);
    const now = await this.ledger.automationsNow(current.automations);
    checkDecide(current, user, now);
    if (current.requested_by === user.id) {
      throw new NotAllowedError(SELF_APPROVAL);
    }
    // Moved or re-classified since it was asked for (a change that did not set it aside at once): no one decides it now.
    const changed = changesSince(current, now);
    if (changed.length > 0) {
      const why = wordList(changed);
      await this.database.transaction((tx) => this.holds.requestOutdated(tx, id, why, user));
      throw new ConflictError(`${why} after ${current.requested_by_name} asked for this request: it was set aside, not approved. Ask again if it is still needed.`, 'id');
    }
    const text = note?.trim() === '' ? null : (note?.trim() ?? null);
    const approved = await this.database.transaction(async (tx) => {
      const decided = await this.ledger.decide(tx, id, { decision: 'approved', by: user, note: text });
      if (decided === undefined) {
        throw new ConflictError(notWaiting((await this.ledger.request(id)) ?? current, 'approved'), 'id');
      }
      await this.audit.record(
        {
          actor: user,
          action: 'approval.approved',
          target: { kind: 'reprocess_request', id },
          automations: current.automations,
          reason: text,
          detail: { requestedBy: current.requested_by, approvalReasons: current.approval_reasons, total: current.total },
        },
        tx,
      );
      return decided;
    });
    await enqueueRequest(this.jobs, id, approved.canary_open);
    return this.get(id, user);
  }

  /**
   * Says no to a request waiting for approval — a second person who may approve it, or the
   * requester withdrawing it: it ends cancelled, nothing is sent, and its dead letters wait again.
   */
  async reject(id: string, reason: string, user: User): Promise<ReprocessRequestType> {
    const text = reason.trim();
    if (text.length < 3) {
      throw new InputError('Say why the request is rejected.', [
        { path: 'reason', message: 'say why, in a few words (it goes in the audit trail)', found: JSON.stringify(reason) },
      ]);
    }
    const current = await this.find(id);
    if (current.requested_by === user.id) {
      await this.checkControl(current, user);
    } else {
      checkDecide(current, user, await this.ledger.automationsNow(current.automations));
    }
    await this.database.transaction(async (tx) => {
      const decided = await this.ledger.decide(tx, id, { decision: 'rejected', by: user, note: text });
      if (decided === undefined) {
        throw new ConflictError(notWaiting((await this.ledger.request(id)) ?? current, 'rejected'), 'id');
      }
      const released = await this.ledger.cancelUnsent(tx, id);
      await this.audit.record(
        {
          actor: user,
          action: 'approval.rejected',
          target: { kind: 'reprocess_request', id },
          automations: current.automations,
          reason: text,
          detail: { requestedBy: current.requested_by, withdrawn: current.requested_by === user.id, released },
        },
        tx,
      );
    });
    return this.get(id, user);
  }

  /** Requests waiting for approval that `user` may decide, or that `user` asked for. */
  async awaitingApproval(user: User | undefined): Promise<ReprocessRequestType[]> {
    const rows = await this.ledger.awaitingApproval();
    const presented = await this.present(rows, user, false);
    return presented.filter((request) => request.canDecide || request.requestedBy.id === user?.id);
  }

  async pause(id: string, user: User, reason: string | null): Promise<ReprocessRequestType> {
    await this.control(id, user, ['running'], 'paused', 'request.paused', reason);
    return this.get(id, user);
  }

  async resume(id: string, user: User, reason: string | null): Promise<ReprocessRequestType> {
    const resumed = await this.control(id, user, ['paused'], 'running', 'request.resumed', reason);
    await enqueueRequest(this.jobs, id, resumed.canary_open);
    return this.get(id, user);
  }

  async cancel(id: string, user: User, reason: string | null): Promise<ReprocessRequestType> {
    await this.control(id, user, ['running', 'paused'], 'cancelled', 'request.cancelled', reason);
    return this.get(id, user);
  }

  /** Sends the rest of a request whose canary still waits for outcomes (they may never come); the person may control the request. */
  async continueCanary(id: string, user: User, reason: string | null): Promise<ReprocessRequestType> {
    await this.checkControl(await this.find(id), user);
    await this.canary.continueNow(id, user, reason);
    return this.get(id, user);
  }

  /** Marks a running request done when nothing is left to send, and records its outcome. */
  async finishIfDone(id: string): Promise<boolean> {
    return this.database.transaction(async (tx) => {
      const row = await this.ledger.finishIfDone(tx, id);
      if (row === undefined) {
        return false;
      }
      const progress = (await this.items.progress([id])).get(id) ?? {};
      await this.audit.record(
        { actor: SYSTEM_ACTOR, action: 'request.finished', target: { kind: 'reprocess_request', id }, automations: row.automations, detail: { total: row.total, ...progress } },
        tx,
      );
      return true;
    });
  }

  /**
   * Marks the request done when nothing is left to send; otherwise, when only SDK runtimes can move
   * it on, says so. Answers whether workers still have something to send (now or after a backoff).
   */
  async settle(id: string): Promise<boolean> {
    if (await this.finishIfDone(id)) {
      return false;
    }
    const left = await this.items.remaining(id);
    if (left.due === 0 && left.unconfirmed === 0 && left.later === null) {
      await this.ledger.setWaiting(id, left.offered > 0 ? waitingForPickUp(left.offered) : null);
      return false;
    }
    return true;
  }

  async get(id: string, user: User | undefined): Promise<ReprocessRequestType> {
    const [request] = await this.present([await this.find(id)], user, true);
    return request as ReprocessRequestType;
  }

  private async find(id: string): Promise<RequestRow> {
    const row = /^\d{1,18}$/.test(id) ? await this.ledger.request(id) : undefined;
    if (row === undefined) {
      throw new NotFoundError(`No reprocess request has the id "${id}".`);
    }
    return row;
  }

  async list(automation: string | undefined, first: number, after: string | undefined, user: User | undefined): Promise<ReprocessRequestConnectionType> {
    checkPageSize(first, MAX_REPROCESS_PAGE);
    const before = after === undefined ? undefined : decodeCursor(after, ([id]) => (typeof id === 'string' && /^\d+$/.test(id) ? id : undefined));
    const rows = await this.ledger.requests(automation, first + 1, before);
    const page = rows.slice(0, first);
    const nodes = await this.present(page, user, false);
    const edges = nodes.map((node) => ({ cursor: encodeCursor([node.id]), node }));
    return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  async history(deadLetterId: string, automation: string, user: User | undefined): Promise<DeadLetterActionType[]> {
    const rows = await this.items.itemsForDeadLetter(deadLetterId);
    const shown = await this.errorsAsSeenBy([automation], user);
    return rows.map((row) => ({
      requestId: row.request_id,
      action: row.action,
      requestState: row.request_state,
      requestedBy: row.requested_by_name,
      reason: row.reason,
      requestedAt: row.created_at,
      route: row.route,
      state: row.state,
      reprocessId: row.reprocess_id,
      attempts: row.attempts,
      lastError: row.last_error === null ? null : shown(automation, row.last_error),
      dispatchedAt: row.dispatched_at,
      acknowledgedAt: row.acknowledged_at,
      finishedAt: row.finished_at,
      newDeadLetterId: row.new_dead_letter_id,
    }));
  }

  /** Moves a request the person may control from one of `from` to `to`, on record; answers it as moved. */
  private async control(id: string, user: User, from: readonly RequestState[], to: RequestState, action: string, reason: string | null): Promise<RequestRow> {
    const current = await this.ledger.request(/^\d{1,18}$/.test(id) ? id : '0');
    if (current === undefined) {
      throw new NotFoundError(`No reprocess request has the id "${id}".`);
    }
    await this.checkControl(current, user);
    return this.database.transaction(async (tx) => {
      const moved = await this.ledger.transition(tx, id, from, to);
      if (moved === undefined) {
        throw new ConflictError(`The request is ${current.state}; it can be ${to === 'running' ? 'resumed' : to} only when ${from.join(' or ')}.`, 'id');
      }
      const cancelled = to === 'cancelled' ? await this.ledger.cancelUnsent(tx, id) : undefined;
      await this.audit.record(
        {
          actor: user,
          action,
          target: { kind: 'reprocess_request', id },
          automations: current.automations,
          reason: reason?.trim() === '' ? null : (reason?.trim() ?? null),
          detail: cancelled === undefined ? {} : { cancelled },
        },
        tx,
      );
      return moved;
    });
  }

  private async checkControl(request: RequestRow, user: User): Promise<void> {
    const owners = await this.ledger.owners(request.automations);
    const denied = request.automations.filter((slug) => !mayAct(user, owners.get(slug) ?? ''));
    if (denied.length > 0) {
      throw new NotAllowedError(deniedReason(user, denied));
    }
  }

  /**
   * What runtimes and webhooks answered, as `user` may read it: a receiver's answer can echo the
   * message or a credential, so it is masked like an error message (maskMessage) for everyone who
   * may not read the automation's payloads.
   */
  private async errorsAsSeenBy(automations: readonly string[], user: User | undefined): Promise<(automation: string, text: string) => string> {
    const policies = await this.ledger.payloadPolicies(automations);
    return (automation, text) => {
      const policy = policies.get(automation);
      return policy !== undefined && grantsOnTeam(user, 'dead-letter:payload', policy.ownerTeam) ? text : maskMessage(text, policy?.sensitiveFields ?? []);
    };
  }

  private async recentErrors(row: RequestRow, user: User | undefined): Promise<ReprocessRequestType['recentErrors']> {
    const shown = await this.errorsAsSeenBy(row.automations, user);
    return (await this.items.itemErrors(row.id, 20)).map((e) => ({
      deadLetterId: e.dead_letter_id,
      messageId: e.message_id,
      state: e.state,
      error: shown(e.automation_slug, e.last_error),
      attempts: e.attempts,
    }));
  }

  /** What the snapshot holds by automation and error, the sample's error as `user` may read it. */
  private async errorGroups(row: RequestRow, user: User | undefined, counted?: readonly SelectionGroupRow[]): Promise<ReprocessRequestType['errorGroups']> {
    const shown = await this.errorsAsSeenBy(row.automations, user);
    return (counted ?? (await this.items.selectionGroups(row.id, ERROR_GROUPS))).map((g) => ({
      automation: g.automation_slug,
      errorClass: g.error_class,
      count: g.count,
      sampleDeadLetterId: g.sample_id,
      sampleMessageId: g.sample_message_id,
      sampleError: shown(g.automation_slug, g.sample_error),
    }));
  }

  /**
   * Requests as `user` sees them. `fresh`: the one request just snapshotted, with its progress and
   * error groups as the snapshot counted them (it has no item sent, so no error yet).
   */
  private async present(
    rows: readonly RequestRow[],
    user: User | undefined,
    withErrors: boolean,
    fresh?: { progress: Partial<Record<ItemState, number>>; groups: readonly SelectionGroupRow[] },
  ): Promise<ReprocessRequestType[]> {
    const progress = fresh === undefined ? await this.items.progress(rows.map((r) => r.id)) : new Map(rows.map((r) => [r.id, fresh.progress]));
    const now = await this.ledger.automationsNow([...new Set(rows.flatMap((r) => r.automations))]);
    const owners = new Map([...now].map(([slug, automation]) => [slug, automation.ownerTeam]));
    const canaries = await this.canary.of(rows.map((r) => r.id));
    const result: ReprocessRequestType[] = [];
    for (const row of rows) {
      const counts = progress.get(row.id) ?? {};
      result.push({
        id: row.id,
        action: row.action,
        state: row.state,
        reason: row.reason,
        requestedBy: { id: row.requested_by, name: row.requested_by_name },
        velocity: row.velocity,
        total: row.total,
        automations: row.automations,
        selection: describeSelection(row.selection),
        waitingReason: row.waiting_reason,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
        finishedAt: row.finished_at,
        progress: Object.fromEntries(ITEM_STATES.map((s) => [s, counts[s] ?? 0])) as unknown as ReprocessProgressType,
        canary: canaries.get(row.id) ?? null,
        recentErrors: withErrors && fresh === undefined ? await this.recentErrors(row, user) : [],
        errorGroups: await this.errorGroups(row, user, fresh?.groups),
        canControl: row.automations.every((slug) => mayAct(user, owners.get(slug) ?? '')),
        canReject:
          row.state === 'awaiting_approval' &&
          (row.requested_by === user?.id ? row.automations.every((slug) => mayAct(user, owners.get(slug) ?? '')) : undecidable(row, user, now) === null),
        approvalReasons: row.approval_reasons,
        decision:
          row.decision === null || row.decided_at === null
            ? null
            : { decision: row.decision, by: { id: row.decided_by ?? '', name: row.decided_by_name ?? '' }, at: row.decided_at, note: row.decision_note },
        ...decideVerdict(row, user, now),
      });
    }
    return result;
  }
}

/** Each automation a request acts on, with the risk domains it touches. */
function automationsOf(parts: readonly SelectionCandidate[]): { slug: string; riskDomains: string[] }[] {
  const bySlug = new Map(parts.map((part) => [part.automation_slug, part.risk_domains]));
  return [...bySlug].map(([slug, riskDomains]) => ({ slug, riskDomains }));
}

function nothingToActOn(): InputError {
  return new InputError('Nothing to act on: the selection holds no pending, failed-again or reprocessed dead letters that are not already in a request.', [
    { path: 'selection', message: 'matches no actionable dead letter' },
  ]);
}

/** The request's note while only SDK runtimes can move it on. */
function waitingForPickUp(offered: number): string {
  return `Waiting for the runtime to pick up ${offered} command(s) through the SDK.`;
}

/** Checks a request's input at the edge; answers its selection. */
function checkStart(input: StartReprocessInput): Selection {
  const problems: FieldError[] = [];
  if (input.reason.trim().length < 3) {
    problems.push({ path: 'reason', message: 'say why, in a few words (it goes in the audit trail)', found: JSON.stringify(input.reason) });
  } else if (input.reason.length > 1000) {
    problems.push({ path: 'reason', message: 'at most 1,000 characters', found: `${input.reason.length} characters` });
  }
  if (!Number.isInteger(input.velocity) || input.velocity < 1 || input.velocity > MAX_VELOCITY) {
    problems.push({ path: 'velocity', message: 'messages per second', found: String(input.velocity), allowed: `1 to ${MAX_VELOCITY}` });
  }
  const selection = selectionOf(input.selection, problems);
  checkCanary(input.canary, input.action, problems);
  if (problems.length > 0 || selection === undefined) {
    throw new InputError('The request is not valid.', problems);
  }
  return selection;
}

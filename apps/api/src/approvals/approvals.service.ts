import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/index.js';
import { grantsAsMember, type User } from '../auth/index.js';
import { definitionToYaml, AutomationsService } from '../automations/index.js';
import { ConflictError, InputError, NotAllowedError, NotFoundError } from '../errors/domain-errors.js';
import { ReprocessService } from '../reprocess/index.js';
import { AutomationChangeGate, AutomationChangesService, describeSloChanges, type ChangeRow } from '../automation-changes/index.js';
import type { ApprovalInboxType, AutomationChangeType } from './dto/approval.type.js';
import { Database } from '../database/database.js';

/** Whether `user` is an owner of `team`: who approves changes to its production automations. Admins are not, unless on the team. */
function ownsTeam(user: User | undefined, team: string): boolean {
  return grantsAsMember(user, 'automation:update', team);
}

/**
 * The approval inbox, and the decisions on changes to automations that wait for approval (SLOs of
 * production automations, moves and risk domains of risk-domain automations): an owner of
 * the owning team other than the requester approves (the change is applied through the same path
 * as any console edit) or rejects; the requester may withdraw.
 */
@Injectable()
export class ApprovalsService {
  constructor(
    @Inject(AutomationChangesService) private readonly changes: AutomationChangesService,
    @Inject(Database) private readonly database: Database,
    @Inject(AutomationsService) private readonly automations: AutomationsService,
    @Inject(ReprocessService) private readonly reprocess: ReprocessService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(AutomationChangeGate) private readonly gate: AutomationChangeGate,
  ) {}

  async inbox(user: User | undefined): Promise<ApprovalInboxType> {
    const reprocessRequests = await this.reprocess.awaitingApproval(user);
    const pending = (await this.changes.pending()).filter((change) => ownsTeam(user, change.owner_team) || change.requested_by === user?.id);
    const automationChanges = await this.present(pending, user);
    return {
      reprocessRequests,
      automationChanges,
      waitingForYou: reprocessRequests.filter((r) => r.canDecide).length + automationChanges.filter((c) => c.canDecide).length,
    };
  }

  /** The change waiting for approval on this automation, if any. */
  async pendingChange(slug: string, user: User | undefined): Promise<AutomationChangeType | null> {
    const change = (await this.changes.pendingFor([slug])).get(slug);
    return change === undefined ? null : ((await this.present([change], user))[0] ?? null);
  }

  async approve(id: string, note: string | null, user: User): Promise<AutomationChangeType> {
    const change = await this.find(id);
    const text = note?.trim() === '' ? null : (note?.trim() ?? null);
    if (!ownsTeam(user, change.owner_team)) {
      throw new NotAllowedError(notOwner(change));
    }
    if (change.requested_by === user.id) {
      throw new NotAllowedError(selfApproval(change));
    }
    if (change.state !== 'pending') {
      throw new ConflictError(settled(change), 'id');
    }
    if (await this.isStale(change)) {
      const why = `${change.automation_slug} changed after ${change.requested_by_name} asked for this change.`;
      await this.database.transaction(async (tx) => {
        if ((await this.changes.settle(tx, id, 'superseded', user, why)) !== undefined) {
          await this.audit.record(
            {
              actor: user,
              action: 'approval.superseded',
              target: { kind: 'automation_change', id },
              automations: [change.automation_slug],
              teams: [change.owner_team],
              reason: why,
            },
            tx,
          );
        }
      });
      throw new ConflictError(`${why} It was not applied and is now superseded: ask for it again from the current definition.`, 'id');
    }
    await this.automations.update(change.automation_slug, change.proposed_input, user, { approvedChange: id });
    await this.database.transaction(async (tx) => {
      if ((await this.changes.settle(tx, id, 'approved', user, text)) === undefined) {
        throw new ConflictError(settled((await this.changes.find(id)) ?? change), 'id');
      }
      await this.audit.record(
        {
          actor: user,
          action: 'approval.approved',
          target: { kind: 'automation_change', id },
          automations: [change.automation_slug],
          teams: [change.owner_team],
          reason: text,
          before: {
            slos: change.base_definition.slos,
            ownerTeam: change.base_definition.ownerTeam,
            riskDomains: change.base_definition.riskDomains,
            lifecycle: change.base_definition.lifecycle,
          },
          after: {
            slos: change.proposed_definition.slos,
            ownerTeam: change.proposed_definition.ownerTeam,
            riskDomains: change.proposed_definition.riskDomains,
            lifecycle: change.proposed_definition.lifecycle,
          },
          detail: {
            requestedBy: change.requested_by,
            changes: this.gate.describe(change.base_definition, change.proposed_definition),
            sloChanges: describeSloChanges(change.base_definition.slos, change.proposed_definition.slos),
          },
        },
        tx,
      );
    });
    return this.get(id, user);
  }

  async reject(id: string, reason: string, user: User): Promise<AutomationChangeType> {
    const text = reason.trim();
    if (text.length < 3) {
      throw new InputError('Say why the change is rejected.', [{ path: 'reason', message: 'say why, in a few words (it goes in the audit trail)', found: JSON.stringify(reason) }]);
    }
    const change = await this.find(id);
    if (!ownsTeam(user, change.owner_team) && change.requested_by !== user.id) {
      throw new NotAllowedError(notOwner(change));
    }
    await this.database.transaction(async (tx) => {
      if ((await this.changes.settle(tx, id, 'rejected', user, text)) === undefined) {
        throw new ConflictError(settled((await this.changes.find(id)) ?? change), 'id');
      }
      await this.audit.record(
        {
          actor: user,
          action: 'approval.rejected',
          target: { kind: 'automation_change', id },
          automations: [change.automation_slug],
          teams: [change.owner_team],
          reason: text,
          detail: { requestedBy: change.requested_by, withdrawn: change.requested_by === user.id },
        },
        tx,
      );
    });
    return this.get(id, user);
  }

  private async get(id: string, user: User): Promise<AutomationChangeType> {
    const [change] = await this.present([await this.find(id)], user);
    return change as AutomationChangeType;
  }

  private async find(id: string): Promise<ChangeRow> {
    const change = await this.changes.find(id);
    if (change === undefined) {
      throw new NotFoundError(`No automation change has the id "${id}".`);
    }
    return change;
  }

  /** Whether the automation changed since the change was asked for. */
  private async isStale(change: ChangeRow): Promise<boolean> {
    return (await this.automations.exportYaml(change.automation_slug)) !== definitionToYaml(change.base_definition);
  }

  private async present(rows: readonly ChangeRow[], user: User | undefined): Promise<AutomationChangeType[]> {
    const result: AutomationChangeType[] = [];
    for (const change of rows) {
      const pending = change.state === 'pending';
      const stale = pending && (await this.isStale(change));
      result.push({
        id: change.id,
        automation: { slug: change.automation_slug, title: change.base_definition.title },
        ownerTeam: change.owner_team,
        state: change.state,
        requestedBy: { id: change.requested_by, name: change.requested_by_name },
        requestedAt: change.requested_at,
        sloChanges: describeSloChanges(change.base_definition.slos, change.proposed_definition.slos),
        changes: this.gate.describe(change.base_definition, change.proposed_definition),
        decidedBy: change.decided_by === null ? null : { id: change.decided_by, name: change.decided_by_name ?? change.decided_by },
        decidedAt: change.decided_at,
        reason: change.reason,
        ...decideVerdict(change, user, stale),
        canReject: pending && (ownsTeam(user, change.owner_team) || change.requested_by === user?.id),
      });
    }
    return result;
  }
}

function decideVerdict(change: ChangeRow, user: User | undefined, stale: boolean): { canDecide: boolean; decideBlockedReason: string | null } {
  if (change.state !== 'pending') {
    return { canDecide: false, decideBlockedReason: null };
  }
  if (!ownsTeam(user, change.owner_team)) {
    return { canDecide: false, decideBlockedReason: notOwner(change) };
  }
  if (change.requested_by === user?.id) {
    return { canDecide: false, decideBlockedReason: selfApproval(change) };
  }
  if (stale) {
    return {
      canDecide: false,
      decideBlockedReason: `${change.automation_slug} changed after ${change.requested_by_name} asked for this change: it can no longer be approved. Reject it, or ask for it again.`,
    };
  }
  return { canDecide: true, decideBlockedReason: null };
}

function notOwner(change: ChangeRow): string {
  return `Only owners on the ${change.owner_team} team can approve or reject changes to its automations that wait for approval.`;
}

function selfApproval(change: ChangeRow): string {
  return `You asked for this change; another owner on the ${change.owner_team} team must approve it.`;
}

function settled(change: ChangeRow): string {
  return change.state === 'pending'
    ? 'The change is still waiting for approval.'
    : `This change was already ${change.state}${change.decided_by_name === null ? '' : ` by ${change.decided_by_name}`}.`;
}

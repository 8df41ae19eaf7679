import { Inject, Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '../audit/index.js';
import { ReprocessHolds } from '../reprocess/index.js';
import { dutiesChanges, wordList, type DutiesView } from '../approval-policy/index.js';
import { AutomationChangesRepository } from './automation-changes.repository.js';
import type { Transaction } from '../database/database.js';

/** An automation as separation of duties saw it before a change and after. */
export interface AutomationShift {
  slug: string;
  before: DutiesView;
  after: DutiesView;
}

/**
 * What waits for a second person stays decided by the rules it was asked under. When an automation
 * changes owner team or risk domains (in the console, by an approved change or by a catalog apply),
 * the reprocess and discard requests and the automation change still waiting for it are set aside
 * with the reason, each on the audit trail: a move can never hand a decision to other people.
 */
@Injectable()
export class WaitingApprovals {
  constructor(
    @Inject(AutomationChangesRepository) private readonly changes: AutomationChangesRepository,
    @Inject(ReprocessHolds) private readonly holds: ReprocessHolds,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  /** Call in the transaction that changes the automations. `applying`: the approved change being applied now, left alone. */
  async automationsChanged(tx: Transaction, shifts: readonly AutomationShift[], actor: AuditActor, applying?: string): Promise<void> {
    const shifted = shifts.map((shift) => ({ slug: shift.slug, changed: dutiesChanges(shift.slug, shift.before, shift.after) })).filter((s) => s.changed.length > 0);
    if (shifted.length === 0) {
      return;
    }
    const pending = await this.changes.pendingFor(
      shifted.map((s) => s.slug),
      tx,
    );
    for (const shift of shifted) {
      const why = wordList(shift.changed);
      await this.holds.automationChanged(tx, shift.slug, why, actor);
      const waiting = pending.get(shift.slug);
      if (waiting === undefined || waiting.id === applying) {
        continue;
      }
      const reason = `Set aside: ${why} after ${waiting.requested_by_name} asked for this change. Ask again if it is still needed.`;
      if ((await this.changes.settle(tx, waiting.id, 'superseded', actor, reason)) !== undefined) {
        await this.audit.record(
          { actor, action: 'approval.superseded', target: { kind: 'automation_change', id: waiting.id }, automations: [shift.slug], teams: [waiting.owner_team], reason },
          tx,
        );
      }
    }
  }
}

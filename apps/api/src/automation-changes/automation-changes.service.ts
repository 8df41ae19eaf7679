import { Inject, Injectable } from '@nestjs/common';
import { AutomationChangesRepository, type ChangeRow, type ChangeState } from './automation-changes.repository.js';
import type { Transaction } from '../database/database.js';

/**
 * Changes to automations that wait for their owner team's approval, as the approval inbox reads and
 * decides them. Holding a change is the gate's (AutomationChangeGate); setting one aside when its
 * automation moves is WaitingApprovals'.
 */
@Injectable()
export class AutomationChangesService {
  constructor(@Inject(AutomationChangesRepository) private readonly changes: AutomationChangesRepository) {}

  /** The change with this id; undefined when there is none. */
  find(id: string): Promise<ChangeRow | undefined> {
    return this.changes.find(id);
  }

  /** Every change waiting for approval, oldest first. */
  pending(): Promise<ChangeRow[]> {
    return this.changes.pending();
  }

  /** The change waiting for approval on each of these automations (at most one each). */
  pendingFor(slugs: readonly string[]): Promise<Map<string, ChangeRow>> {
    return this.changes.pendingFor(slugs);
  }

  /**
   * Settles a pending change in the caller's transaction (with its entry on the audit trail, say);
   * undefined when it was no longer pending.
   */
  settle(tx: Transaction, id: string, state: Exclude<ChangeState, 'pending'>, by: { id: string; name: string }, reason: string | null): Promise<ChangeRow | undefined> {
    return this.changes.settle(tx, id, state, by, reason);
  }
}

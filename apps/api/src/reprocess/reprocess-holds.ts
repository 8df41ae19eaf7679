import { Inject, Injectable } from '@nestjs/common';
import { SYSTEM_ACTOR, AuditService, type AuditActor } from '../audit/index.js';
import { ReprocessRepository } from './reprocess.repository.js';
import type { Transaction } from '../database/database.js';

/**
 * Sets aside reprocess and discard requests waiting for approval whose automations changed owner
 * team or risk domains since they were asked for: whoever approves must be allowed to for the
 * automations as they were requested, so such a request is no longer decided at all. It ends
 * cancelled (rejected by Roundhouse, with why), its dead letters wait again, and the trail says who
 * changed the automation.
 */
@Injectable()
export class ReprocessHolds {
  constructor(
    @Inject(ReprocessRepository) private readonly ledger: ReprocessRepository,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  /** Call in the transaction that changes the automation. `why`: "payout-reconciliation moved from finance-ops to order-ops". */
  async automationChanged(tx: Transaction, automation: string, why: string, actor: AuditActor): Promise<string[]> {
    return this.setAside(tx, { automation }, why, actor);
  }

  /** One request, found changed when someone tried to approve it. */
  async requestOutdated(tx: Transaction, id: string, why: string, actor: AuditActor): Promise<boolean> {
    return (await this.setAside(tx, { id }, why, actor)).length > 0;
  }

  private async setAside(tx: Transaction, which: { automation: string } | { id: string }, why: string, actor: AuditActor): Promise<string[]> {
    const note = `Set aside: ${why} after it was asked for. Ask again if it is still needed.`;
    const rows = await this.ledger.setAsideWaiting(tx, which, note, SYSTEM_ACTOR);
    for (const row of rows) {
      const released = await this.ledger.cancelUnsent(tx, row.id);
      await this.audit.record(
        {
          actor,
          action: 'approval.superseded',
          target: { kind: 'reprocess_request', id: row.id },
          automations: row.automations,
          teams: row.owner_teams,
          reason: note,
          detail: { requestedBy: row.requested_by, released },
        },
        tx,
      );
    }
    return rows.map((row) => row.id);
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/index.js';
import { APP_CONFIG, type AppConfig } from '../config/app.config.js';
import type { User } from '../auth/index.js';
import type { AutomationDefinition } from '../automations/index.js';
import type { AutomationInput } from '../automations/dto/automation.input.js';
import { approvalPolicyOf, wordList, type ApprovalPolicy } from '../approval-policy/index.js';
import { AutomationChangesRepository } from './automation-changes.repository.js';
import { describeSloChanges } from './slo-changes.js';
import { Database } from '../database/database.js';

type GatedFields = Pick<AutomationDefinition, 'lifecycle' | 'slos' | 'ownerTeam' | 'riskDomains'>;

/**
 * What in changing `existing` to `proposed` needs the owner team's approval, in words, one line
 * each; empty when one person may make the change alone:
 * - the SLOs of a production automation (before or after the change);
 * - a production automation leaving production (which would free its SLOs from this gate);
 * - for an automation touching a risk domain the approval policy names: moving it to another team,
 *   or taking such a risk domain away (either would let one person reprocess it alone, or hand the
 *   decision to other people).
 */
export function changesNeedingApproval(existing: GatedFields, proposed: GatedFields, policy: Pick<ApprovalPolicy, 'riskDomains'>): string[] {
  const lines: string[] = [];
  const touched = policy.riskDomains.filter((domain) => existing.riskDomains.includes(domain));
  if (touched.length > 0 && existing.ownerTeam !== proposed.ownerTeam) {
    lines.push(`owner team: ${existing.ownerTeam} → ${proposed.ownerTeam} (it touches ${wordList(touched)})`);
  }
  const removed = touched.filter((domain) => !proposed.riskDomains.includes(domain));
  if (removed.length > 0) {
    lines.push(`risk domains: ${wordList(existing.riskDomains)} → ${wordList(proposed.riskDomains) || 'none'} (${wordList(removed)} taken away)`);
  }
  if (existing.lifecycle === 'production' && proposed.lifecycle !== 'production') {
    lines.push(`lifecycle: production → ${proposed.lifecycle}`);
  }
  if (existing.lifecycle === 'production' || proposed.lifecycle === 'production') {
    lines.push(...describeSloChanges(existing.slos, proposed.slos));
  }
  return lines;
}

/** The gated fields that differ, as they were and as proposed: the audit trail's before and after. */
function changedFields(base: GatedFields, proposed: GatedFields): { before: Partial<GatedFields>; after: Partial<GatedFields> } {
  const keys = (['ownerTeam', 'riskDomains', 'lifecycle', 'slos'] as const).filter((key) => JSON.stringify(base[key]) !== JSON.stringify(proposed[key]));
  return { before: Object.fromEntries(keys.map((key) => [key, base[key]])), after: Object.fromEntries(keys.map((key) => [key, proposed[key]])) };
}

/**
 * Separation of duties for automation definitions: a change that changesNeedingApproval lists
 * does not apply; it waits for an owner of the owning team other than the person who asked. Any
 * other change goes through.
 */
@Injectable()
export class AutomationChangeGate {
  private readonly policy: ApprovalPolicy;

  constructor(
    @Inject(AutomationChangesRepository) private readonly changes: AutomationChangesRepository,
    @Inject(Database) private readonly database: Database,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.policy = approvalPolicyOf(config);
  }

  /** What in the change waits for the owner team, in words (see changesNeedingApproval). */
  describe(base: AutomationDefinition, proposed: AutomationDefinition): string[] {
    return changesNeedingApproval(base, proposed, this.policy);
  }

  /**
   * When the change needs the owner team's approval, records it as pending (replacing a change of
   * the same automation still waiting) and answers true: the caller must apply nothing. `base` is the stored automation's definition (automations' definitionOf).
   */
  async hold(base: AutomationDefinition, proposed: AutomationDefinition, input: AutomationInput, user: User): Promise<boolean> {
    const lines = this.describe(base, proposed);
    if (lines.length === 0) {
      return false;
    }
    await this.database.transaction(async (tx) => {
      const waiting = (await this.changes.pendingFor([base.slug])).get(base.slug);
      if (waiting !== undefined && (await this.changes.settle(tx, waiting.id, 'superseded', user, `Replaced by a newer change from ${user.name}.`)) !== undefined) {
        await this.audit.record(
          {
            actor: user,
            action: 'approval.superseded',
            target: { kind: 'automation_change', id: waiting.id },
            automations: [base.slug],
            teams: [base.ownerTeam],
            reason: `Replaced by a newer change from ${user.name}.`,
          },
          tx,
        );
      }
      const change = await this.changes.insert(tx, {
        automation: base.slug,
        ownerTeam: base.ownerTeam,
        requestedBy: user,
        proposedInput: input,
        proposedDefinition: proposed,
        baseDefinition: base,
      });
      await this.audit.record(
        {
          actor: user,
          action: 'automation.change_requested',
          target: { kind: 'automation_change', id: change.id },
          automations: [base.slug],
          teams: [base.ownerTeam],
          ...changedFields(base, proposed),
          detail: { changes: lines, sloChanges: describeSloChanges(base.slos, proposed.slos), waitsFor: `${base.ownerTeam} owners` },
        },
        tx,
      );
    });
    return true;
  }
}

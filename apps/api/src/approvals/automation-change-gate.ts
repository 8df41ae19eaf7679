import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { User } from '../auth/user.js';
import type { AutomationDefinition } from '../automations/automation-definition.js';
import type { AutomationEntity } from '../automations/automation.entity.js';
import type { AutomationInput } from '../automations/dto/automation.input.js';
import { AutomationChangesRepository } from './automation-changes.repository.js';
import { describeSloChanges } from './slo-changes.js';

/** The editable part of a stored automation: what a change is based on. */
export function definitionOf(entity: AutomationEntity): AutomationDefinition {
  const { slug, title, description, type, lifecycle, ownerTeam, onCall, system, systems, riskDomains, tags, links, annotations, labels, runtime, payloadPolicy, slos, kpis, runbooks, releases } = entity;
  return { slug, title, description, type, lifecycle, ownerTeam, onCall, system, systems, riskDomains, tags, links, annotations, labels, runtime, payloadPolicy, slos, kpis, runbooks, releases };
}

/** Whether changing `existing` to `proposed` needs the owner team's approval: the SLOs of a production automation. */
export function needsOwnerApproval(existing: Pick<AutomationDefinition, 'lifecycle' | 'slos'>, proposed: Pick<AutomationDefinition, 'lifecycle' | 'slos'>): boolean {
  return (existing.lifecycle === 'production' || proposed.lifecycle === 'production') && describeSloChanges(existing.slos, proposed.slos).length > 0;
}

/**
 * Separation of duties for automation definitions: a change to the SLOs of a production automation
 * (before or after the change) does not apply; it waits for an owner of the owning team other than
 * the person who asked. Any other change goes through.
 */
@Injectable()
export class AutomationChangeGate {
  constructor(
    @Inject(AutomationChangesRepository) private readonly changes: AutomationChangesRepository,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  /**
   * When the change needs the owner team's approval, records it as pending (replacing a change of
   * the same automation still waiting) and answers true: the caller must apply nothing.
   */
  async hold(existing: AutomationEntity, proposed: AutomationDefinition, input: AutomationInput, user: User): Promise<boolean> {
    const base = definitionOf(existing);
    if (!needsOwnerApproval(base, proposed)) {
      return false;
    }
    await this.changes.transaction(async (manager) => {
      const waiting = (await this.changes.pendingFor([existing.slug])).get(existing.slug);
      if (waiting !== undefined && (await this.changes.settle(manager, waiting.id, 'superseded', user, `Replaced by a newer change from ${user.name}.`)) !== undefined) {
        await this.audit.record(
          { actor: user, action: 'approval.superseded', target: { kind: 'automation_change', id: waiting.id }, automations: [existing.slug], teams: [existing.ownerTeam], reason: `Replaced by a newer change from ${user.name}.` },
          manager,
        );
      }
      const change = await this.changes.insert(manager, { automation: existing.slug, ownerTeam: existing.ownerTeam, requestedBy: user, proposedInput: input, proposedDefinition: proposed, baseDefinition: base });
      await this.audit.record(
        {
          actor: user,
          action: 'automation.change_requested',
          target: { kind: 'automation_change', id: change.id },
          automations: [existing.slug],
          teams: [existing.ownerTeam],
          before: { slos: base.slos },
          after: { slos: proposed.slos },
          detail: { sloChanges: describeSloChanges(base.slos, proposed.slos), waitsFor: `${existing.ownerTeam} owners` },
        },
        manager,
      );
    });
    return true;
  }
}

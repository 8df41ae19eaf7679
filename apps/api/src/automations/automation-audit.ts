import type { NewAuditEntry } from '../audit/index.js';
import type { User } from '../auth/index.js';
import { definitionOf, type AutomationDefinition } from './automation-row.js';

/** Only what an owner defines (no timestamps, no source), as it goes into the audit trail. */
export function auditedDefinition(automation: AutomationDefinition): AutomationDefinition {
  return definitionOf(automation);
}

/** An audit entry for a change `user` made to an automation in the console. */
export function automationChange(
  user: User,
  action: 'automation.registered' | 'automation.updated' | 'automation.archived',
  slug: string,
  teams: readonly string[],
  change: Pick<NewAuditEntry, 'before' | 'after' | 'detail'>,
): NewAuditEntry {
  return { actor: user, action, target: { kind: 'automation', id: slug }, automations: [slug], teams: [...new Set(teams)], ...change };
}

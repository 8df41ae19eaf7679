import type { NewAuditEntry } from '../audit/index.js';
import type { User } from '../auth/index.js';
import type { AutomationDefinition } from './automation-definition.js';

const DEFINITION_KEYS = [
  'slug', 'title', 'description', 'type', 'lifecycle', 'ownerTeam', 'onCall', 'system', 'systems', 'riskDomains',
  'tags', 'links', 'annotations', 'labels', 'runtime', 'payloadPolicy', 'slos', 'kpis', 'runbooks', 'releases',
] as const satisfies readonly (keyof AutomationDefinition)[];

/** Only what an owner defines (no timestamps, no source), as it goes into the audit trail. */
export function auditedDefinition(automation: AutomationDefinition): AutomationDefinition {
  return Object.fromEntries(DEFINITION_KEYS.map((key) => [key, automation[key]])) as AutomationDefinition;
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

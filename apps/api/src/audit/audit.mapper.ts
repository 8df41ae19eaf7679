import type { AuditRow } from './audit-entry.js';
import type { AuditEntryType } from './dto/audit-entry.type.js';

const jsonOrNull = (value: unknown): string | null => (value === null || value === undefined ? null : JSON.stringify(value));

export function toAuditEntryType(row: AuditRow): AuditEntryType {
  return {
    id: row.id,
    at: row.at,
    actor: { id: row.actor_id, name: row.actor_name },
    actorKind: row.actor_kind,
    action: row.action,
    targetKind: row.target_kind,
    targetId: row.target_id,
    automations: row.automations,
    teams: row.teams,
    reason: row.reason,
    before: jsonOrNull(row.before),
    after: jsonOrNull(row.after),
    detail: JSON.stringify(row.detail),
  };
}

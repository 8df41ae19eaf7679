import type { ActorKind } from '@/gql/graphql';
import { describeAuditAction as describeReprocessAction } from '@/reprocess/auditActions';

const ACTIONS: Readonly<Record<string, string>> = {
  'automation.registered': 'Registered the automation',
  'automation.updated': 'Changed the automation',
  'automation.archived': 'Archived the automation',
  'alert.acknowledged': 'Acknowledged the alert',
  'catalog.applied': 'Applied the catalog files',
  'dashboards.applied': 'Applied the dashboard files',
  'token.created': 'Created a runtime token',
  'token.rotated': 'Rotated a runtime token',
  'token.revoked': 'Revoked a runtime token',
  'token.coverage_reduced': 'A runtime token stopped covering an automation that moved to another team',
  'automation.change_requested': 'Asked for a change that needs approval',
  'approval.approved': 'Approved',
  'approval.rejected': 'Rejected',
  'approval.superseded': 'Set aside: the automation changed since',
  'session.signed_in': 'Signed in',
  'session.signed_out': 'Signed out',
  'session.sign_in_refused': 'Sign-in refused',
  'account.created': 'Created an account',
  'account.disabled': 'Disabled an account',
};

/** "automation.updated" → "Changed the automation"; an action this console does not know yet is shown as the api wrote it. */
export function describeAction(action: string): string {
  return ACTIONS[action] ?? describeReprocessAction(action);
}

const ACTOR_KINDS: Readonly<Record<ActorKind, string>> = {
  person: 'Person',
  runtime: 'Runtime',
  system: 'Roundhouse',
};

export function describeActorKind(kind: ActorKind): string {
  return ACTOR_KINDS[kind];
}

/** Where an entry's target has a page of its own, and how it reads. */
export function targetOf(entry: { targetKind: string; targetId: string; teams: readonly string[] }): { label: string; path: string | null } {
  const id = entry.targetId;
  switch (entry.targetKind) {
    case 'automation':
      return { label: id, path: `/automations/${encodeURIComponent(id)}` };
    case 'reprocess_request':
      return { label: `Reprocess request #${id}`, path: `/reprocess/${encodeURIComponent(id)}` };
    case 'dead_letter':
      return { label: `Dead letter #${id}`, path: `/dead-letters/${encodeURIComponent(id)}` };
    case 'alert':
      return { label: `Alert #${id}`, path: '/alerts' };
    case 'catalog':
      return { label: `Catalog files (${id})`, path: null };
    case 'dashboards':
      return { label: `Dashboard files (${id})`, path: null };
    default:
      return { label: `${entry.targetKind.replaceAll('_', ' ')} ${id}`, path: null };
  }
}

export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

function parse(json: string | null): unknown {
  if (json === null) {
    return null;
  }
  try {
    return JSON.parse(json);
  } catch {
    return json;
  }
}

const shown = (value: unknown): string | null => (value === undefined || value === null ? null : typeof value === 'string' ? value : JSON.stringify(value));

/**
 * What changed, field by field: each top-level field whose value differs before and after (all of
 * them for something created). Values that are not objects compare as one field, "value".
 */
export function fieldChanges(beforeJson: string | null, afterJson: string | null): FieldChange[] {
  const before = parse(beforeJson);
  const after = parse(afterJson);
  const asRecord = (value: unknown): Record<string, unknown> | null => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null);
  const beforeFields = asRecord(before);
  const afterFields = asRecord(after);
  if ((before !== null && beforeFields === null) || (after !== null && afterFields === null)) {
    return shown(before) === shown(after) ? [] : [{ field: 'value', before: shown(before), after: shown(after) }];
  }
  const fields = [...new Set([...Object.keys(beforeFields ?? {}), ...Object.keys(afterFields ?? {})])];
  return fields
    .map((field) => ({ field, before: shown(beforeFields?.[field]), after: shown(afterFields?.[field]) }))
    .filter((change) => change.before !== change.after);
}

/** The detail JSON as "key: value" phrases (lists joined), for entries without a before and after. */
export function describeDetail(detail: string): string[] {
  const parsed = parse(detail);
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return parsed === null || parsed === '' ? [] : [shown(parsed) ?? ''];
  }
  return Object.entries(parsed as Record<string, unknown>).flatMap(([key, value]) => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      return Object.entries(value as Record<string, unknown>)
        .filter(([, inner]) => !(Array.isArray(inner) && inner.length === 0))
        .map(([innerKey, inner]) => `${key} ${innerKey}: ${Array.isArray(inner) ? inner.join(', ') : shown(inner)}`);
    }
    if (Array.isArray(value)) {
      return value.length === 0 ? [] : [`${key}: ${value.map((v) => shown(v)).join(', ')}`];
    }
    return [`${key}: ${shown(value) ?? '—'}`];
  });
}

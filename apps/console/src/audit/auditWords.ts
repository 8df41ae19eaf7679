import type { ActorKind, ReprocessItemState } from '@/gql/graphql';
import { REPROCESS_ITEM_STATE_LABELS, REPROCESS_ROUTE_LABELS, isOneOf } from '@/shared/format/labels';
import { formatNumber } from '@/shared/format/numbers';

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
  'reprocess.requested': 'Reprocess requested',
  'discard.requested': 'Discard requested',
  'request.paused': 'Paused',
  'request.resumed': 'Resumed',
  'request.cancelled': 'Cancelled',
  'request.finished': 'Finished sending',
  'commands.claimed': 'Commands taken by the runtime',
  'commands.acknowledged': 'Commands acknowledged by the runtime',
  'reprocess.canary.passed': 'Canary passed: the rest follows',
  'reprocess.canary.stopped': 'Canary stopped the request',
  'reprocess.canary.continued': 'Canary continued without every outcome',
};

/** "automation.updated" → "Changed the automation"; an action this console does not know yet is shown as the api wrote it. */
export function describeAction(action: string): string {
  return ACTIONS[action] ?? action;
}

const ACTOR_KINDS: Readonly<Record<ActorKind, string>> = {
  person: 'Person',
  runtime: 'Runtime',
  system: 'Roundhouse',
};

export function describeActorKind(kind: ActorKind): string {
  return ACTOR_KINDS[kind];
}

/** The name a runtime token had in the entry (its before or after), for the trail to say instead of its id. */
function tokenName(entry: { before?: string | null; after?: string | null }): string | null {
  for (const json of [entry.after, entry.before]) {
    const value = parse(json ?? null);
    if (value !== null && typeof value === 'object' && typeof (value as { name?: unknown }).name === 'string') {
      return (value as { name: string }).name;
    }
  }
  return null;
}

/** Where an entry's target has a page of its own, and how it reads. */
export function targetOf(entry: {
  targetKind: string;
  targetId: string;
  teams: readonly string[];
  automations?: readonly string[];
  before?: string | null;
  after?: string | null;
}): { label: string; path: string | null } {
  const id = entry.targetId;
  const team = entry.teams[0];
  switch (entry.targetKind) {
    case 'automation':
      return { label: id, path: `/automations/${encodeURIComponent(id)}` };
    case 'reprocess_request':
      return { label: `Reprocess request #${id}`, path: `/reprocess/${encodeURIComponent(id)}` };
    case 'dead_letter':
      return { label: `Dead letter #${id}`, path: `/dead-letters/${encodeURIComponent(id)}` };
    case 'alert':
      return { label: `Alert #${id}`, path: '/alerts' };
    case 'runtime_token': {
      const name = tokenName(entry);
      return { label: name === null ? 'A runtime token' : `Runtime token “${name}”`, path: team === undefined ? '/tokens' : `/teams/${encodeURIComponent(team)}/tokens` };
    }
    case 'automation_change': {
      const automation = entry.automations?.[0];
      return {
        label: `SLO change #${id}${automation === undefined ? '' : ` to ${automation}`}`,
        path: automation === undefined ? '/approvals' : `/automations/${encodeURIComponent(automation)}/slos`,
      };
    }
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

/** A value as a person reads it: text as it is, yes/no, lists joined; never JSON. */
function plain(value: unknown): string | null {
  if (value === undefined || value === null) {
    return null;
  }
  if (typeof value === 'boolean') {
    return value ? 'yes' : 'no';
  }
  if (Array.isArray(value)) {
    return value.length === 0 ? 'none' : value.map((item) => plain(item) ?? '—').join(', ');
  }
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : shown(value);
}

/** How an item of a list is named in a field path: its name, id or slug when it has one, else its position. */
function itemKey(item: unknown, index: number): string {
  if (item !== null && typeof item === 'object') {
    const named = item as { name?: unknown; id?: unknown; slug?: unknown };
    for (const key of [named.name, named.id, named.slug]) {
      if (typeof key === 'string' || typeof key === 'number') {
        return String(key);
      }
    }
  }
  return `#${index + 1}`;
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
const hasObjects = (value: unknown): value is unknown[] => Array.isArray(value) && value.some((item) => item !== null && typeof item === 'object');

/** Every leaf of a value by its path ("slos › invoice-success › objective"), lists of objects by their items' names. */
function leaves(value: unknown, path: string, into: Map<string, unknown>): Map<string, unknown> {
  if (isRecord(value)) {
    for (const [key, inner] of Object.entries(value)) {
      leaves(inner, path === '' ? key : `${path} › ${key}`, into);
    }
  } else if (hasObjects(value)) {
    value.forEach((item, index) => leaves(item, path === '' ? itemKey(item, index) : `${path} › ${itemKey(item, index)}`, into));
  } else {
    into.set(path === '' ? 'value' : path, value);
  }
  return into;
}

/**
 * What changed, field by field: each field, down to the values inside lists and objects, whose value
 * differs before and after (all of them for something created), in words rather than JSON.
 */
export function fieldChanges(beforeJson: string | null, afterJson: string | null): FieldChange[] {
  const before = beforeJson === null ? new Map<string, unknown>() : leaves(parse(beforeJson), '', new Map());
  const after = afterJson === null ? new Map<string, unknown>() : leaves(parse(afterJson), '', new Map());
  const fields = [...new Set([...before.keys(), ...after.keys()])];
  return fields.map((field) => ({ field, before: plain(before.get(field)), after: plain(after.get(field)) })).filter((change) => change.before !== change.after);
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) {
    return value.map(describeValue).join(', ');
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** "rabbitmq" → "RabbitMQ republish"; anything else as it came. */
function routeWords(route: unknown): unknown {
  return typeof route === 'string' && isOneOf(REPROCESS_ROUTE_LABELS, route) ? REPROCESS_ROUTE_LABELS[route] : route;
}

const count = (value: unknown, one: string, many: string) => (typeof value === 'number' ? `${formatNumber(value)} ${value === 1 ? one : many}` : describeValue(value));
const ITEM_STATES = Object.keys(REPROCESS_ITEM_STATE_LABELS) as ReprocessItemState[];

/** How the detail keys the api writes read in a sentence; other keys are shown as "key: value". */
const DETAIL_PHRASES: Readonly<Record<string, (value: unknown) => string>> = {
  selection: (value) => describeValue(value),
  total: (value) => count(value, 'message', 'messages'),
  velocity: (value) => `at most ${describeValue(value)} a second`,
  routes: (value) => `by ${describeValue(Array.isArray(value) ? value.map(routeWords) : value)}`,
  cancelled: (value) => `${count(value, 'message', 'messages')} not sent`,
  count: (value) => count(value, 'command', 'commands'),
  awaitingApproval: (value) => `waits for approval: ${describeValue(value)}`,
  approvalReasons: (value) => `needed approval: ${describeValue(value)}`,
  released: (value) => `${count(value, 'message', 'messages')} waiting again`,
  withdrawn: (value) => (value === true ? 'withdrawn by the requester' : 'decided by someone else'),
  requestedBy: (value) => `asked for by ${describeValue(value)}`,
  size: (value) => `a first slice of ${count(value, 'message', 'messages')}`,
  maxFailureRate: (value) => (typeof value === 'number' ? `at most ${Number((value * 100).toFixed(1))}% may fail again` : describeValue(value)),
  awaiting: (value) => `${count(value, 'message', 'messages')} without an outcome`,
  rest: (value) => `${count(value, 'message', 'messages')} to follow`,
  notSent: (value) => `${count(value, 'message', 'messages')} not sent`,
  canary: (value) => `canary: ${describeValue(value)}`,
  ...Object.fromEntries(ITEM_STATES.map((state) => [state, (value: unknown) => `${describeValue(value)} ${REPROCESS_ITEM_STATE_LABELS[state].toLowerCase()}`])),
};

/** A detail the api writes without a phrase of its own, as "key: value" (lists joined, objects by their keys). */
function keyValues(key: string, value: unknown): string[] {
  if (isRecord(value)) {
    return Object.entries(value)
      .filter(([, inner]) => !(Array.isArray(inner) && inner.length === 0))
      .map(([innerKey, inner]) => `${key} ${innerKey}: ${Array.isArray(inner) ? inner.join(', ') : shown(inner)}`);
  }
  if (Array.isArray(value)) {
    return value.length === 0 ? [] : [`${key}: ${value.map((v) => shown(v)).join(', ')}`];
  }
  return [`${key}: ${shown(value) ?? '—'}`];
}

/** An entry's detail JSON as short phrases ("200 messages", "at most 100 a second"); text that is not an object is shown as it came. */
export function describeDetail(detail: string): string[] {
  const parsed = parse(detail);
  if (!isRecord(parsed)) {
    return parsed === null || parsed === '' ? [] : [shown(parsed) ?? ''];
  }
  return Object.entries(parsed).flatMap(([key, value]) => {
    const phrase = DETAIL_PHRASES[key];
    return phrase === undefined ? keyValues(key, value) : [phrase(value)];
  });
}

import { REPROCESS_ITEM_STATE_LABELS, REPROCESS_ROUTE_LABELS, isOneOf } from '@/shared/format/labels';
import { formatNumber } from '@/shared/format/numbers';
import { ITEM_STATES } from './reprocessProgress';

const AUDIT_ACTIONS: Readonly<Record<string, string>> = {
  'reprocess.requested': 'Reprocess requested',
  'discard.requested': 'Discard requested',
  'request.paused': 'Paused',
  'request.resumed': 'Resumed',
  'request.cancelled': 'Cancelled',
  'request.finished': 'Finished sending',
  'commands.claimed': 'Commands taken by the runtime',
  'commands.acknowledged': 'Commands acknowledged by the runtime',
  'approval.approved': 'Approved',
  'approval.rejected': 'Rejected',
  'approval.superseded': 'Set aside: the automation moved or its risk domains changed since',
  'reprocess.canary.passed': 'Canary passed: the rest follows',
  'reprocess.canary.stopped': 'Canary stopped the request',
  'reprocess.canary.continued': 'Canary continued without every outcome',
};

/** "request.paused" → "Paused"; an action this console does not know yet is shown as the api wrote it. */
export function describeAuditAction(action: string): string {
  return AUDIT_ACTIONS[action] ?? action;
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

/** An entry's detail JSON as short phrases; text that is not an object is shown as it came. */
export function describeAuditDetail(detail: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(detail);
  } catch {
    return detail.trim() === '' ? [] : [detail];
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return [describeValue(parsed)];
  }
  return Object.entries(parsed).map(([key, value]) => DETAIL_PHRASES[key]?.(value) ?? `${key}: ${describeValue(value)}`);
}

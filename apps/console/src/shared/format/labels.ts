import type {
  AutomationType,
  DeadLetterSource,
  DeadLetterStatus,
  EntitySource,
  KpiDirection,
  KpiMoneyKind,
  KpiSource,
  Lifecycle,
  LinkType,
  ReprocessAction,
  ReprocessItemState,
  ReprocessRequestState,
  ReprocessRoute,
  RiskDomain,
  Role,
  RunStatus,
  RuntimeKind,
  SloIndicator,
  TokenCapability,
} from '@/gql/graphql';

/*
 * Words for the api's enum values. Each map is keyed by the generated union, so a value added to the
 * schema fails the typecheck here until it has a label.
 */

export const LIFECYCLE_LABELS: Record<Lifecycle, string> = {
  experimental: 'Experimental',
  production: 'Production',
  deprecated: 'Deprecated',
};

export const AUTOMATION_TYPE_LABELS: Record<AutomationType, string> = {
  automation: 'Automation',
  orchestration: 'Orchestration',
  integration: 'Integration',
};

export const RISK_DOMAIN_LABELS: Record<RiskDomain, string> = {
  revenue: 'Revenue',
  billing: 'Billing',
  inventory: 'Inventory',
  regulatory: 'Regulatory',
  customer: 'Customer',
};

export const RUNTIME_KIND_LABELS: Record<RuntimeKind, string> = {
  rabbitmq: 'RabbitMQ',
  bullmq: 'BullMQ',
  nats: 'NATS JetStream',
  webhook: 'Webhook',
  sdk: 'Roundhouse SDK',
  other: 'Other',
};

export const SLO_INDICATOR_LABELS: Record<SloIndicator, string> = {
  success_rate: 'Success rate',
  latency: 'Latency',
  freshness: 'Freshness of last success',
  dead_letter_backlog: 'Dead-letter backlog',
  dead_letter_age: 'Oldest dead letter age',
};

export const KPI_DIRECTION_LABELS: Record<KpiDirection, string> = {
  lower_is_better: 'Lower is better',
  higher_is_better: 'Higher is better',
};

/** What a money KPI is to finance. */
export const MONEY_KIND_LABELS: Record<KpiMoneyKind, string> = {
  saved: 'Money saved',
  recovered: 'Money recovered',
  at_stake: 'Money still at stake',
};

export const KPI_SOURCE_LABELS: Record<KpiSource, string> = {
  measurement: 'Reported by the runtime',
  cycle_time_p50: 'Cycle time, median (from runs)',
  cycle_time_p95: 'Cycle time, 95th percentile (from runs)',
  error_rate: 'Error rate (from runs)',
  manual_touches_per_day: 'Manual touches per day (from runs)',
  throughput_per_day: 'Throughput per day (from runs)',
};

export const LINK_TYPE_LABELS: Record<LinkType, string> = {
  dashboard: 'Dashboard',
  repository: 'Repository',
  docs: 'Docs',
  runbook: 'Runbook',
  other: 'Other',
};

export const ENTITY_SOURCE_LABELS: Record<EntitySource, string> = {
  file: 'Managed in Git',
  console: 'Registered in the console',
};

export const ROLE_LABELS: Record<Role, string> = {
  viewer: 'Viewer',
  operator: 'Operator',
  owner: 'Owner',
  admin: 'Admin',
};

export const RUN_STATUS_LABELS: Record<RunStatus, string> = {
  running: 'Running',
  succeeded: 'Succeeded',
  failed: 'Failed',
  retrying: 'Retrying',
  dead_lettered: 'Dead-lettered',
};

export const DEAD_LETTER_STATUS_LABELS: Record<DeadLetterStatus, string> = {
  pending: 'Pending',
  reprocessing: 'Reprocessing',
  reprocessed: 'Reprocessed',
  resolved: 'Resolved',
  failed_again: 'Failed again',
  discarded: 'Discarded',
};

export const DEAD_LETTER_SOURCE_LABELS: Record<DeadLetterSource, string> = {
  rabbitmq: 'RabbitMQ',
  bullmq: 'BullMQ',
  nats: 'NATS JetStream',
  sqs: 'Amazon SQS',
  kafka: 'Kafka',
  webhook: 'Webhook',
  sdk: 'Roundhouse SDK',
  other: 'Other',
};

export const TOKEN_CAPABILITY_LABELS: Record<TokenCapability, string> = {
  ingest: 'Report runs',
  dead_letters: 'Report dead letters',
  commands: 'Receive reprocess commands',
  catalog_read: 'Read the catalog for Backstage',
};

/** What a runtime holding a token with the capability may do, in a sentence. */
export const TOKEN_CAPABILITY_DESCRIPTIONS: Record<TokenCapability, string> = {
  ingest: 'Send run events, KPI measurements and heartbeats through the SDK or POST /ingest/v1/events.',
  dead_letters: 'Hand over the messages it gave up on, so they appear in the dead-letter workbench.',
  commands: 'Pick up reprocess commands that people start from the console.',
  catalog_read: 'Read every automation as Backstage entities (GET /catalog/backstage/entities.yaml), for a Backstage url Location.',
};

export const REPROCESS_ACTION_LABELS: Record<ReprocessAction, string> = {
  reprocess: 'Reprocess',
  discard: 'Discard',
};

export const REPROCESS_REQUEST_STATE_LABELS: Record<ReprocessRequestState, string> = {
  requested: 'Requested',
  awaiting_approval: 'Awaiting approval',
  running: 'Running',
  paused: 'Paused',
  cancelled: 'Cancelled',
  done: 'Done',
};

export const REPROCESS_ITEM_STATE_LABELS: Record<ReprocessItemState, string> = {
  queued: 'Waiting',
  dispatched: 'Sent',
  acknowledged: 'Delivered',
  succeeded: 'Succeeded',
  failed: 'Failed again',
  cancelled: 'Cancelled',
};

/** What each ledger state means, in the api's words (the ReprocessProgress field descriptions). */
export const REPROCESS_ITEM_STATE_DESCRIPTIONS: Record<ReprocessItemState, string> = {
  queued: 'Waiting their turn, or to be tried again.',
  dispatched: 'Sent and not yet confirmed by the transport; for SDK runtimes, offered and not yet picked up.',
  acknowledged: 'Confirmed by the transport; waiting for the runtime to report the outcome.',
  succeeded: 'Handled successfully by the runtime (or discarded).',
  failed: 'Failed again, or could not be delivered.',
  cancelled: 'Not sent: the request was cancelled first.',
};

export const REPROCESS_ROUTE_LABELS: Record<ReprocessRoute, string> = {
  rabbitmq: 'RabbitMQ republish',
  bullmq: 'BullMQ retry',
  nats: 'NATS JetStream republish',
  webhook: 'Signed webhook',
  sdk: 'SDK pull',
  discard: 'Discard',
};

export interface Option<T extends string> {
  value: T;
  label: string;
}

/** The values of a label map, in declaration order, as select options. */
export function optionsOf<T extends string>(labels: Record<T, string>): Option<T>[] {
  return (Object.keys(labels) as T[]).map((value) => ({ value, label: labels[value] }));
}

/** Narrows a string from the URL or a select to one of the map's values. */
export function isOneOf<T extends string>(labels: Record<T, string>, value: string | null | undefined): value is T {
  return value !== null && value !== undefined && Object.hasOwn(labels, value);
}

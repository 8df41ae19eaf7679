/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** person: someone signed in; runtime: an automation by its token; system: Roundhouse itself or its command line. */
export type ActorKind =
  | 'person'
  | 'runtime'
  | 'system';

/** How urgent an alert is. */
export type AlertSeverity =
  /** Wake someone up. */
  | 'page'
  /** Handle it in working hours. */
  | 'ticket';

/** Where an alert is in its life. */
export type AlertState =
  /** Someone on call has it; it still fires until the burn rate falls. */
  | 'acknowledged'
  /** The burn-rate rule fires and nobody has said they are on it. */
  | 'firing'
  /** The burn rate fell below the rule’s threshold (or the SLO was removed). */
  | 'resolved';

export type ApprovalDecision =
  | 'approved'
  | 'rejected';

/** Every field narrows the trail; none given: everything you may read. */
export type AuditFilter = {
  /** The action or its start: `automation.` matches automation.updated and automation.archived. */
  action?: string | null | undefined;
  /** Who did it: the actor’s id or name. */
  actor?: string | null | undefined;
  /** Entries concerning this automation (slug). */
  automation?: string | null | undefined;
  /** At or after. */
  from?: string | null | undefined;
  targetId?: string | null | undefined;
  targetKind?: string | null | undefined;
  /** Entries concerning this team or one of its automations. */
  team?: string | null | undefined;
  /** Before. */
  to?: string | null | undefined;
};

/** pending: waits for the owner team; approved: applied; rejected: not applied; superseded: the automation changed first, or a newer change replaced it. */
export type AutomationChangeState =
  | 'approved'
  | 'pending'
  | 'rejected'
  | 'superseded';

export type AutomationFilter = {
  includeArchived?: boolean;
  lifecycle?: Lifecycle | null | undefined;
  /** Owning team name. */
  owner?: string | null | undefined;
  riskDomain?: RiskDomain | null | undefined;
  /** Words matched against title, slug, tags and description (prefixes match). */
  search?: string | null | undefined;
  system?: string | null | undefined;
  tag?: string | null | undefined;
  type?: AutomationType | null | undefined;
};

/** paging: an open alert pages the on-call engineer; needs_attention: an open ticket alert, or runs given up on in the last 24 hours; healthy: runs in the last 24 hours and none of that; no_runs: nothing ended in the last 24 hours and no alert is open. */
export type AutomationHealthState =
  | 'healthy'
  | 'needs_attention'
  | 'no_runs'
  | 'paging';

export type AutomationInput = {
  description: string;
  kpis?: Array<KpiInput>;
  lifecycle: Lifecycle;
  links?: Array<LinkInput>;
  onCall: OnCallInput;
  /** Name of the owning team. */
  owner: string;
  payload?: PayloadPolicyInput | null | undefined;
  releases?: Array<ReleaseInput>;
  riskDomains?: Array<RiskDomain>;
  runbooks?: Array<RunbookInput>;
  runtime?: RuntimeBindingInput | null | undefined;
  slos?: Array<SloInput>;
  slug: string;
  systems?: Array<string>;
  tags?: Array<string>;
  title: string;
  type: AutomationType;
};

export type AutomationType =
  | 'automation'
  | 'integration'
  | 'orchestration';

export type CreateRuntimeTokenInput = {
  /** The automations of the team it may act for; leave out for every automation of the team. An empty list is refused. */
  automations?: Array<string> | null | undefined;
  /** By default what a worker reports: runs and dead letters. */
  capabilities?: Array<TokenCapability>;
  /** Days until it expires, 1 to 365. */
  expiresInDays?: number;
  name: string;
  team: string;
};

/** What a dashboard panel shows. */
export type DashboardPanelKind =
  | 'dead_letter_backlog'
  | 'kpi_before_after'
  | 'kpi_trend'
  | 'program_totals'
  | 'slo_table';

/** A date range: a rolling `last` duration ending now ("30d"), or whole UTC days `from`–`to` (YYYY-MM-DD, both included). Same rules as a dashboard's defaultRange. */
export type DateRangeInput = {
  /** First day of a fixed range, YYYY-MM-DD (UTC). */
  from?: string | null | undefined;
  /** A rolling range ending now: a whole number and a unit s, m, h or d, e.g. "30d". */
  last?: string | null | undefined;
  /** Last day of a fixed range, YYYY-MM-DD (UTC), included. */
  to?: string | null | undefined;
};

export type DeadLetterFilter = {
  automation?: string | null | undefined;
  fingerprint?: string | null | undefined;
  /** Last failed at or after. */
  from?: string | null | undefined;
  /** Only those that need action: pending or failed again (what the dashboard counts as waiting). */
  needsAction?: boolean | null | undefined;
  /** Only those this reprocess request sent back, each as it stands now (the new dead letter, when one failed again as a new message). */
  reprocessRequest?: string | number | null | undefined;
  /** Words in the error class or message. */
  search?: string | null | undefined;
  status?: DeadLetterStatus | null | undefined;
  /** Only those of automations these teams own (e.g. the viewer’s teams: "my teams"). */
  teams?: Array<string> | null | undefined;
  /** Last failed before. */
  to?: string | null | undefined;
};

/** Exactly one of: these dead letters, or everything matching a filter (snapshotted when the request is made). */
export type DeadLetterSelection = {
  filter?: DeadLetterFilter | null | undefined;
  ids?: Array<string | number> | null | undefined;
};

export type DeadLetterSource =
  | 'bullmq'
  | 'kafka'
  | 'nats'
  | 'other'
  | 'rabbitmq'
  | 'sdk'
  | 'sqs'
  | 'webhook';

export type DeadLetterStatus =
  | 'discarded'
  | 'failed_again'
  | 'pending'
  | 'reprocessed'
  | 'reprocessing'
  | 'resolved';

/** file: catalog/ in Git (read-only here); console: registered in Roundhouse. */
export type EntitySource =
  | 'console'
  | 'file';

export type KpiBaselineInput = {
  from?: string | null | undefined;
  note: string;
  to?: string | null | undefined;
  value?: number | null | undefined;
};

/** Whether "after" is better than "before", in the KPI's direction. */
export type KpiChange =
  | 'better'
  | 'unchanged'
  | 'worse';

export type KpiDirection =
  | 'higher_is_better'
  | 'lower_is_better';

export type KpiInput = {
  baseline: KpiBaselineInput;
  currency?: string | null | undefined;
  direction: KpiDirection;
  minutesPerTouch?: number | null | undefined;
  money?: KpiMoneyKind | null | undefined;
  name: string;
  source?: KpiSource;
  target: number;
  title: string;
  unit: string;
};

/** What a money KPI is to finance. */
export type KpiMoneyKind =
  /** Money still at stake: a balance at a date that is still at risk (e.g. unreconciled cash at month-end). */
  | 'at_stake'
  /** Money recovered: cash that came in (e.g. overdue invoices paid per month). */
  | 'recovered'
  /** Money saved: a cost that went down (e.g. compensation paid per month). */
  | 'saved';

export type KpiSource =
  | 'cycle_time_p50'
  | 'cycle_time_p95'
  | 'error_rate'
  | 'manual_touches_per_day'
  | 'measurement'
  | 'throughput_per_day';

export type Lifecycle =
  | 'deprecated'
  | 'experimental'
  | 'production';

export type LinkInput = {
  title: string;
  type?: LinkType;
  url: string;
};

export type LinkType =
  | 'dashboard'
  | 'docs'
  | 'other'
  | 'repository'
  | 'runbook';

export type OnCallInput = {
  email?: string | null | undefined;
  name: string;
  schedule?: string | null | undefined;
  slack?: string | null | undefined;
};

/** How the payload view reads the body: json (numbers as written), text (decoded by its charset), base64 (bytes that are not text). */
export type PayloadFormat =
  | 'base64'
  | 'json'
  | 'text';

export type PayloadPolicyInput = {
  sensitiveFields?: Array<string>;
};

export type ReleaseInput = {
  date: string;
  summary: string;
  version: string;
  why?: string | null | undefined;
};

/** reprocess: send the messages back to their runtime; discard: set them aside for good. */
export type ReprocessAction =
  | 'discard'
  | 'reprocess';

/** Send a first slice (exactly one of count or percent) and continue to the rest only when at most maxFailureRate of it fails again, as the runtime reports. */
export type ReprocessCanaryInput = {
  /** Messages in the first slice: at least 1, fewer than the request holds. */
  count?: number | null | undefined;
  /** The share of the slice that may fail again for the rest to be sent (0–1). */
  maxFailureRate: number;
  /** Share of the request in the first slice, in percent (1–99), rounded up to whole messages. */
  percent?: number | null | undefined;
};

/** awaiting_approval: the request waits for a second person, nothing is sent; sending: the first slice is going out; waiting: sent, waiting for the runtime’s outcomes; passed: the rest follows; stopped: the request stopped after the slice; cancelled: the request was rejected or cancelled before the canary decided. */
export type ReprocessCanaryStage =
  | 'awaiting_approval'
  | 'cancelled'
  | 'passed'
  | 'sending'
  | 'stopped'
  | 'waiting';

export type ReprocessItemState =
  | 'acknowledged'
  | 'cancelled'
  | 'dispatched'
  | 'failed'
  | 'queued'
  | 'succeeded';

export type ReprocessRequestState =
  | 'awaiting_approval'
  | 'cancelled'
  | 'done'
  | 'paused'
  | 'requested'
  | 'running';

/** How messages go back: the runtime kind whose adapter sends them (rabbitmq, nats, …), sdk when the runtime pulls them through the SDK, or discard (sent nowhere). */
export type ReprocessRoute =
  | 'bullmq'
  | 'discard'
  | 'nats'
  | 'rabbitmq'
  | 'sdk'
  | 'webhook';

export type RiskDomain =
  | 'billing'
  | 'customer'
  | 'inventory'
  | 'regulatory'
  | 'revenue';

export type Role =
  | 'admin'
  | 'operator'
  | 'owner'
  | 'viewer';

export type RunFilter = {
  automation?: string | null | undefined;
  correlationId?: string | null | undefined;
  /** Runs that started at or after this time. */
  from?: string | null | undefined;
  status?: RunStatus | null | undefined;
  /** Runs that started before this time. */
  to?: string | null | undefined;
};

export type RunStatus =
  | 'dead_lettered'
  | 'failed'
  | 'retrying'
  | 'running'
  | 'succeeded';

export type RunbookInput = {
  id: string;
  markdown: string;
  title: string;
};

export type RuntimeBindingInput = {
  connection?: string | null | undefined;
  /** NATS JetStream: the durable consumer whose given-up messages are collected. */
  consumer?: string | null | undefined;
  deadLetterQueue?: string | null | undefined;
  exchange?: string | null | undefined;
  kind: RuntimeKind;
  queue?: string | null | undefined;
  reprocessUrl?: string | null | undefined;
  routingKey?: string | null | undefined;
  /** The OpenTelemetry service.name whose root spans sent to /v1/traces are this automation’s runs. */
  serviceName?: string | null | undefined;
  signingSecret?: string | null | undefined;
  /** NATS JetStream: the stream that holds the messages. */
  stream?: string | null | undefined;
  /** NATS JetStream: the subjects the consumer reads (its filter). */
  subject?: string | null | undefined;
};

export type RuntimeKind =
  | 'bullmq'
  | 'nats'
  | 'other'
  | 'rabbitmq'
  | 'sdk'
  | 'webhook';

/** Whether a runtime token is accepted now. */
export type RuntimeTokenState =
  /** Accepted until it expires. */
  | 'active'
  /** Past its expiry: refused. */
  | 'expired'
  /** Rotated: still accepted until the end of the overlap (its expiresAt), then refused. */
  | 'replaced'
  /** Revoked by a person: refused. */
  | 'revoked';

export type SloIndicator =
  | 'dead_letter_age'
  | 'dead_letter_backlog'
  | 'freshness'
  | 'latency'
  | 'success_rate';

export type SloInput = {
  indicator: SloIndicator;
  maxBacklog?: number | null | undefined;
  name: string;
  objective: number;
  percentile?: number | null | undefined;
  runbook?: string | null | undefined;
  threshold?: string | null | undefined;
  title: string;
  window?: string;
};

/** Whether an SLO keeps its promise right now. */
export type SloState =
  /** Broken: over its window the objective was missed, or the whole error budget is spent. */
  | 'breached'
  /** At risk: the promise still holds over its window, but the error budget is being spent faster than it lasts (a ticket for working hours), or a dead-letter limit is crossed right now. */
  | 'burning'
  /** Nothing was counted in the SLO window, so there is nothing to judge. */
  | 'no_data'
  /** The promise holds: no alert rule fires and the error budget is not spent. */
  | 'ok'
  /** At risk: the promise still holds over its window, but the error budget is being spent so fast that someone is paged now. */
  | 'paging';

export type StartReprocessInput = {
  action: ReprocessAction;
  /** Send a first slice and continue to the rest only when few enough of it fail again. Reprocess only. */
  canary?: ReprocessCanaryInput | null | undefined;
  /** The count the person confirmed; the request is refused if the selection has grown past it since. */
  expectedCount?: number | null | undefined;
  /** Why: recorded in the audit trail. Required. */
  reason: string;
  selection: DeadLetterSelection;
  /** Most messages sent per second (1–10,000). */
  velocity?: number;
};

export type StepOutcome =
  | 'failed'
  | 'succeeded';

export type TokenCapability =
  | 'catalog_read'
  | 'commands'
  | 'dead_letters'
  | 'ingest';

/** One trend point per hour, UTC day or ISO week (from Monday). */
export type TrendInterval =
  | 'day'
  | 'hour'
  | 'week';

export type AcknowledgeAlertMutationVariables = Exact<{
  id: string | number;
  note?: string | null | undefined;
}>;


export type AcknowledgeAlertMutation = { acknowledgeAlert: { id: string, automation: string, automationTitle: string, slo: string, sloTitle: string, rule: string, severity: AlertSeverity, state: AlertState, summary: string, firedAt: string, acknowledgedAt: string | null, acknowledgedBy: string | null, resolvedAt: string | null, acknowledgeBlockedReason: string | null, runbook: { id: string, title: string } | null, events: Array<{ at: string, kind: string, actor: string | null, detail: string | null }> } };

export type AlertFieldsFragment = { id: string, automation: string, automationTitle: string, slo: string, sloTitle: string, rule: string, severity: AlertSeverity, state: AlertState, summary: string, firedAt: string, acknowledgedAt: string | null, acknowledgedBy: string | null, resolvedAt: string | null, acknowledgeBlockedReason: string | null, runbook: { id: string, title: string } | null, events: Array<{ at: string, kind: string, actor: string | null, detail: string | null }> };

export type AlertsQueryVariables = Exact<{
  automation?: string | null | undefined;
  state?: Array<AlertState> | AlertState | null | undefined;
  teams?: Array<string> | string | null | undefined;
  first: number;
}>;


export type AlertsQuery = { alerts: Array<{ id: string, automation: string, automationTitle: string, slo: string, sloTitle: string, rule: string, severity: AlertSeverity, state: AlertState, summary: string, firedAt: string, acknowledgedAt: string | null, acknowledgedBy: string | null, resolvedAt: string | null, acknowledgeBlockedReason: string | null, runbook: { id: string, title: string } | null, events: Array<{ at: string, kind: string, actor: string | null, detail: string | null }> }> };

export type AutomationChangeItemFragment = { id: string, state: AutomationChangeState, ownerTeam: string, requestedAt: string, sloChanges: Array<string>, changes: Array<string>, decidedAt: string | null, reason: string | null, canDecide: boolean, decideBlockedReason: string | null, canReject: boolean, automation: { slug: string, title: string }, requestedBy: { id: string, name: string }, decidedBy: { id: string, name: string } | null };

export type ApprovalsQueryVariables = Exact<{ [key: string]: never; }>;


export type ApprovalsQuery = { approvals: { waitingForYou: number, reprocessRequests: Array<{ id: string, action: ReprocessAction, state: ReprocessRequestState, automations: Array<string>, selection: string, reason: string, velocity: number, total: number, createdAt: string, updatedAt: string, finishedAt: string | null, waitingReason: string | null, canControl: boolean, canReject: boolean, approvalReasons: Array<string>, canDecide: boolean, decideBlockedReason: string | null, requestedBy: { id: string, name: string }, decision: { decision: ApprovalDecision, at: string, note: string | null, by: { id: string, name: string } } | null, errorGroups: Array<{ automation: string, errorClass: string, count: number, sampleDeadLetterId: string, sampleMessageId: string, sampleError: string }>, progress: { queued: number, dispatched: number, acknowledged: number, succeeded: number, failed: number, cancelled: number }, canary: { requestedCount: number | null, requestedPercent: number | null, maxFailureRate: number, size: number, stage: ReprocessCanaryStage, sent: number, awaiting: number, succeeded: number, failed: number, rest: number, decision: { outcome: ReprocessCanaryStage, reason: string, at: string, succeeded: number, failed: number, awaiting: number, by: { id: string, name: string } | null } | null } | null }>, automationChanges: Array<{ id: string, state: AutomationChangeState, ownerTeam: string, requestedAt: string, sloChanges: Array<string>, changes: Array<string>, decidedAt: string | null, reason: string | null, canDecide: boolean, decideBlockedReason: string | null, canReject: boolean, automation: { slug: string, title: string }, requestedBy: { id: string, name: string }, decidedBy: { id: string, name: string } | null }> } };

export type ApproveAutomationChangeMutationVariables = Exact<{
  id: string | number;
  note?: string | null | undefined;
}>;


export type ApproveAutomationChangeMutation = { approveAutomationChange: { id: string, state: AutomationChangeState, ownerTeam: string, requestedAt: string, sloChanges: Array<string>, changes: Array<string>, decidedAt: string | null, reason: string | null, canDecide: boolean, decideBlockedReason: string | null, canReject: boolean, automation: { slug: string, title: string }, requestedBy: { id: string, name: string }, decidedBy: { id: string, name: string } | null } };

export type RejectAutomationChangeMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type RejectAutomationChangeMutation = { rejectAutomationChange: { id: string, state: AutomationChangeState, ownerTeam: string, requestedAt: string, sloChanges: Array<string>, changes: Array<string>, decidedAt: string | null, reason: string | null, canDecide: boolean, decideBlockedReason: string | null, canReject: boolean, automation: { slug: string, title: string }, requestedBy: { id: string, name: string }, decidedBy: { id: string, name: string } | null } };

export type AuditActionsQueryVariables = Exact<{ [key: string]: never; }>;


export type AuditActionsQuery = { auditActions: Array<string> };

export type AuditEntriesQueryVariables = Exact<{
  filter?: AuditFilter | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type AuditEntriesQuery = { auditEntries: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, at: string, actorKind: ActorKind, action: string, targetKind: string, targetId: string, automations: Array<string>, teams: Array<string>, reason: string | null, before: string | null, after: string | null, detail: string, actor: { id: string, name: string } } }> } };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { id: string, name: string, role: Role, teams: Array<string>, canRegister: boolean } };

export type AutomationPendingChangeQueryVariables = Exact<{
  slug: string;
}>;


export type AutomationPendingChangeQuery = { automation: { slug: string, pendingChange: { id: string, state: AutomationChangeState, ownerTeam: string, requestedAt: string, sloChanges: Array<string>, changes: Array<string>, decidedAt: string | null, reason: string | null, canDecide: boolean, decideBlockedReason: string | null, canReject: boolean, automation: { slug: string, title: string }, requestedBy: { id: string, name: string }, decidedBy: { id: string, name: string } | null } | null } };

export type RegisterAutomationMutationVariables = Exact<{
  input: AutomationInput;
}>;


export type RegisterAutomationMutation = { registerAutomation: { slug: string, title: string, description: string, type: AutomationType, lifecycle: Lifecycle, systems: Array<string>, riskDomains: Array<RiskDomain>, tags: Array<string>, system: string | null, source: EntitySource, sourceFile: string | null, archivedAt: string | null, createdAt: string, updatedAt: string, canEdit: boolean, editBlockedReason: string | null, owner: { name: string, title: string }, onCall: { name: string, email: string | null, slack: string | null, schedule: string | null }, links: Array<{ title: string, url: string, type: LinkType }>, annotations: Array<{ key: string, value: string, label: string | null, url: string | null }>, labels: Array<{ key: string, value: string }>, runtime: { kind: RuntimeKind, queue: string | null, deadLetterQueue: string | null, exchange: string | null, routingKey: string | null, stream: string | null, consumer: string | null, subject: string | null, serviceName: string | null, reprocessUrl: string | null, signingSecret: string | null, connection: string | null } | null, slos: Array<{ name: string, title: string, indicator: SloIndicator, objective: number, threshold: string | null, percentile: number | null, maxBacklog: number | null, window: string, runbook: string | null }>, kpis: Array<{ name: string, title: string, unit: string, direction: KpiDirection, source: KpiSource, target: number, currency: string | null, money: KpiMoneyKind | null, minutesPerTouch: number | null, baseline: { value: number | null, from: string | null, to: string | null, note: string } }>, runbooks: Array<{ id: string, title: string, markdown: string, path: string | null }>, releases: Array<{ version: string, date: string, summary: string, why: string | null }> } };

export type UpdateAutomationMutationVariables = Exact<{
  slug: string;
  input: AutomationInput;
}>;


export type UpdateAutomationMutation = { updateAutomation: { slug: string, title: string, description: string, type: AutomationType, lifecycle: Lifecycle, systems: Array<string>, riskDomains: Array<RiskDomain>, tags: Array<string>, system: string | null, source: EntitySource, sourceFile: string | null, archivedAt: string | null, createdAt: string, updatedAt: string, canEdit: boolean, editBlockedReason: string | null, pendingChange: { id: string, state: AutomationChangeState, ownerTeam: string, requestedAt: string, sloChanges: Array<string>, changes: Array<string>, decidedAt: string | null, reason: string | null, canDecide: boolean, decideBlockedReason: string | null, canReject: boolean, automation: { slug: string, title: string }, requestedBy: { id: string, name: string }, decidedBy: { id: string, name: string } | null } | null, owner: { name: string, title: string }, onCall: { name: string, email: string | null, slack: string | null, schedule: string | null }, links: Array<{ title: string, url: string, type: LinkType }>, annotations: Array<{ key: string, value: string, label: string | null, url: string | null }>, labels: Array<{ key: string, value: string }>, runtime: { kind: RuntimeKind, queue: string | null, deadLetterQueue: string | null, exchange: string | null, routingKey: string | null, stream: string | null, consumer: string | null, subject: string | null, serviceName: string | null, reprocessUrl: string | null, signingSecret: string | null, connection: string | null } | null, slos: Array<{ name: string, title: string, indicator: SloIndicator, objective: number, threshold: string | null, percentile: number | null, maxBacklog: number | null, window: string, runbook: string | null }>, kpis: Array<{ name: string, title: string, unit: string, direction: KpiDirection, source: KpiSource, target: number, currency: string | null, money: KpiMoneyKind | null, minutesPerTouch: number | null, baseline: { value: number | null, from: string | null, to: string | null, note: string } }>, runbooks: Array<{ id: string, title: string, markdown: string, path: string | null }>, releases: Array<{ version: string, date: string, summary: string, why: string | null }> } };

export type ArchiveAutomationMutationVariables = Exact<{
  slug: string;
}>;


export type ArchiveAutomationMutation = { archiveAutomation: { slug: string, title: string, description: string, type: AutomationType, lifecycle: Lifecycle, systems: Array<string>, riskDomains: Array<RiskDomain>, tags: Array<string>, system: string | null, source: EntitySource, sourceFile: string | null, archivedAt: string | null, createdAt: string, updatedAt: string, canEdit: boolean, editBlockedReason: string | null, owner: { name: string, title: string }, onCall: { name: string, email: string | null, slack: string | null, schedule: string | null }, links: Array<{ title: string, url: string, type: LinkType }>, annotations: Array<{ key: string, value: string, label: string | null, url: string | null }>, labels: Array<{ key: string, value: string }>, runtime: { kind: RuntimeKind, queue: string | null, deadLetterQueue: string | null, exchange: string | null, routingKey: string | null, stream: string | null, consumer: string | null, subject: string | null, serviceName: string | null, reprocessUrl: string | null, signingSecret: string | null, connection: string | null } | null, slos: Array<{ name: string, title: string, indicator: SloIndicator, objective: number, threshold: string | null, percentile: number | null, maxBacklog: number | null, window: string, runbook: string | null }>, kpis: Array<{ name: string, title: string, unit: string, direction: KpiDirection, source: KpiSource, target: number, currency: string | null, money: KpiMoneyKind | null, minutesPerTouch: number | null, baseline: { value: number | null, from: string | null, to: string | null, note: string } }>, runbooks: Array<{ id: string, title: string, markdown: string, path: string | null }>, releases: Array<{ version: string, date: string, summary: string, why: string | null }> } };

export type AutomationDetailFragment = { slug: string, title: string, description: string, type: AutomationType, lifecycle: Lifecycle, systems: Array<string>, riskDomains: Array<RiskDomain>, tags: Array<string>, system: string | null, source: EntitySource, sourceFile: string | null, archivedAt: string | null, createdAt: string, updatedAt: string, canEdit: boolean, editBlockedReason: string | null, owner: { name: string, title: string }, onCall: { name: string, email: string | null, slack: string | null, schedule: string | null }, links: Array<{ title: string, url: string, type: LinkType }>, annotations: Array<{ key: string, value: string, label: string | null, url: string | null }>, labels: Array<{ key: string, value: string }>, runtime: { kind: RuntimeKind, queue: string | null, deadLetterQueue: string | null, exchange: string | null, routingKey: string | null, stream: string | null, consumer: string | null, subject: string | null, serviceName: string | null, reprocessUrl: string | null, signingSecret: string | null, connection: string | null } | null, slos: Array<{ name: string, title: string, indicator: SloIndicator, objective: number, threshold: string | null, percentile: number | null, maxBacklog: number | null, window: string, runbook: string | null }>, kpis: Array<{ name: string, title: string, unit: string, direction: KpiDirection, source: KpiSource, target: number, currency: string | null, money: KpiMoneyKind | null, minutesPerTouch: number | null, baseline: { value: number | null, from: string | null, to: string | null, note: string } }>, runbooks: Array<{ id: string, title: string, markdown: string, path: string | null }>, releases: Array<{ version: string, date: string, summary: string, why: string | null }> };

export type AutomationQueryVariables = Exact<{
  slug: string;
}>;


export type AutomationQuery = { automation: { slug: string, title: string, description: string, type: AutomationType, lifecycle: Lifecycle, systems: Array<string>, riskDomains: Array<RiskDomain>, tags: Array<string>, system: string | null, source: EntitySource, sourceFile: string | null, archivedAt: string | null, createdAt: string, updatedAt: string, canEdit: boolean, editBlockedReason: string | null, owner: { name: string, title: string }, onCall: { name: string, email: string | null, slack: string | null, schedule: string | null }, links: Array<{ title: string, url: string, type: LinkType }>, annotations: Array<{ key: string, value: string, label: string | null, url: string | null }>, labels: Array<{ key: string, value: string }>, runtime: { kind: RuntimeKind, queue: string | null, deadLetterQueue: string | null, exchange: string | null, routingKey: string | null, stream: string | null, consumer: string | null, subject: string | null, serviceName: string | null, reprocessUrl: string | null, signingSecret: string | null, connection: string | null } | null, slos: Array<{ name: string, title: string, indicator: SloIndicator, objective: number, threshold: string | null, percentile: number | null, maxBacklog: number | null, window: string, runbook: string | null }>, kpis: Array<{ name: string, title: string, unit: string, direction: KpiDirection, source: KpiSource, target: number, currency: string | null, money: KpiMoneyKind | null, minutesPerTouch: number | null, baseline: { value: number | null, from: string | null, to: string | null, note: string } }>, runbooks: Array<{ id: string, title: string, markdown: string, path: string | null }>, releases: Array<{ version: string, date: string, summary: string, why: string | null }> } };

export type ExportAutomationQueryVariables = Exact<{
  slug: string;
}>;


export type ExportAutomationQuery = { exportAutomation: string };

export type AutomationOptionsQueryVariables = Exact<{
  filter?: AutomationFilter | null | undefined;
  first: number;
}>;


export type AutomationOptionsQuery = { automations: { edges: Array<{ node: { slug: string, title: string, owner: { name: string } } }> } };

export type CatalogAutomationFragment = { slug: string, title: string, type: AutomationType, lifecycle: Lifecycle, riskDomains: Array<RiskDomain>, tags: Array<string>, systems: Array<string>, source: EntitySource, archivedAt: string | null, owner: { name: string, title: string }, onCall: { name: string, slack: string | null }, status: { health: AutomationHealthState, openAlerts: number, runsLast24h: number, failedLast24h: number } };

export type CatalogAutomationsQueryVariables = Exact<{
  filter?: AutomationFilter | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type CatalogAutomationsQuery = { automations: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { slug: string, title: string, type: AutomationType, lifecycle: Lifecycle, riskDomains: Array<RiskDomain>, tags: Array<string>, systems: Array<string>, source: EntitySource, archivedAt: string | null, owner: { name: string, title: string }, onCall: { name: string, slack: string | null }, status: { health: AutomationHealthState, openAlerts: number, runsLast24h: number, failedLast24h: number } } }> } };

export type CatalogFacetsQueryVariables = Exact<{ [key: string]: never; }>;


export type CatalogFacetsQuery = { automationFacets: { tags: Array<string>, systems: Array<string> } };

export type AutomationKpisQueryVariables = Exact<{
  slug: string;
  range?: DateRangeInput | null | undefined;
}>;


export type AutomationKpisQuery = { automationKpis: Array<{ automation: string, automationTitle: string, name: string, title: string, unit: string, direction: KpiDirection, source: KpiSource, currency: string | null, target: number, baseline: number | null, baselineNote: string, baselineFrom: string | null, baselineTo: string | null, after: number | null, coverage: number, partial: boolean, noData: boolean, delta: number | null, change: KpiChange | null, improvementPercent: number | null, progressPercent: number | null, progressDisplayPercent: number | null, targetReached: boolean | null, caveat: string | null, howComputed: string, range: { start: string, end: string, days: number, label: string } }> };

export type DashboardQueryVariables = Exact<{
  name: string;
  range?: DateRangeInput | null | undefined;
}>;


export type DashboardQuery = { dashboard: { name: string, title: string, description: string, owner: string, path: string, defaultRange: { last: string | null, from: string | null, to: string | null }, range: { start: string, end: string, days: number, label: string }, panels: Array<{ kind: DashboardPanelKind, title: string, description: string | null, problem: string | null, kpi: { automation: string, automationTitle: string, name: string, title: string, unit: string, direction: KpiDirection, source: KpiSource, currency: string | null, target: number, baseline: number | null, baselineNote: string, baselineFrom: string | null, baselineTo: string | null, after: number | null, coverage: number, partial: boolean, noData: boolean, delta: number | null, change: KpiChange | null, improvementPercent: number | null, progressPercent: number | null, progressDisplayPercent: number | null, targetReached: boolean | null, caveat: string | null, howComputed: string, range: { start: string, end: string, days: number, label: string } } | null, trend: { interval: TrendInterval, kpi: { automation: string, automationTitle: string, name: string, title: string, unit: string, direction: KpiDirection, source: KpiSource, currency: string | null, target: number, baseline: number | null, baselineNote: string, baselineFrom: string | null, baselineTo: string | null, after: number | null, coverage: number, partial: boolean, noData: boolean, delta: number | null, change: KpiChange | null, improvementPercent: number | null, progressPercent: number | null, progressDisplayPercent: number | null, targetReached: boolean | null, caveat: string | null, howComputed: string, range: { start: string, end: string, days: number, label: string } }, points: Array<{ at: string, value: number | null }> } | null, slos: Array<{ automation: string, automationTitle: string, attainmentPercent: number | null, good: number, total: number, status: { name: string, title: string, indicator: SloIndicator, objective: number, window: string, state: SloState, attainedPercent: number | null, runbook: { id: string, title: string } | null, errorBudget: { allowedBad: number, bad: number, good: number, total: number, consumedFraction: number, remainingFraction: number, overspent: boolean, noData: boolean } | null, burnRates: Array<{ rule: string, severity: AlertSeverity, threshold: number, longWindow: string, shortWindow: string, longBurnRate: number | null, shortBurnRate: number | null, firing: boolean, budgetSpentInLongWindow: number | null }>, deadLetters: { pending: number, maxBacklog: number | null, headroom: number | null, oldestPendingSince: string | null, oldestAgeMs: number | null, thresholdMs: number | null, withinLimit: boolean } | null, freshness: { ageMs: number | null, fresh: boolean, lastSuccessAt: string | null, thresholdMs: number } | null }, openAlerts: Array<{ id: string, severity: AlertSeverity, state: AlertState, summary: string }> }> | null, backlog: Array<{ automation: string, automationTitle: string, pending: number, oldestPendingSince: string | null, arrivedInRange: number, closedInRange: number }> | null, totals: { hoursSaved: number | null, hoursSavedItems: Array<{ automation: string, kpi: string, kpiTitle: string, touchesAvoidedPerDay: number, minutesPerTouch: number, days: number, hours: number }>, money: Array<{ currency: string, unit: string, kind: KpiMoneyKind, before: number, after: number, change: number, items: Array<{ automation: string, kpi: string, kpiTitle: string, currency: string, unit: string, kind: KpiMoneyKind, before: number, after: number, change: number }> }>, skipped: Array<{ automation: string, kpi: string, kpiTitle: string, reason: string }> } | null }> } | null };

export type DashboardsQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardsQuery = { dashboards: Array<{ name: string, title: string, description: string, owner: string, path: string, panelCount: number, defaultRange: { last: string | null, from: string | null, to: string | null } }> };

export type KpiReportFieldsFragment = { automation: string, automationTitle: string, name: string, title: string, unit: string, direction: KpiDirection, source: KpiSource, currency: string | null, target: number, baseline: number | null, baselineNote: string, baselineFrom: string | null, baselineTo: string | null, after: number | null, coverage: number, partial: boolean, noData: boolean, delta: number | null, change: KpiChange | null, improvementPercent: number | null, progressPercent: number | null, progressDisplayPercent: number | null, targetReached: boolean | null, caveat: string | null, howComputed: string, range: { start: string, end: string, days: number, label: string } };

export type DataFreshnessQueryVariables = Exact<{ [key: string]: never; }>;


export type DataFreshnessQuery = { dataFreshness: { fromReplica: boolean, behindSeconds: number, asOf: string | null, lagging: boolean } };

export type DeadLetterGroupsQueryVariables = Exact<{
  automation?: string | null | undefined;
  status?: DeadLetterStatus | null | undefined;
  needsAction?: boolean | null | undefined;
  reprocessRequest?: string | number | null | undefined;
  teams?: Array<string> | string | null | undefined;
}>;


export type DeadLetterGroupsQuery = { deadLetterGroups: Array<{ fingerprint: string, errorClass: string, normalizedMessage: string, sampleMessage: string, sourceKind: DeadLetterSource, sourceQueue: string, total: number, pending: number, matching: number, firstSeen: string, lastSeen: string, trend: Array<number>, automation: { slug: string, title: string } }> };

export type DeadLetterQueryVariables = Exact<{
  id: string | number;
}>;


export type DeadLetterQuery = { deadLetter: { id: string, sourceKind: DeadLetterSource, sourceQueue: string, messageId: string, fingerprint: string, errorClass: string, errorMessage: string, attempts: number, deliveries: number, firstFailedAt: string, lastFailedAt: string, status: DeadLetterStatus, correlationId: string | null, runId: string | null, payload: string, payloadFormat: PayloadFormat, contentType: string | null, contentEncoding: string | null, bodyBytes: number, headers: string, payloadMasked: boolean, reprocessOf: string | null, automation: { slug: string, title: string }, earlierErrors: Array<{ errorClass: string, errorMessage: string, until: string }>, actions: Array<{ requestId: string, action: ReprocessAction, requestState: ReprocessRequestState, requestedBy: string, requestedAt: string, reason: string, route: ReprocessRoute, state: ReprocessItemState, reprocessId: string, attempts: number, lastError: string | null, dispatchedAt: string | null, acknowledgedAt: string | null, finishedAt: string | null, newDeadLetterId: string | null }> } };

export type DeadLetterRowFragment = { id: string, fingerprint: string, errorClass: string, errorMessage: string, attempts: number, deliveries: number, lastFailedAt: string, status: DeadLetterStatus, correlationId: string | null, automation: { slug: string, title: string } };

export type DeadLettersQueryVariables = Exact<{
  filter?: DeadLetterFilter | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type DeadLettersQuery = { deadLetters: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, fingerprint: string, errorClass: string, errorMessage: string, attempts: number, deliveries: number, lastFailedAt: string, status: DeadLetterStatus, correlationId: string | null, automation: { slug: string, title: string } } }> } };

export type RetentionWarningsQueryVariables = Exact<{
  automation?: string | null | undefined;
}>;


export type RetentionWarningsQuery = { deadLetterRetentionWarnings: Array<{ automation: string, sourceQueue: string, count: number, expiresAt: string | null, retention: string, message: string }> };

export type AutomationHealthQueryVariables = Exact<{
  slug: string;
  window: string;
}>;


export type AutomationHealthQuery = { automationHealth: { slug: string, window: string, bucket: string, from: string, to: string, throughput: number, successRate: number | null, errorRate: number | null, retryRate: number | null, p50Ms: number | null, p95Ms: number | null, p99Ms: number | null, lastSuccessAt: string | null, lastHeartbeatAt: string | null, series: Array<{ at: string, throughput: number, succeeded: number, failed: number, deadLettered: number, retried: number, successRate: number | null, errorRate: number | null, retryRate: number | null, p50Ms: number | null, p95Ms: number | null, p99Ms: number | null }> } };

export type QuarantineQueryVariables = Exact<{
  automation?: string | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type QuarantineQuery = { quarantine: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, receivedAt: string, automation: string | null, eventType: string | null, reason: string, payload: string, tokenName: string | null } }> } };

export type ApproveReprocessMutationVariables = Exact<{
  id: string | number;
  note?: string | null | undefined;
}>;


export type ApproveReprocessMutation = { approveReprocess: { failedAgain: number, id: string, action: ReprocessAction, state: ReprocessRequestState, automations: Array<string>, selection: string, reason: string, velocity: number, total: number, createdAt: string, updatedAt: string, finishedAt: string | null, waitingReason: string | null, canControl: boolean, canReject: boolean, approvalReasons: Array<string>, canDecide: boolean, decideBlockedReason: string | null, recentErrors: Array<{ deadLetterId: string, messageId: string, state: ReprocessItemState, attempts: number, error: string }>, requestedBy: { id: string, name: string }, decision: { decision: ApprovalDecision, at: string, note: string | null, by: { id: string, name: string } } | null, errorGroups: Array<{ automation: string, errorClass: string, count: number, sampleDeadLetterId: string, sampleMessageId: string, sampleError: string }>, progress: { queued: number, dispatched: number, acknowledged: number, succeeded: number, failed: number, cancelled: number }, canary: { requestedCount: number | null, requestedPercent: number | null, maxFailureRate: number, size: number, stage: ReprocessCanaryStage, sent: number, awaiting: number, succeeded: number, failed: number, rest: number, decision: { outcome: ReprocessCanaryStage, reason: string, at: string, succeeded: number, failed: number, awaiting: number, by: { id: string, name: string } | null } | null } | null } };

export type CancelReprocessMutationVariables = Exact<{
  id: string | number;
  reason?: string | null | undefined;
}>;


export type CancelReprocessMutation = { cancelReprocess: { failedAgain: number, id: string, action: ReprocessAction, state: ReprocessRequestState, automations: Array<string>, selection: string, reason: string, velocity: number, total: number, createdAt: string, updatedAt: string, finishedAt: string | null, waitingReason: string | null, canControl: boolean, canReject: boolean, approvalReasons: Array<string>, canDecide: boolean, decideBlockedReason: string | null, recentErrors: Array<{ deadLetterId: string, messageId: string, state: ReprocessItemState, attempts: number, error: string }>, requestedBy: { id: string, name: string }, decision: { decision: ApprovalDecision, at: string, note: string | null, by: { id: string, name: string } } | null, errorGroups: Array<{ automation: string, errorClass: string, count: number, sampleDeadLetterId: string, sampleMessageId: string, sampleError: string }>, progress: { queued: number, dispatched: number, acknowledged: number, succeeded: number, failed: number, cancelled: number }, canary: { requestedCount: number | null, requestedPercent: number | null, maxFailureRate: number, size: number, stage: ReprocessCanaryStage, sent: number, awaiting: number, succeeded: number, failed: number, rest: number, decision: { outcome: ReprocessCanaryStage, reason: string, at: string, succeeded: number, failed: number, awaiting: number, by: { id: string, name: string } | null } | null } | null } };

export type ContinueReprocessCanaryMutationVariables = Exact<{
  id: string | number;
  reason?: string | null | undefined;
}>;


export type ContinueReprocessCanaryMutation = { continueReprocessCanary: { failedAgain: number, id: string, action: ReprocessAction, state: ReprocessRequestState, automations: Array<string>, selection: string, reason: string, velocity: number, total: number, createdAt: string, updatedAt: string, finishedAt: string | null, waitingReason: string | null, canControl: boolean, canReject: boolean, approvalReasons: Array<string>, canDecide: boolean, decideBlockedReason: string | null, recentErrors: Array<{ deadLetterId: string, messageId: string, state: ReprocessItemState, attempts: number, error: string }>, requestedBy: { id: string, name: string }, decision: { decision: ApprovalDecision, at: string, note: string | null, by: { id: string, name: string } } | null, errorGroups: Array<{ automation: string, errorClass: string, count: number, sampleDeadLetterId: string, sampleMessageId: string, sampleError: string }>, progress: { queued: number, dispatched: number, acknowledged: number, succeeded: number, failed: number, cancelled: number }, canary: { requestedCount: number | null, requestedPercent: number | null, maxFailureRate: number, size: number, stage: ReprocessCanaryStage, sent: number, awaiting: number, succeeded: number, failed: number, rest: number, decision: { outcome: ReprocessCanaryStage, reason: string, at: string, succeeded: number, failed: number, awaiting: number, by: { id: string, name: string } | null } | null } | null } };

export type PauseReprocessMutationVariables = Exact<{
  id: string | number;
  reason?: string | null | undefined;
}>;


export type PauseReprocessMutation = { pauseReprocess: { failedAgain: number, id: string, action: ReprocessAction, state: ReprocessRequestState, automations: Array<string>, selection: string, reason: string, velocity: number, total: number, createdAt: string, updatedAt: string, finishedAt: string | null, waitingReason: string | null, canControl: boolean, canReject: boolean, approvalReasons: Array<string>, canDecide: boolean, decideBlockedReason: string | null, recentErrors: Array<{ deadLetterId: string, messageId: string, state: ReprocessItemState, attempts: number, error: string }>, requestedBy: { id: string, name: string }, decision: { decision: ApprovalDecision, at: string, note: string | null, by: { id: string, name: string } } | null, errorGroups: Array<{ automation: string, errorClass: string, count: number, sampleDeadLetterId: string, sampleMessageId: string, sampleError: string }>, progress: { queued: number, dispatched: number, acknowledged: number, succeeded: number, failed: number, cancelled: number }, canary: { requestedCount: number | null, requestedPercent: number | null, maxFailureRate: number, size: number, stage: ReprocessCanaryStage, sent: number, awaiting: number, succeeded: number, failed: number, rest: number, decision: { outcome: ReprocessCanaryStage, reason: string, at: string, succeeded: number, failed: number, awaiting: number, by: { id: string, name: string } | null } | null } | null } };

export type RejectReprocessMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type RejectReprocessMutation = { rejectReprocess: { failedAgain: number, id: string, action: ReprocessAction, state: ReprocessRequestState, automations: Array<string>, selection: string, reason: string, velocity: number, total: number, createdAt: string, updatedAt: string, finishedAt: string | null, waitingReason: string | null, canControl: boolean, canReject: boolean, approvalReasons: Array<string>, canDecide: boolean, decideBlockedReason: string | null, recentErrors: Array<{ deadLetterId: string, messageId: string, state: ReprocessItemState, attempts: number, error: string }>, requestedBy: { id: string, name: string }, decision: { decision: ApprovalDecision, at: string, note: string | null, by: { id: string, name: string } } | null, errorGroups: Array<{ automation: string, errorClass: string, count: number, sampleDeadLetterId: string, sampleMessageId: string, sampleError: string }>, progress: { queued: number, dispatched: number, acknowledged: number, succeeded: number, failed: number, cancelled: number }, canary: { requestedCount: number | null, requestedPercent: number | null, maxFailureRate: number, size: number, stage: ReprocessCanaryStage, sent: number, awaiting: number, succeeded: number, failed: number, rest: number, decision: { outcome: ReprocessCanaryStage, reason: string, at: string, succeeded: number, failed: number, awaiting: number, by: { id: string, name: string } | null } | null } | null } };

export type ReprocessPreviewQueryVariables = Exact<{
  action: ReprocessAction;
  selection: DeadLetterSelection;
}>;


export type ReprocessPreviewQuery = { reprocessPreview: { action: ReprocessAction, count: number, blockedReason: string | null, approvalReasons: Array<string>, parts: Array<{ sourceKind: DeadLetterSource, route: ReprocessRoute, destination: string, count: number, warning: string | null, allowed: boolean, automation: { slug: string, title: string } }> } };

export type ReprocessRequestSummaryFragment = { id: string, action: ReprocessAction, state: ReprocessRequestState, automations: Array<string>, selection: string, reason: string, velocity: number, total: number, createdAt: string, updatedAt: string, finishedAt: string | null, waitingReason: string | null, canControl: boolean, canReject: boolean, approvalReasons: Array<string>, canDecide: boolean, decideBlockedReason: string | null, requestedBy: { id: string, name: string }, decision: { decision: ApprovalDecision, at: string, note: string | null, by: { id: string, name: string } } | null, errorGroups: Array<{ automation: string, errorClass: string, count: number, sampleDeadLetterId: string, sampleMessageId: string, sampleError: string }>, progress: { queued: number, dispatched: number, acknowledged: number, succeeded: number, failed: number, cancelled: number }, canary: { requestedCount: number | null, requestedPercent: number | null, maxFailureRate: number, size: number, stage: ReprocessCanaryStage, sent: number, awaiting: number, succeeded: number, failed: number, rest: number, decision: { outcome: ReprocessCanaryStage, reason: string, at: string, succeeded: number, failed: number, awaiting: number, by: { id: string, name: string } | null } | null } | null };

export type ReprocessRequestDetailFragment = { failedAgain: number, id: string, action: ReprocessAction, state: ReprocessRequestState, automations: Array<string>, selection: string, reason: string, velocity: number, total: number, createdAt: string, updatedAt: string, finishedAt: string | null, waitingReason: string | null, canControl: boolean, canReject: boolean, approvalReasons: Array<string>, canDecide: boolean, decideBlockedReason: string | null, recentErrors: Array<{ deadLetterId: string, messageId: string, state: ReprocessItemState, attempts: number, error: string }>, requestedBy: { id: string, name: string }, decision: { decision: ApprovalDecision, at: string, note: string | null, by: { id: string, name: string } } | null, errorGroups: Array<{ automation: string, errorClass: string, count: number, sampleDeadLetterId: string, sampleMessageId: string, sampleError: string }>, progress: { queued: number, dispatched: number, acknowledged: number, succeeded: number, failed: number, cancelled: number }, canary: { requestedCount: number | null, requestedPercent: number | null, maxFailureRate: number, size: number, stage: ReprocessCanaryStage, sent: number, awaiting: number, succeeded: number, failed: number, rest: number, decision: { outcome: ReprocessCanaryStage, reason: string, at: string, succeeded: number, failed: number, awaiting: number, by: { id: string, name: string } | null } | null } | null };

export type ReprocessRequestQueryVariables = Exact<{
  id: string | number;
}>;


export type ReprocessRequestQuery = { reprocessRequest: { failedAgain: number, id: string, action: ReprocessAction, state: ReprocessRequestState, automations: Array<string>, selection: string, reason: string, velocity: number, total: number, createdAt: string, updatedAt: string, finishedAt: string | null, waitingReason: string | null, canControl: boolean, canReject: boolean, approvalReasons: Array<string>, canDecide: boolean, decideBlockedReason: string | null, recentErrors: Array<{ deadLetterId: string, messageId: string, state: ReprocessItemState, attempts: number, error: string }>, requestedBy: { id: string, name: string }, decision: { decision: ApprovalDecision, at: string, note: string | null, by: { id: string, name: string } } | null, errorGroups: Array<{ automation: string, errorClass: string, count: number, sampleDeadLetterId: string, sampleMessageId: string, sampleError: string }>, progress: { queued: number, dispatched: number, acknowledged: number, succeeded: number, failed: number, cancelled: number }, canary: { requestedCount: number | null, requestedPercent: number | null, maxFailureRate: number, size: number, stage: ReprocessCanaryStage, sent: number, awaiting: number, succeeded: number, failed: number, rest: number, decision: { outcome: ReprocessCanaryStage, reason: string, at: string, succeeded: number, failed: number, awaiting: number, by: { id: string, name: string } | null } | null } | null } };

export type ReprocessRequestsQueryVariables = Exact<{
  automation?: string | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type ReprocessRequestsQuery = { reprocessRequests: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, action: ReprocessAction, state: ReprocessRequestState, automations: Array<string>, selection: string, reason: string, velocity: number, total: number, createdAt: string, updatedAt: string, finishedAt: string | null, waitingReason: string | null, canControl: boolean, canReject: boolean, approvalReasons: Array<string>, canDecide: boolean, decideBlockedReason: string | null, requestedBy: { id: string, name: string }, decision: { decision: ApprovalDecision, at: string, note: string | null, by: { id: string, name: string } } | null, errorGroups: Array<{ automation: string, errorClass: string, count: number, sampleDeadLetterId: string, sampleMessageId: string, sampleError: string }>, progress: { queued: number, dispatched: number, acknowledged: number, succeeded: number, failed: number, cancelled: number }, canary: { requestedCount: number | null, requestedPercent: number | null, maxFailureRate: number, size: number, stage: ReprocessCanaryStage, sent: number, awaiting: number, succeeded: number, failed: number, rest: number, decision: { outcome: ReprocessCanaryStage, reason: string, at: string, succeeded: number, failed: number, awaiting: number, by: { id: string, name: string } | null } | null } | null } }> } };

export type ResumeReprocessMutationVariables = Exact<{
  id: string | number;
  reason?: string | null | undefined;
}>;


export type ResumeReprocessMutation = { resumeReprocess: { failedAgain: number, id: string, action: ReprocessAction, state: ReprocessRequestState, automations: Array<string>, selection: string, reason: string, velocity: number, total: number, createdAt: string, updatedAt: string, finishedAt: string | null, waitingReason: string | null, canControl: boolean, canReject: boolean, approvalReasons: Array<string>, canDecide: boolean, decideBlockedReason: string | null, recentErrors: Array<{ deadLetterId: string, messageId: string, state: ReprocessItemState, attempts: number, error: string }>, requestedBy: { id: string, name: string }, decision: { decision: ApprovalDecision, at: string, note: string | null, by: { id: string, name: string } } | null, errorGroups: Array<{ automation: string, errorClass: string, count: number, sampleDeadLetterId: string, sampleMessageId: string, sampleError: string }>, progress: { queued: number, dispatched: number, acknowledged: number, succeeded: number, failed: number, cancelled: number }, canary: { requestedCount: number | null, requestedPercent: number | null, maxFailureRate: number, size: number, stage: ReprocessCanaryStage, sent: number, awaiting: number, succeeded: number, failed: number, rest: number, decision: { outcome: ReprocessCanaryStage, reason: string, at: string, succeeded: number, failed: number, awaiting: number, by: { id: string, name: string } | null } | null } | null } };

export type StartReprocessMutationVariables = Exact<{
  input: StartReprocessInput;
}>;


export type StartReprocessMutation = { startReprocess: { failedAgain: number, id: string, action: ReprocessAction, state: ReprocessRequestState, automations: Array<string>, selection: string, reason: string, velocity: number, total: number, createdAt: string, updatedAt: string, finishedAt: string | null, waitingReason: string | null, canControl: boolean, canReject: boolean, approvalReasons: Array<string>, canDecide: boolean, decideBlockedReason: string | null, recentErrors: Array<{ deadLetterId: string, messageId: string, state: ReprocessItemState, attempts: number, error: string }>, requestedBy: { id: string, name: string }, decision: { decision: ApprovalDecision, at: string, note: string | null, by: { id: string, name: string } } | null, errorGroups: Array<{ automation: string, errorClass: string, count: number, sampleDeadLetterId: string, sampleMessageId: string, sampleError: string }>, progress: { queued: number, dispatched: number, acknowledged: number, succeeded: number, failed: number, cancelled: number }, canary: { requestedCount: number | null, requestedPercent: number | null, maxFailureRate: number, size: number, stage: ReprocessCanaryStage, sent: number, awaiting: number, succeeded: number, failed: number, rest: number, decision: { outcome: ReprocessCanaryStage, reason: string, at: string, succeeded: number, failed: number, awaiting: number, by: { id: string, name: string } | null } | null } | null } };

export type RunFieldsFragment = { runId: string, attempt: number, correlationId: string | null, status: RunStatus, startedAt: string, finishedAt: string | null, durationMs: number | null, errorClass: string | null, errorMessage: string | null, manualTouch: boolean, automation: { slug: string, title: string } };

export type RunsQueryVariables = Exact<{
  filter?: RunFilter | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type RunsQuery = { runs: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { runId: string, attempt: number, correlationId: string | null, status: RunStatus, startedAt: string, finishedAt: string | null, durationMs: number | null, errorClass: string | null, errorMessage: string | null, manualTouch: boolean, automation: { slug: string, title: string } } }> } };

export type AutomationSlosQueryVariables = Exact<{
  slug: string;
}>;


export type AutomationSlosQuery = { automationSlos: Array<{ name: string, title: string, indicator: SloIndicator, objective: number, window: string, state: SloState, attainedPercent: number | null, runbook: { id: string, title: string } | null, errorBudget: { allowedBad: number, bad: number, good: number, total: number, consumedFraction: number, remainingFraction: number, overspent: boolean, noData: boolean } | null, burnRates: Array<{ rule: string, severity: AlertSeverity, threshold: number, longWindow: string, shortWindow: string, longBurnRate: number | null, shortBurnRate: number | null, firing: boolean, budgetSpentInLongWindow: number | null }>, deadLetters: { pending: number, maxBacklog: number | null, headroom: number | null, oldestPendingSince: string | null, oldestAgeMs: number | null, thresholdMs: number | null, withinLimit: boolean } | null, freshness: { ageMs: number | null, fresh: boolean, lastSuccessAt: string | null, thresholdMs: number } | null }> };

export type SloStatusFieldsFragment = { name: string, title: string, indicator: SloIndicator, objective: number, window: string, state: SloState, attainedPercent: number | null, runbook: { id: string, title: string } | null, errorBudget: { allowedBad: number, bad: number, good: number, total: number, consumedFraction: number, remainingFraction: number, overspent: boolean, noData: boolean } | null, burnRates: Array<{ rule: string, severity: AlertSeverity, threshold: number, longWindow: string, shortWindow: string, longBurnRate: number | null, shortBurnRate: number | null, firing: boolean, budgetSpentInLongWindow: number | null }>, deadLetters: { pending: number, maxBacklog: number | null, headroom: number | null, oldestPendingSince: string | null, oldestAgeMs: number | null, thresholdMs: number | null, withinLimit: boolean } | null, freshness: { ageMs: number | null, fresh: boolean, lastSuccessAt: string | null, thresholdMs: number } | null };

export type TeamTreeQueryVariables = Exact<{ [key: string]: never; }>;


export type TeamTreeQuery = { teams: Array<{ name: string, title: string, description: string | null, namespace: string, parent: string | null, automationCount: number, people: Array<{ name: string, displayName: string | null, email: string | null }> }> };

export type TeamsQueryVariables = Exact<{ [key: string]: never; }>;


export type TeamsQuery = { teams: Array<{ name: string, title: string, automationCount: number, onCall: { name: string, email: string | null, slack: string | null, schedule: string | null } | null }> };

export type CreateRuntimeTokenMutationVariables = Exact<{
  input: CreateRuntimeTokenInput;
}>;


export type CreateRuntimeTokenMutation = { createRuntimeToken: { secret: string, token: { id: string, name: string, team: string, allAutomations: boolean, automations: Array<string>, capabilities: Array<TokenCapability>, prefix: string, createdAt: string, createdBy: string, lastUsedAt: string | null, expiresAt: string, revokedAt: string | null, revokedBy: string | null, replaces: string | null, replacedBy: string | null, state: RuntimeTokenState } } };

export type RevokeRuntimeTokenMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeRuntimeTokenMutation = { revokeRuntimeToken: { id: string, name: string, team: string, allAutomations: boolean, automations: Array<string>, capabilities: Array<TokenCapability>, prefix: string, createdAt: string, createdBy: string, lastUsedAt: string | null, expiresAt: string, revokedAt: string | null, revokedBy: string | null, replaces: string | null, replacedBy: string | null, state: RuntimeTokenState } };

export type RotateRuntimeTokenMutationVariables = Exact<{
  id: string | number;
  overlapHours?: number | null | undefined;
  expiresInDays?: number | null | undefined;
}>;


export type RotateRuntimeTokenMutation = { rotateRuntimeToken: { secret: string, token: { id: string, name: string, team: string, allAutomations: boolean, automations: Array<string>, capabilities: Array<TokenCapability>, prefix: string, createdAt: string, createdBy: string, lastUsedAt: string | null, expiresAt: string, revokedAt: string | null, revokedBy: string | null, replaces: string | null, replacedBy: string | null, state: RuntimeTokenState }, replaced: { id: string, name: string, team: string, allAutomations: boolean, automations: Array<string>, capabilities: Array<TokenCapability>, prefix: string, createdAt: string, createdBy: string, lastUsedAt: string | null, expiresAt: string, revokedAt: string | null, revokedBy: string | null, replaces: string | null, replacedBy: string | null, state: RuntimeTokenState } } };

export type RuntimeTokenFieldsFragment = { id: string, name: string, team: string, allAutomations: boolean, automations: Array<string>, capabilities: Array<TokenCapability>, prefix: string, createdAt: string, createdBy: string, lastUsedAt: string | null, expiresAt: string, revokedAt: string | null, revokedBy: string | null, replaces: string | null, replacedBy: string | null, state: RuntimeTokenState };

export type RuntimeTokensQueryVariables = Exact<{
  team: string;
}>;


export type RuntimeTokensQuery = { runtimeTokens: Array<{ id: string, name: string, team: string, allAutomations: boolean, automations: Array<string>, capabilities: Array<TokenCapability>, prefix: string, createdAt: string, createdBy: string, lastUsedAt: string | null, expiresAt: string, revokedAt: string | null, revokedBy: string | null, replaces: string | null, replacedBy: string | null, state: RuntimeTokenState }> };

export type TrailQueryVariables = Exact<{
  correlationId: string;
}>;


export type TrailQuery = { trail: Array<{ runId: string, attempt: number, correlationId: string | null, status: RunStatus, startedAt: string, finishedAt: string | null, durationMs: number | null, errorClass: string | null, errorMessage: string | null, manualTouch: boolean, automation: { slug: string, title: string } }>, trailSteps: Array<{ stepId: string, runId: string | null, name: string, outcome: StepOutcome, startedAt: string, durationMs: number, errorMessage: string | null, automation: { slug: string } }> };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const AlertFieldsFragmentDoc = new TypedDocumentString(`
    fragment AlertFields on Alert {
  id
  automation
  automationTitle
  slo
  sloTitle
  rule
  severity
  state
  summary
  firedAt
  acknowledgedAt
  acknowledgedBy
  resolvedAt
  acknowledgeBlockedReason
  runbook {
    id
    title
  }
  events {
    at
    kind
    actor
    detail
  }
}
    `, {"fragmentName":"AlertFields"}) as unknown as TypedDocumentString<AlertFieldsFragment, unknown>;
export const AutomationChangeItemFragmentDoc = new TypedDocumentString(`
    fragment AutomationChangeItem on AutomationChange {
  id
  state
  ownerTeam
  automation {
    slug
    title
  }
  requestedBy {
    id
    name
  }
  requestedAt
  sloChanges
  changes
  decidedBy {
    id
    name
  }
  decidedAt
  reason
  canDecide
  decideBlockedReason
  canReject
}
    `, {"fragmentName":"AutomationChangeItem"}) as unknown as TypedDocumentString<AutomationChangeItemFragment, unknown>;
export const AutomationDetailFragmentDoc = new TypedDocumentString(`
    fragment AutomationDetail on Automation {
  slug
  title
  description
  type
  lifecycle
  owner {
    name
    title
  }
  onCall {
    name
    email
    slack
    schedule
  }
  systems
  riskDomains
  tags
  links {
    title
    url
    type
  }
  annotations {
    key
    value
    label
    url
  }
  labels {
    key
    value
  }
  system
  runtime {
    kind
    queue
    deadLetterQueue
    exchange
    routingKey
    stream
    consumer
    subject
    serviceName
    reprocessUrl
    signingSecret
    connection
  }
  slos {
    name
    title
    indicator
    objective
    threshold
    percentile
    maxBacklog
    window
    runbook
  }
  kpis {
    name
    title
    unit
    direction
    source
    baseline {
      value
      from
      to
      note
    }
    target
    currency
    money
    minutesPerTouch
  }
  runbooks {
    id
    title
    markdown
    path
  }
  releases {
    version
    date
    summary
    why
  }
  source
  sourceFile
  archivedAt
  createdAt
  updatedAt
  canEdit
  editBlockedReason
}
    `, {"fragmentName":"AutomationDetail"}) as unknown as TypedDocumentString<AutomationDetailFragment, unknown>;
export const CatalogAutomationFragmentDoc = new TypedDocumentString(`
    fragment CatalogAutomation on Automation {
  slug
  title
  type
  lifecycle
  riskDomains
  tags
  systems
  source
  archivedAt
  owner {
    name
    title
  }
  onCall {
    name
    slack
  }
  status {
    health
    openAlerts
    runsLast24h
    failedLast24h
  }
}
    `, {"fragmentName":"CatalogAutomation"}) as unknown as TypedDocumentString<CatalogAutomationFragment, unknown>;
export const KpiReportFieldsFragmentDoc = new TypedDocumentString(`
    fragment KpiReportFields on KpiReport {
  automation
  automationTitle
  name
  title
  unit
  direction
  source
  currency
  target
  baseline
  baselineNote
  baselineFrom
  baselineTo
  after
  coverage
  partial
  noData
  delta
  change
  improvementPercent
  progressPercent
  progressDisplayPercent
  targetReached
  caveat
  howComputed
  range {
    start
    end
    days
    label
  }
}
    `, {"fragmentName":"KpiReportFields"}) as unknown as TypedDocumentString<KpiReportFieldsFragment, unknown>;
export const DeadLetterRowFragmentDoc = new TypedDocumentString(`
    fragment DeadLetterRow on DeadLetter {
  id
  automation {
    slug
    title
  }
  fingerprint
  errorClass
  errorMessage
  attempts
  deliveries
  lastFailedAt
  status
  correlationId
}
    `, {"fragmentName":"DeadLetterRow"}) as unknown as TypedDocumentString<DeadLetterRowFragment, unknown>;
export const ReprocessRequestSummaryFragmentDoc = new TypedDocumentString(`
    fragment ReprocessRequestSummary on ReprocessRequest {
  id
  action
  state
  automations
  selection
  reason
  requestedBy {
    id
    name
  }
  velocity
  total
  createdAt
  updatedAt
  finishedAt
  waitingReason
  canControl
  canReject
  approvalReasons
  canDecide
  decideBlockedReason
  decision {
    decision
    by {
      id
      name
    }
    at
    note
  }
  errorGroups {
    automation
    errorClass
    count
    sampleDeadLetterId
    sampleMessageId
    sampleError
  }
  progress {
    queued
    dispatched
    acknowledged
    succeeded
    failed
    cancelled
  }
  canary {
    requestedCount
    requestedPercent
    maxFailureRate
    size
    stage
    sent
    awaiting
    succeeded
    failed
    rest
    decision {
      outcome
      reason
      at
      by {
        id
        name
      }
      succeeded
      failed
      awaiting
    }
  }
}
    `, {"fragmentName":"ReprocessRequestSummary"}) as unknown as TypedDocumentString<ReprocessRequestSummaryFragment, unknown>;
export const ReprocessRequestDetailFragmentDoc = new TypedDocumentString(`
    fragment ReprocessRequestDetail on ReprocessRequest {
  ...ReprocessRequestSummary
  failedAgain
  recentErrors {
    deadLetterId
    messageId
    state
    attempts
    error
  }
}
    fragment ReprocessRequestSummary on ReprocessRequest {
  id
  action
  state
  automations
  selection
  reason
  requestedBy {
    id
    name
  }
  velocity
  total
  createdAt
  updatedAt
  finishedAt
  waitingReason
  canControl
  canReject
  approvalReasons
  canDecide
  decideBlockedReason
  decision {
    decision
    by {
      id
      name
    }
    at
    note
  }
  errorGroups {
    automation
    errorClass
    count
    sampleDeadLetterId
    sampleMessageId
    sampleError
  }
  progress {
    queued
    dispatched
    acknowledged
    succeeded
    failed
    cancelled
  }
  canary {
    requestedCount
    requestedPercent
    maxFailureRate
    size
    stage
    sent
    awaiting
    succeeded
    failed
    rest
    decision {
      outcome
      reason
      at
      by {
        id
        name
      }
      succeeded
      failed
      awaiting
    }
  }
}`, {"fragmentName":"ReprocessRequestDetail"}) as unknown as TypedDocumentString<ReprocessRequestDetailFragment, unknown>;
export const RunFieldsFragmentDoc = new TypedDocumentString(`
    fragment RunFields on Run {
  automation {
    slug
    title
  }
  runId
  attempt
  correlationId
  status
  startedAt
  finishedAt
  durationMs
  errorClass
  errorMessage
  manualTouch
}
    `, {"fragmentName":"RunFields"}) as unknown as TypedDocumentString<RunFieldsFragment, unknown>;
export const SloStatusFieldsFragmentDoc = new TypedDocumentString(`
    fragment SloStatusFields on SloStatus {
  name
  title
  indicator
  objective
  window
  state
  attainedPercent
  runbook {
    id
    title
  }
  errorBudget {
    allowedBad
    bad
    good
    total
    consumedFraction
    remainingFraction
    overspent
    noData
  }
  burnRates {
    rule
    severity
    threshold
    longWindow
    shortWindow
    longBurnRate
    shortBurnRate
    firing
    budgetSpentInLongWindow
  }
  deadLetters {
    pending
    maxBacklog
    headroom
    oldestPendingSince
    oldestAgeMs
    thresholdMs
    withinLimit
  }
  freshness {
    ageMs
    fresh
    lastSuccessAt
    thresholdMs
  }
}
    `, {"fragmentName":"SloStatusFields"}) as unknown as TypedDocumentString<SloStatusFieldsFragment, unknown>;
export const RuntimeTokenFieldsFragmentDoc = new TypedDocumentString(`
    fragment RuntimeTokenFields on RuntimeToken {
  id
  name
  team
  allAutomations
  automations
  capabilities
  prefix
  createdAt
  createdBy
  lastUsedAt
  expiresAt
  revokedAt
  revokedBy
  replaces
  replacedBy
  state
}
    `, {"fragmentName":"RuntimeTokenFields"}) as unknown as TypedDocumentString<RuntimeTokenFieldsFragment, unknown>;
export const AcknowledgeAlertDocument = new TypedDocumentString(`
    mutation AcknowledgeAlert($id: ID!, $note: String) {
  acknowledgeAlert(id: $id, note: $note) {
    ...AlertFields
  }
}
    fragment AlertFields on Alert {
  id
  automation
  automationTitle
  slo
  sloTitle
  rule
  severity
  state
  summary
  firedAt
  acknowledgedAt
  acknowledgedBy
  resolvedAt
  acknowledgeBlockedReason
  runbook {
    id
    title
  }
  events {
    at
    kind
    actor
    detail
  }
}`) as unknown as TypedDocumentString<AcknowledgeAlertMutation, AcknowledgeAlertMutationVariables>;
export const AlertsDocument = new TypedDocumentString(`
    query Alerts($automation: String, $state: [AlertState!], $teams: [String!], $first: Int!) {
  alerts(automation: $automation, state: $state, teams: $teams, first: $first) {
    ...AlertFields
  }
}
    fragment AlertFields on Alert {
  id
  automation
  automationTitle
  slo
  sloTitle
  rule
  severity
  state
  summary
  firedAt
  acknowledgedAt
  acknowledgedBy
  resolvedAt
  acknowledgeBlockedReason
  runbook {
    id
    title
  }
  events {
    at
    kind
    actor
    detail
  }
}`) as unknown as TypedDocumentString<AlertsQuery, AlertsQueryVariables>;
export const ApprovalsDocument = new TypedDocumentString(`
    query Approvals {
  approvals {
    waitingForYou
    reprocessRequests {
      ...ReprocessRequestSummary
    }
    automationChanges {
      ...AutomationChangeItem
    }
  }
}
    fragment AutomationChangeItem on AutomationChange {
  id
  state
  ownerTeam
  automation {
    slug
    title
  }
  requestedBy {
    id
    name
  }
  requestedAt
  sloChanges
  changes
  decidedBy {
    id
    name
  }
  decidedAt
  reason
  canDecide
  decideBlockedReason
  canReject
}
fragment ReprocessRequestSummary on ReprocessRequest {
  id
  action
  state
  automations
  selection
  reason
  requestedBy {
    id
    name
  }
  velocity
  total
  createdAt
  updatedAt
  finishedAt
  waitingReason
  canControl
  canReject
  approvalReasons
  canDecide
  decideBlockedReason
  decision {
    decision
    by {
      id
      name
    }
    at
    note
  }
  errorGroups {
    automation
    errorClass
    count
    sampleDeadLetterId
    sampleMessageId
    sampleError
  }
  progress {
    queued
    dispatched
    acknowledged
    succeeded
    failed
    cancelled
  }
  canary {
    requestedCount
    requestedPercent
    maxFailureRate
    size
    stage
    sent
    awaiting
    succeeded
    failed
    rest
    decision {
      outcome
      reason
      at
      by {
        id
        name
      }
      succeeded
      failed
      awaiting
    }
  }
}`) as unknown as TypedDocumentString<ApprovalsQuery, ApprovalsQueryVariables>;
export const ApproveAutomationChangeDocument = new TypedDocumentString(`
    mutation ApproveAutomationChange($id: ID!, $note: String) {
  approveAutomationChange(id: $id, note: $note) {
    ...AutomationChangeItem
  }
}
    fragment AutomationChangeItem on AutomationChange {
  id
  state
  ownerTeam
  automation {
    slug
    title
  }
  requestedBy {
    id
    name
  }
  requestedAt
  sloChanges
  changes
  decidedBy {
    id
    name
  }
  decidedAt
  reason
  canDecide
  decideBlockedReason
  canReject
}`) as unknown as TypedDocumentString<ApproveAutomationChangeMutation, ApproveAutomationChangeMutationVariables>;
export const RejectAutomationChangeDocument = new TypedDocumentString(`
    mutation RejectAutomationChange($id: ID!, $reason: String!) {
  rejectAutomationChange(id: $id, reason: $reason) {
    ...AutomationChangeItem
  }
}
    fragment AutomationChangeItem on AutomationChange {
  id
  state
  ownerTeam
  automation {
    slug
    title
  }
  requestedBy {
    id
    name
  }
  requestedAt
  sloChanges
  changes
  decidedBy {
    id
    name
  }
  decidedAt
  reason
  canDecide
  decideBlockedReason
  canReject
}`) as unknown as TypedDocumentString<RejectAutomationChangeMutation, RejectAutomationChangeMutationVariables>;
export const AuditActionsDocument = new TypedDocumentString(`
    query AuditActions {
  auditActions
}
    `) as unknown as TypedDocumentString<AuditActionsQuery, AuditActionsQueryVariables>;
export const AuditEntriesDocument = new TypedDocumentString(`
    query AuditEntries($filter: AuditFilter, $first: Int!, $after: String) {
  auditEntries(filter: $filter, first: $first, after: $after) {
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      node {
        id
        at
        actor {
          id
          name
        }
        actorKind
        action
        targetKind
        targetId
        automations
        teams
        reason
        before
        after
        detail
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AuditEntriesQuery, AuditEntriesQueryVariables>;
export const ViewerDocument = new TypedDocumentString(`
    query Viewer {
  viewer {
    id
    name
    role
    teams
    canRegister
  }
}
    `) as unknown as TypedDocumentString<ViewerQuery, ViewerQueryVariables>;
export const AutomationPendingChangeDocument = new TypedDocumentString(`
    query AutomationPendingChange($slug: String!) {
  automation(slug: $slug) {
    slug
    pendingChange {
      ...AutomationChangeItem
    }
  }
}
    fragment AutomationChangeItem on AutomationChange {
  id
  state
  ownerTeam
  automation {
    slug
    title
  }
  requestedBy {
    id
    name
  }
  requestedAt
  sloChanges
  changes
  decidedBy {
    id
    name
  }
  decidedAt
  reason
  canDecide
  decideBlockedReason
  canReject
}`) as unknown as TypedDocumentString<AutomationPendingChangeQuery, AutomationPendingChangeQueryVariables>;
export const RegisterAutomationDocument = new TypedDocumentString(`
    mutation RegisterAutomation($input: AutomationInput!) {
  registerAutomation(input: $input) {
    ...AutomationDetail
  }
}
    fragment AutomationDetail on Automation {
  slug
  title
  description
  type
  lifecycle
  owner {
    name
    title
  }
  onCall {
    name
    email
    slack
    schedule
  }
  systems
  riskDomains
  tags
  links {
    title
    url
    type
  }
  annotations {
    key
    value
    label
    url
  }
  labels {
    key
    value
  }
  system
  runtime {
    kind
    queue
    deadLetterQueue
    exchange
    routingKey
    stream
    consumer
    subject
    serviceName
    reprocessUrl
    signingSecret
    connection
  }
  slos {
    name
    title
    indicator
    objective
    threshold
    percentile
    maxBacklog
    window
    runbook
  }
  kpis {
    name
    title
    unit
    direction
    source
    baseline {
      value
      from
      to
      note
    }
    target
    currency
    money
    minutesPerTouch
  }
  runbooks {
    id
    title
    markdown
    path
  }
  releases {
    version
    date
    summary
    why
  }
  source
  sourceFile
  archivedAt
  createdAt
  updatedAt
  canEdit
  editBlockedReason
}`) as unknown as TypedDocumentString<RegisterAutomationMutation, RegisterAutomationMutationVariables>;
export const UpdateAutomationDocument = new TypedDocumentString(`
    mutation UpdateAutomation($slug: String!, $input: AutomationInput!) {
  updateAutomation(slug: $slug, input: $input) {
    ...AutomationDetail
    pendingChange {
      ...AutomationChangeItem
    }
  }
}
    fragment AutomationChangeItem on AutomationChange {
  id
  state
  ownerTeam
  automation {
    slug
    title
  }
  requestedBy {
    id
    name
  }
  requestedAt
  sloChanges
  changes
  decidedBy {
    id
    name
  }
  decidedAt
  reason
  canDecide
  decideBlockedReason
  canReject
}
fragment AutomationDetail on Automation {
  slug
  title
  description
  type
  lifecycle
  owner {
    name
    title
  }
  onCall {
    name
    email
    slack
    schedule
  }
  systems
  riskDomains
  tags
  links {
    title
    url
    type
  }
  annotations {
    key
    value
    label
    url
  }
  labels {
    key
    value
  }
  system
  runtime {
    kind
    queue
    deadLetterQueue
    exchange
    routingKey
    stream
    consumer
    subject
    serviceName
    reprocessUrl
    signingSecret
    connection
  }
  slos {
    name
    title
    indicator
    objective
    threshold
    percentile
    maxBacklog
    window
    runbook
  }
  kpis {
    name
    title
    unit
    direction
    source
    baseline {
      value
      from
      to
      note
    }
    target
    currency
    money
    minutesPerTouch
  }
  runbooks {
    id
    title
    markdown
    path
  }
  releases {
    version
    date
    summary
    why
  }
  source
  sourceFile
  archivedAt
  createdAt
  updatedAt
  canEdit
  editBlockedReason
}`) as unknown as TypedDocumentString<UpdateAutomationMutation, UpdateAutomationMutationVariables>;
export const ArchiveAutomationDocument = new TypedDocumentString(`
    mutation ArchiveAutomation($slug: String!) {
  archiveAutomation(slug: $slug) {
    ...AutomationDetail
  }
}
    fragment AutomationDetail on Automation {
  slug
  title
  description
  type
  lifecycle
  owner {
    name
    title
  }
  onCall {
    name
    email
    slack
    schedule
  }
  systems
  riskDomains
  tags
  links {
    title
    url
    type
  }
  annotations {
    key
    value
    label
    url
  }
  labels {
    key
    value
  }
  system
  runtime {
    kind
    queue
    deadLetterQueue
    exchange
    routingKey
    stream
    consumer
    subject
    serviceName
    reprocessUrl
    signingSecret
    connection
  }
  slos {
    name
    title
    indicator
    objective
    threshold
    percentile
    maxBacklog
    window
    runbook
  }
  kpis {
    name
    title
    unit
    direction
    source
    baseline {
      value
      from
      to
      note
    }
    target
    currency
    money
    minutesPerTouch
  }
  runbooks {
    id
    title
    markdown
    path
  }
  releases {
    version
    date
    summary
    why
  }
  source
  sourceFile
  archivedAt
  createdAt
  updatedAt
  canEdit
  editBlockedReason
}`) as unknown as TypedDocumentString<ArchiveAutomationMutation, ArchiveAutomationMutationVariables>;
export const AutomationDocument = new TypedDocumentString(`
    query Automation($slug: String!) {
  automation(slug: $slug) {
    ...AutomationDetail
  }
}
    fragment AutomationDetail on Automation {
  slug
  title
  description
  type
  lifecycle
  owner {
    name
    title
  }
  onCall {
    name
    email
    slack
    schedule
  }
  systems
  riskDomains
  tags
  links {
    title
    url
    type
  }
  annotations {
    key
    value
    label
    url
  }
  labels {
    key
    value
  }
  system
  runtime {
    kind
    queue
    deadLetterQueue
    exchange
    routingKey
    stream
    consumer
    subject
    serviceName
    reprocessUrl
    signingSecret
    connection
  }
  slos {
    name
    title
    indicator
    objective
    threshold
    percentile
    maxBacklog
    window
    runbook
  }
  kpis {
    name
    title
    unit
    direction
    source
    baseline {
      value
      from
      to
      note
    }
    target
    currency
    money
    minutesPerTouch
  }
  runbooks {
    id
    title
    markdown
    path
  }
  releases {
    version
    date
    summary
    why
  }
  source
  sourceFile
  archivedAt
  createdAt
  updatedAt
  canEdit
  editBlockedReason
}`) as unknown as TypedDocumentString<AutomationQuery, AutomationQueryVariables>;
export const ExportAutomationDocument = new TypedDocumentString(`
    query ExportAutomation($slug: String!) {
  exportAutomation(slug: $slug)
}
    `) as unknown as TypedDocumentString<ExportAutomationQuery, ExportAutomationQueryVariables>;
export const AutomationOptionsDocument = new TypedDocumentString(`
    query AutomationOptions($filter: AutomationFilter, $first: Int!) {
  automations(filter: $filter, first: $first) {
    edges {
      node {
        slug
        title
        owner {
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AutomationOptionsQuery, AutomationOptionsQueryVariables>;
export const CatalogAutomationsDocument = new TypedDocumentString(`
    query CatalogAutomations($filter: AutomationFilter, $first: Int!, $after: String) {
  automations(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      node {
        ...CatalogAutomation
      }
    }
  }
}
    fragment CatalogAutomation on Automation {
  slug
  title
  type
  lifecycle
  riskDomains
  tags
  systems
  source
  archivedAt
  owner {
    name
    title
  }
  onCall {
    name
    slack
  }
  status {
    health
    openAlerts
    runsLast24h
    failedLast24h
  }
}`) as unknown as TypedDocumentString<CatalogAutomationsQuery, CatalogAutomationsQueryVariables>;
export const CatalogFacetsDocument = new TypedDocumentString(`
    query CatalogFacets {
  automationFacets {
    tags
    systems
  }
}
    `) as unknown as TypedDocumentString<CatalogFacetsQuery, CatalogFacetsQueryVariables>;
export const AutomationKpisDocument = new TypedDocumentString(`
    query AutomationKpis($slug: String!, $range: DateRangeInput) {
  automationKpis(slug: $slug, range: $range) {
    ...KpiReportFields
  }
}
    fragment KpiReportFields on KpiReport {
  automation
  automationTitle
  name
  title
  unit
  direction
  source
  currency
  target
  baseline
  baselineNote
  baselineFrom
  baselineTo
  after
  coverage
  partial
  noData
  delta
  change
  improvementPercent
  progressPercent
  progressDisplayPercent
  targetReached
  caveat
  howComputed
  range {
    start
    end
    days
    label
  }
}`) as unknown as TypedDocumentString<AutomationKpisQuery, AutomationKpisQueryVariables>;
export const DashboardDocument = new TypedDocumentString(`
    query Dashboard($name: String!, $range: DateRangeInput) {
  dashboard(name: $name, range: $range) {
    name
    title
    description
    owner
    path
    defaultRange {
      last
      from
      to
    }
    range {
      start
      end
      days
      label
    }
    panels {
      kind
      title
      description
      problem
      kpi {
        ...KpiReportFields
      }
      trend {
        interval
        kpi {
          ...KpiReportFields
        }
        points {
          at
          value
        }
      }
      slos {
        automation
        automationTitle
        attainmentPercent
        good
        total
        status {
          ...SloStatusFields
        }
        openAlerts {
          id
          severity
          state
          summary
        }
      }
      backlog {
        automation
        automationTitle
        pending
        oldestPendingSince
        arrivedInRange
        closedInRange
      }
      totals {
        hoursSaved
        hoursSavedItems {
          automation
          kpi
          kpiTitle
          touchesAvoidedPerDay
          minutesPerTouch
          days
          hours
        }
        money {
          currency
          unit
          kind
          before
          after
          change
          items {
            automation
            kpi
            kpiTitle
            currency
            unit
            kind
            before
            after
            change
          }
        }
        skipped {
          automation
          kpi
          kpiTitle
          reason
        }
      }
    }
  }
}
    fragment KpiReportFields on KpiReport {
  automation
  automationTitle
  name
  title
  unit
  direction
  source
  currency
  target
  baseline
  baselineNote
  baselineFrom
  baselineTo
  after
  coverage
  partial
  noData
  delta
  change
  improvementPercent
  progressPercent
  progressDisplayPercent
  targetReached
  caveat
  howComputed
  range {
    start
    end
    days
    label
  }
}
fragment SloStatusFields on SloStatus {
  name
  title
  indicator
  objective
  window
  state
  attainedPercent
  runbook {
    id
    title
  }
  errorBudget {
    allowedBad
    bad
    good
    total
    consumedFraction
    remainingFraction
    overspent
    noData
  }
  burnRates {
    rule
    severity
    threshold
    longWindow
    shortWindow
    longBurnRate
    shortBurnRate
    firing
    budgetSpentInLongWindow
  }
  deadLetters {
    pending
    maxBacklog
    headroom
    oldestPendingSince
    oldestAgeMs
    thresholdMs
    withinLimit
  }
  freshness {
    ageMs
    fresh
    lastSuccessAt
    thresholdMs
  }
}`) as unknown as TypedDocumentString<DashboardQuery, DashboardQueryVariables>;
export const DashboardsDocument = new TypedDocumentString(`
    query Dashboards {
  dashboards {
    name
    title
    description
    owner
    path
    panelCount
    defaultRange {
      last
      from
      to
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardsQuery, DashboardsQueryVariables>;
export const DataFreshnessDocument = new TypedDocumentString(`
    query DataFreshness {
  dataFreshness {
    fromReplica
    behindSeconds
    asOf
    lagging
  }
}
    `) as unknown as TypedDocumentString<DataFreshnessQuery, DataFreshnessQueryVariables>;
export const DeadLetterGroupsDocument = new TypedDocumentString(`
    query DeadLetterGroups($automation: String, $status: DeadLetterStatus, $needsAction: Boolean, $reprocessRequest: ID, $teams: [String!]) {
  deadLetterGroups(
    automation: $automation
    status: $status
    needsAction: $needsAction
    reprocessRequest: $reprocessRequest
    teams: $teams
  ) {
    fingerprint
    automation {
      slug
      title
    }
    errorClass
    normalizedMessage
    sampleMessage
    sourceKind
    sourceQueue
    total
    pending
    matching
    firstSeen
    lastSeen
    trend
  }
}
    `) as unknown as TypedDocumentString<DeadLetterGroupsQuery, DeadLetterGroupsQueryVariables>;
export const DeadLetterDocument = new TypedDocumentString(`
    query DeadLetter($id: ID!) {
  deadLetter(id: $id) {
    id
    automation {
      slug
      title
    }
    sourceKind
    sourceQueue
    messageId
    fingerprint
    errorClass
    errorMessage
    earlierErrors {
      errorClass
      errorMessage
      until
    }
    attempts
    deliveries
    firstFailedAt
    lastFailedAt
    status
    correlationId
    runId
    payload
    payloadFormat
    contentType
    contentEncoding
    bodyBytes
    headers
    payloadMasked
    reprocessOf
    actions {
      requestId
      action
      requestState
      requestedBy
      requestedAt
      reason
      route
      state
      reprocessId
      attempts
      lastError
      dispatchedAt
      acknowledgedAt
      finishedAt
      newDeadLetterId
    }
  }
}
    `) as unknown as TypedDocumentString<DeadLetterQuery, DeadLetterQueryVariables>;
export const DeadLettersDocument = new TypedDocumentString(`
    query DeadLetters($filter: DeadLetterFilter, $first: Int!, $after: String) {
  deadLetters(filter: $filter, first: $first, after: $after) {
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      node {
        ...DeadLetterRow
      }
    }
  }
}
    fragment DeadLetterRow on DeadLetter {
  id
  automation {
    slug
    title
  }
  fingerprint
  errorClass
  errorMessage
  attempts
  deliveries
  lastFailedAt
  status
  correlationId
}`) as unknown as TypedDocumentString<DeadLettersQuery, DeadLettersQueryVariables>;
export const RetentionWarningsDocument = new TypedDocumentString(`
    query RetentionWarnings($automation: String) {
  deadLetterRetentionWarnings(automation: $automation) {
    automation
    sourceQueue
    count
    expiresAt
    retention
    message
  }
}
    `) as unknown as TypedDocumentString<RetentionWarningsQuery, RetentionWarningsQueryVariables>;
export const AutomationHealthDocument = new TypedDocumentString(`
    query AutomationHealth($slug: String!, $window: String!) {
  automationHealth(slug: $slug, window: $window) {
    slug
    window
    bucket
    from
    to
    throughput
    successRate
    errorRate
    retryRate
    p50Ms
    p95Ms
    p99Ms
    lastSuccessAt
    lastHeartbeatAt
    series {
      at
      throughput
      succeeded
      failed
      deadLettered
      retried
      successRate
      errorRate
      retryRate
      p50Ms
      p95Ms
      p99Ms
    }
  }
}
    `) as unknown as TypedDocumentString<AutomationHealthQuery, AutomationHealthQueryVariables>;
export const QuarantineDocument = new TypedDocumentString(`
    query Quarantine($automation: String, $first: Int!, $after: String) {
  quarantine(automation: $automation, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      node {
        id
        receivedAt
        automation
        eventType
        reason
        payload
        tokenName
      }
    }
  }
}
    `) as unknown as TypedDocumentString<QuarantineQuery, QuarantineQueryVariables>;
export const ApproveReprocessDocument = new TypedDocumentString(`
    mutation ApproveReprocess($id: ID!, $note: String) {
  approveReprocess(id: $id, note: $note) {
    ...ReprocessRequestDetail
  }
}
    fragment ReprocessRequestSummary on ReprocessRequest {
  id
  action
  state
  automations
  selection
  reason
  requestedBy {
    id
    name
  }
  velocity
  total
  createdAt
  updatedAt
  finishedAt
  waitingReason
  canControl
  canReject
  approvalReasons
  canDecide
  decideBlockedReason
  decision {
    decision
    by {
      id
      name
    }
    at
    note
  }
  errorGroups {
    automation
    errorClass
    count
    sampleDeadLetterId
    sampleMessageId
    sampleError
  }
  progress {
    queued
    dispatched
    acknowledged
    succeeded
    failed
    cancelled
  }
  canary {
    requestedCount
    requestedPercent
    maxFailureRate
    size
    stage
    sent
    awaiting
    succeeded
    failed
    rest
    decision {
      outcome
      reason
      at
      by {
        id
        name
      }
      succeeded
      failed
      awaiting
    }
  }
}
fragment ReprocessRequestDetail on ReprocessRequest {
  ...ReprocessRequestSummary
  failedAgain
  recentErrors {
    deadLetterId
    messageId
    state
    attempts
    error
  }
}`) as unknown as TypedDocumentString<ApproveReprocessMutation, ApproveReprocessMutationVariables>;
export const CancelReprocessDocument = new TypedDocumentString(`
    mutation CancelReprocess($id: ID!, $reason: String) {
  cancelReprocess(id: $id, reason: $reason) {
    ...ReprocessRequestDetail
  }
}
    fragment ReprocessRequestSummary on ReprocessRequest {
  id
  action
  state
  automations
  selection
  reason
  requestedBy {
    id
    name
  }
  velocity
  total
  createdAt
  updatedAt
  finishedAt
  waitingReason
  canControl
  canReject
  approvalReasons
  canDecide
  decideBlockedReason
  decision {
    decision
    by {
      id
      name
    }
    at
    note
  }
  errorGroups {
    automation
    errorClass
    count
    sampleDeadLetterId
    sampleMessageId
    sampleError
  }
  progress {
    queued
    dispatched
    acknowledged
    succeeded
    failed
    cancelled
  }
  canary {
    requestedCount
    requestedPercent
    maxFailureRate
    size
    stage
    sent
    awaiting
    succeeded
    failed
    rest
    decision {
      outcome
      reason
      at
      by {
        id
        name
      }
      succeeded
      failed
      awaiting
    }
  }
}
fragment ReprocessRequestDetail on ReprocessRequest {
  ...ReprocessRequestSummary
  failedAgain
  recentErrors {
    deadLetterId
    messageId
    state
    attempts
    error
  }
}`) as unknown as TypedDocumentString<CancelReprocessMutation, CancelReprocessMutationVariables>;
export const ContinueReprocessCanaryDocument = new TypedDocumentString(`
    mutation ContinueReprocessCanary($id: ID!, $reason: String) {
  continueReprocessCanary(id: $id, reason: $reason) {
    ...ReprocessRequestDetail
  }
}
    fragment ReprocessRequestSummary on ReprocessRequest {
  id
  action
  state
  automations
  selection
  reason
  requestedBy {
    id
    name
  }
  velocity
  total
  createdAt
  updatedAt
  finishedAt
  waitingReason
  canControl
  canReject
  approvalReasons
  canDecide
  decideBlockedReason
  decision {
    decision
    by {
      id
      name
    }
    at
    note
  }
  errorGroups {
    automation
    errorClass
    count
    sampleDeadLetterId
    sampleMessageId
    sampleError
  }
  progress {
    queued
    dispatched
    acknowledged
    succeeded
    failed
    cancelled
  }
  canary {
    requestedCount
    requestedPercent
    maxFailureRate
    size
    stage
    sent
    awaiting
    succeeded
    failed
    rest
    decision {
      outcome
      reason
      at
      by {
        id
        name
      }
      succeeded
      failed
      awaiting
    }
  }
}
fragment ReprocessRequestDetail on ReprocessRequest {
  ...ReprocessRequestSummary
  failedAgain
  recentErrors {
    deadLetterId
    messageId
    state
    attempts
    error
  }
}`) as unknown as TypedDocumentString<ContinueReprocessCanaryMutation, ContinueReprocessCanaryMutationVariables>;
export const PauseReprocessDocument = new TypedDocumentString(`
    mutation PauseReprocess($id: ID!, $reason: String) {
  pauseReprocess(id: $id, reason: $reason) {
    ...ReprocessRequestDetail
  }
}
    fragment ReprocessRequestSummary on ReprocessRequest {
  id
  action
  state
  automations
  selection
  reason
  requestedBy {
    id
    name
  }
  velocity
  total
  createdAt
  updatedAt
  finishedAt
  waitingReason
  canControl
  canReject
  approvalReasons
  canDecide
  decideBlockedReason
  decision {
    decision
    by {
      id
      name
    }
    at
    note
  }
  errorGroups {
    automation
    errorClass
    count
    sampleDeadLetterId
    sampleMessageId
    sampleError
  }
  progress {
    queued
    dispatched
    acknowledged
    succeeded
    failed
    cancelled
  }
  canary {
    requestedCount
    requestedPercent
    maxFailureRate
    size
    stage
    sent
    awaiting
    succeeded
    failed
    rest
    decision {
      outcome
      reason
      at
      by {
        id
        name
      }
      succeeded
      failed
      awaiting
    }
  }
}
fragment ReprocessRequestDetail on ReprocessRequest {
  ...ReprocessRequestSummary
  failedAgain
  recentErrors {
    deadLetterId
    messageId
    state
    attempts
    error
  }
}`) as unknown as TypedDocumentString<PauseReprocessMutation, PauseReprocessMutationVariables>;
export const RejectReprocessDocument = new TypedDocumentString(`
    mutation RejectReprocess($id: ID!, $reason: String!) {
  rejectReprocess(id: $id, reason: $reason) {
    ...ReprocessRequestDetail
  }
}
    fragment ReprocessRequestSummary on ReprocessRequest {
  id
  action
  state
  automations
  selection
  reason
  requestedBy {
    id
    name
  }
  velocity
  total
  createdAt
  updatedAt
  finishedAt
  waitingReason
  canControl
  canReject
  approvalReasons
  canDecide
  decideBlockedReason
  decision {
    decision
    by {
      id
      name
    }
    at
    note
  }
  errorGroups {
    automation
    errorClass
    count
    sampleDeadLetterId
    sampleMessageId
    sampleError
  }
  progress {
    queued
    dispatched
    acknowledged
    succeeded
    failed
    cancelled
  }
  canary {
    requestedCount
    requestedPercent
    maxFailureRate
    size
    stage
    sent
    awaiting
    succeeded
    failed
    rest
    decision {
      outcome
      reason
      at
      by {
        id
        name
      }
      succeeded
      failed
      awaiting
    }
  }
}
fragment ReprocessRequestDetail on ReprocessRequest {
  ...ReprocessRequestSummary
  failedAgain
  recentErrors {
    deadLetterId
    messageId
    state
    attempts
    error
  }
}`) as unknown as TypedDocumentString<RejectReprocessMutation, RejectReprocessMutationVariables>;
export const ReprocessPreviewDocument = new TypedDocumentString(`
    query ReprocessPreview($action: ReprocessAction!, $selection: DeadLetterSelection!) {
  reprocessPreview(action: $action, selection: $selection) {
    action
    count
    blockedReason
    approvalReasons
    parts {
      automation {
        slug
        title
      }
      sourceKind
      route
      destination
      count
      warning
      allowed
    }
  }
}
    `) as unknown as TypedDocumentString<ReprocessPreviewQuery, ReprocessPreviewQueryVariables>;
export const ReprocessRequestDocument = new TypedDocumentString(`
    query ReprocessRequest($id: ID!) {
  reprocessRequest(id: $id) {
    ...ReprocessRequestDetail
  }
}
    fragment ReprocessRequestSummary on ReprocessRequest {
  id
  action
  state
  automations
  selection
  reason
  requestedBy {
    id
    name
  }
  velocity
  total
  createdAt
  updatedAt
  finishedAt
  waitingReason
  canControl
  canReject
  approvalReasons
  canDecide
  decideBlockedReason
  decision {
    decision
    by {
      id
      name
    }
    at
    note
  }
  errorGroups {
    automation
    errorClass
    count
    sampleDeadLetterId
    sampleMessageId
    sampleError
  }
  progress {
    queued
    dispatched
    acknowledged
    succeeded
    failed
    cancelled
  }
  canary {
    requestedCount
    requestedPercent
    maxFailureRate
    size
    stage
    sent
    awaiting
    succeeded
    failed
    rest
    decision {
      outcome
      reason
      at
      by {
        id
        name
      }
      succeeded
      failed
      awaiting
    }
  }
}
fragment ReprocessRequestDetail on ReprocessRequest {
  ...ReprocessRequestSummary
  failedAgain
  recentErrors {
    deadLetterId
    messageId
    state
    attempts
    error
  }
}`) as unknown as TypedDocumentString<ReprocessRequestQuery, ReprocessRequestQueryVariables>;
export const ReprocessRequestsDocument = new TypedDocumentString(`
    query ReprocessRequests($automation: String, $first: Int!, $after: String) {
  reprocessRequests(automation: $automation, first: $first, after: $after) {
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      node {
        ...ReprocessRequestSummary
      }
    }
  }
}
    fragment ReprocessRequestSummary on ReprocessRequest {
  id
  action
  state
  automations
  selection
  reason
  requestedBy {
    id
    name
  }
  velocity
  total
  createdAt
  updatedAt
  finishedAt
  waitingReason
  canControl
  canReject
  approvalReasons
  canDecide
  decideBlockedReason
  decision {
    decision
    by {
      id
      name
    }
    at
    note
  }
  errorGroups {
    automation
    errorClass
    count
    sampleDeadLetterId
    sampleMessageId
    sampleError
  }
  progress {
    queued
    dispatched
    acknowledged
    succeeded
    failed
    cancelled
  }
  canary {
    requestedCount
    requestedPercent
    maxFailureRate
    size
    stage
    sent
    awaiting
    succeeded
    failed
    rest
    decision {
      outcome
      reason
      at
      by {
        id
        name
      }
      succeeded
      failed
      awaiting
    }
  }
}`) as unknown as TypedDocumentString<ReprocessRequestsQuery, ReprocessRequestsQueryVariables>;
export const ResumeReprocessDocument = new TypedDocumentString(`
    mutation ResumeReprocess($id: ID!, $reason: String) {
  resumeReprocess(id: $id, reason: $reason) {
    ...ReprocessRequestDetail
  }
}
    fragment ReprocessRequestSummary on ReprocessRequest {
  id
  action
  state
  automations
  selection
  reason
  requestedBy {
    id
    name
  }
  velocity
  total
  createdAt
  updatedAt
  finishedAt
  waitingReason
  canControl
  canReject
  approvalReasons
  canDecide
  decideBlockedReason
  decision {
    decision
    by {
      id
      name
    }
    at
    note
  }
  errorGroups {
    automation
    errorClass
    count
    sampleDeadLetterId
    sampleMessageId
    sampleError
  }
  progress {
    queued
    dispatched
    acknowledged
    succeeded
    failed
    cancelled
  }
  canary {
    requestedCount
    requestedPercent
    maxFailureRate
    size
    stage
    sent
    awaiting
    succeeded
    failed
    rest
    decision {
      outcome
      reason
      at
      by {
        id
        name
      }
      succeeded
      failed
      awaiting
    }
  }
}
fragment ReprocessRequestDetail on ReprocessRequest {
  ...ReprocessRequestSummary
  failedAgain
  recentErrors {
    deadLetterId
    messageId
    state
    attempts
    error
  }
}`) as unknown as TypedDocumentString<ResumeReprocessMutation, ResumeReprocessMutationVariables>;
export const StartReprocessDocument = new TypedDocumentString(`
    mutation StartReprocess($input: StartReprocessInput!) {
  startReprocess(input: $input) {
    ...ReprocessRequestDetail
  }
}
    fragment ReprocessRequestSummary on ReprocessRequest {
  id
  action
  state
  automations
  selection
  reason
  requestedBy {
    id
    name
  }
  velocity
  total
  createdAt
  updatedAt
  finishedAt
  waitingReason
  canControl
  canReject
  approvalReasons
  canDecide
  decideBlockedReason
  decision {
    decision
    by {
      id
      name
    }
    at
    note
  }
  errorGroups {
    automation
    errorClass
    count
    sampleDeadLetterId
    sampleMessageId
    sampleError
  }
  progress {
    queued
    dispatched
    acknowledged
    succeeded
    failed
    cancelled
  }
  canary {
    requestedCount
    requestedPercent
    maxFailureRate
    size
    stage
    sent
    awaiting
    succeeded
    failed
    rest
    decision {
      outcome
      reason
      at
      by {
        id
        name
      }
      succeeded
      failed
      awaiting
    }
  }
}
fragment ReprocessRequestDetail on ReprocessRequest {
  ...ReprocessRequestSummary
  failedAgain
  recentErrors {
    deadLetterId
    messageId
    state
    attempts
    error
  }
}`) as unknown as TypedDocumentString<StartReprocessMutation, StartReprocessMutationVariables>;
export const RunsDocument = new TypedDocumentString(`
    query Runs($filter: RunFilter, $first: Int!, $after: String) {
  runs(filter: $filter, first: $first, after: $after) {
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      node {
        ...RunFields
      }
    }
  }
}
    fragment RunFields on Run {
  automation {
    slug
    title
  }
  runId
  attempt
  correlationId
  status
  startedAt
  finishedAt
  durationMs
  errorClass
  errorMessage
  manualTouch
}`) as unknown as TypedDocumentString<RunsQuery, RunsQueryVariables>;
export const AutomationSlosDocument = new TypedDocumentString(`
    query AutomationSlos($slug: String!) {
  automationSlos(slug: $slug) {
    ...SloStatusFields
  }
}
    fragment SloStatusFields on SloStatus {
  name
  title
  indicator
  objective
  window
  state
  attainedPercent
  runbook {
    id
    title
  }
  errorBudget {
    allowedBad
    bad
    good
    total
    consumedFraction
    remainingFraction
    overspent
    noData
  }
  burnRates {
    rule
    severity
    threshold
    longWindow
    shortWindow
    longBurnRate
    shortBurnRate
    firing
    budgetSpentInLongWindow
  }
  deadLetters {
    pending
    maxBacklog
    headroom
    oldestPendingSince
    oldestAgeMs
    thresholdMs
    withinLimit
  }
  freshness {
    ageMs
    fresh
    lastSuccessAt
    thresholdMs
  }
}`) as unknown as TypedDocumentString<AutomationSlosQuery, AutomationSlosQueryVariables>;
export const TeamTreeDocument = new TypedDocumentString(`
    query TeamTree {
  teams {
    name
    title
    description
    namespace
    parent
    automationCount
    people {
      name
      displayName
      email
    }
  }
}
    `) as unknown as TypedDocumentString<TeamTreeQuery, TeamTreeQueryVariables>;
export const TeamsDocument = new TypedDocumentString(`
    query Teams {
  teams {
    name
    title
    automationCount
    onCall {
      name
      email
      slack
      schedule
    }
  }
}
    `) as unknown as TypedDocumentString<TeamsQuery, TeamsQueryVariables>;
export const CreateRuntimeTokenDocument = new TypedDocumentString(`
    mutation CreateRuntimeToken($input: CreateRuntimeTokenInput!) {
  createRuntimeToken(input: $input) {
    secret
    token {
      ...RuntimeTokenFields
    }
  }
}
    fragment RuntimeTokenFields on RuntimeToken {
  id
  name
  team
  allAutomations
  automations
  capabilities
  prefix
  createdAt
  createdBy
  lastUsedAt
  expiresAt
  revokedAt
  revokedBy
  replaces
  replacedBy
  state
}`) as unknown as TypedDocumentString<CreateRuntimeTokenMutation, CreateRuntimeTokenMutationVariables>;
export const RevokeRuntimeTokenDocument = new TypedDocumentString(`
    mutation RevokeRuntimeToken($id: ID!) {
  revokeRuntimeToken(id: $id) {
    ...RuntimeTokenFields
  }
}
    fragment RuntimeTokenFields on RuntimeToken {
  id
  name
  team
  allAutomations
  automations
  capabilities
  prefix
  createdAt
  createdBy
  lastUsedAt
  expiresAt
  revokedAt
  revokedBy
  replaces
  replacedBy
  state
}`) as unknown as TypedDocumentString<RevokeRuntimeTokenMutation, RevokeRuntimeTokenMutationVariables>;
export const RotateRuntimeTokenDocument = new TypedDocumentString(`
    mutation RotateRuntimeToken($id: ID!, $overlapHours: Int, $expiresInDays: Int) {
  rotateRuntimeToken(
    id: $id
    overlapHours: $overlapHours
    expiresInDays: $expiresInDays
  ) {
    secret
    token {
      ...RuntimeTokenFields
    }
    replaced {
      ...RuntimeTokenFields
    }
  }
}
    fragment RuntimeTokenFields on RuntimeToken {
  id
  name
  team
  allAutomations
  automations
  capabilities
  prefix
  createdAt
  createdBy
  lastUsedAt
  expiresAt
  revokedAt
  revokedBy
  replaces
  replacedBy
  state
}`) as unknown as TypedDocumentString<RotateRuntimeTokenMutation, RotateRuntimeTokenMutationVariables>;
export const RuntimeTokensDocument = new TypedDocumentString(`
    query RuntimeTokens($team: String!) {
  runtimeTokens(team: $team) {
    ...RuntimeTokenFields
  }
}
    fragment RuntimeTokenFields on RuntimeToken {
  id
  name
  team
  allAutomations
  automations
  capabilities
  prefix
  createdAt
  createdBy
  lastUsedAt
  expiresAt
  revokedAt
  revokedBy
  replaces
  replacedBy
  state
}`) as unknown as TypedDocumentString<RuntimeTokensQuery, RuntimeTokensQueryVariables>;
export const TrailDocument = new TypedDocumentString(`
    query Trail($correlationId: String!) {
  trail(correlationId: $correlationId) {
    ...RunFields
  }
  trailSteps(correlationId: $correlationId) {
    automation {
      slug
    }
    stepId
    runId
    name
    outcome
    startedAt
    durationMs
    errorMessage
  }
}
    fragment RunFields on Run {
  automation {
    slug
    title
  }
  runId
  attempt
  correlationId
  status
  startedAt
  finishedAt
  durationMs
  errorClass
  errorMessage
  manualTouch
}`) as unknown as TypedDocumentString<TrailQuery, TrailQueryVariables>;
import type {
  AuditEntriesQuery,
  AutomationChangeItemFragment,
  AutomationDetailFragment,
  AutomationHealthQuery,
  CatalogAutomationFragment,
  DeadLetterGroupsQuery,
  DeadLetterQuery,
  DeadLetterRowFragment,
  ReprocessPreviewQuery,
  ReprocessRequestDetailFragment,
  RunFieldsFragment,
  RuntimeTokenFieldsFragment,
  TeamsQuery,
  ViewerQuery,
} from '@/gql/graphql';

export function aViewer(overrides: Partial<ViewerQuery['viewer']> = {}): ViewerQuery {
  return { viewer: { id: 'omar', name: 'Omar Haddad', role: 'owner', teams: ['finance-ops'], canRegister: true, ...overrides } };
}

export function someTeams(): TeamsQuery {
  return {
    teams: [
      {
        name: 'finance-ops',
        title: 'Finance Operations Engineering',
        automationCount: 3,
        onCall: {
          name: 'Finance ops primary',
          email: 'finance-ops-oncall@northwind.example',
          slack: '#finance-ops-oncall',
          schedule: 'https://northwind.pagerduty.example/schedules/FINOPS',
        },
      },
      { name: 'revenue-ops', title: 'Revenue Operations', automationCount: 1, onCall: null },
    ],
  };
}

export function aCatalogAutomation(overrides: Partial<CatalogAutomationFragment> = {}): CatalogAutomationFragment {
  return {
    slug: 'invoice-generation',
    title: 'Invoice generation from closed-won deals',
    type: 'automation',
    lifecycle: 'production',
    riskDomains: ['revenue', 'billing'],
    tags: ['invoicing', 'month-end'],
    systems: ['salesforce', 'netsuite'],
    source: 'file',
    archivedAt: null,
    owner: { name: 'finance-ops', title: 'Finance Operations Engineering' },
    onCall: { name: 'Finance ops primary', slack: '#finance-ops-oncall' },
    status: { health: 'healthy', openAlerts: 0, runsLast24h: 1_204, failedLast24h: 0 },
    ...overrides,
  };
}

export type Kpi = AutomationDetailFragment['kpis'][number];

export function aKpi(overrides: Partial<Kpi> = {}): Kpi {
  return {
    name: 'close-to-invoice-time',
    title: 'Close-to-invoice cycle time',
    unit: 'hours',
    direction: 'lower_is_better',
    source: 'cycle_time_p50',
    baseline: {
      value: 26,
      from: '2026-01-05',
      to: '2026-03-27',
      note: 'Median hours from closed-won to invoice sent, Q1 2026, before launch.',
    },
    target: 0.25,
    currency: null,
    money: null,
    minutesPerTouch: null,
    ...overrides,
  };
}

export function anAutomation(overrides: Partial<AutomationDetailFragment> = {}): AutomationDetailFragment {
  return {
    slug: 'invoice-generation',
    title: 'Invoice generation from closed-won deals',
    description: 'When a deal is marked closed-won in Salesforce, builds the invoice in NetSuite.',
    type: 'automation',
    lifecycle: 'production',
    owner: { name: 'finance-ops', title: 'Finance Operations Engineering' },
    onCall: {
      name: 'Finance ops primary',
      email: 'finance-ops-oncall@northwind.example',
      slack: null,
      schedule: 'https://northwind.pagerduty.example/schedules/FINOPS',
    },
    systems: ['salesforce', 'netsuite', 'avalara'],
    riskDomains: ['revenue', 'billing'],
    tags: ['invoicing', 'month-end'],
    links: [{ title: 'Invoice pipeline dashboard', url: 'https://grafana.northwind.example/d/invoice-generation', type: 'dashboard' }],
    annotations: [],
    labels: [],
    system: null,
    runtime: {
      kind: 'rabbitmq',
      queue: 'invoices.generate',
      deadLetterQueue: 'invoices.generate.dlq',
      exchange: null,
      routingKey: null,
      stream: null,
      consumer: null,
      subject: null,
      serviceName: null,
      reprocessUrl: null,
      signingSecret: null,
      connection: 'ROUNDHOUSE_RUNTIME_RABBITMQ_URL',
    },
    slos: [
      {
        name: 'invoice-latency',
        title: '95% of invoices sent within 15 minutes of close',
        indicator: 'latency',
        objective: 95,
        threshold: '15m',
        percentile: 95,
        maxBacklog: null,
        window: '30d',
        runbook: 'reprocess-dead-letters',
      },
    ],
    kpis: [aKpi()],
    runbooks: [
      {
        id: 'reprocess-dead-letters',
        title: 'Failed invoices — triage and reprocess dead letters',
        markdown: '## Business impact\nEvery failed message is a customer who was not invoiced.',
        path: 'runbooks/invoice-generation.md',
      },
    ],
    releases: [{ version: '1.0', date: '2026-04-06', summary: 'Invoices created in NetSuite from closed-won deals.', why: 'Removed the daily CSV export.' }],
    source: 'file',
    sourceFile: 'catalog/automations/invoice-generation.yaml',
    archivedAt: null,
    createdAt: '2026-04-06T09:00:00Z',
    updatedAt: '2026-05-18T09:00:00Z',
    canEdit: false,
    editBlockedReason: 'Managed in Git',
    ...overrides,
  };
}

export type Health = AutomationHealthQuery['automationHealth'];
export type HealthPoint = Health['series'][number];

export function aHealthPoint(overrides: Partial<HealthPoint> = {}): HealthPoint {
  return {
    at: '2026-11-27T08:00:00Z',
    throughput: 40,
    succeeded: 36,
    failed: 1,
    deadLettered: 1,
    retried: 2,
    successRate: 0.9,
    errorRate: 0.05,
    retryRate: 0.05,
    p50Ms: 820,
    p95Ms: 2400,
    p99Ms: 6100,
    ...overrides,
  };
}

/** A day of invoice-generation health: 1,210 attempts, 97.5% succeeded. */
export function aHealth(overrides: Partial<Health> = {}): Health {
  return {
    slug: 'invoice-generation',
    window: '24h',
    bucket: '1h',
    from: '2026-11-26T09:00:00Z',
    to: '2026-11-27T09:00:00Z',
    throughput: 1210,
    successRate: 0.975,
    errorRate: 0.0124,
    retryRate: 0.0126,
    p50Ms: 840,
    p95Ms: 2350,
    p99Ms: 61_000,
    lastSuccessAt: '2026-11-27T08:58:00Z',
    lastHeartbeatAt: '2026-11-27T08:59:30Z',
    series: [aHealthPoint({ at: '2026-11-27T07:00:00Z' }), aHealthPoint({ at: '2026-11-27T08:00:00Z' })],
    ...overrides,
  };
}

/** Health of an automation no runtime has reported for. */
export function anEmptyHealth(overrides: Partial<Health> = {}): Health {
  return aHealth({
    throughput: 0,
    successRate: null,
    errorRate: null,
    retryRate: null,
    p50Ms: null,
    p95Ms: null,
    p99Ms: null,
    lastSuccessAt: null,
    lastHeartbeatAt: null,
    series: [],
    ...overrides,
  });
}

export function aRun(overrides: Partial<RunFieldsFragment> = {}): RunFieldsFragment {
  return {
    automation: { slug: 'invoice-generation', title: 'Invoice generation from closed-won deals' },
    runId: 'run-0001',
    attempt: 1,
    correlationId: 'deal-4711',
    status: 'succeeded',
    startedAt: '2026-11-27T08:15:00Z',
    finishedAt: '2026-11-27T08:15:02Z',
    durationMs: 2000,
    errorClass: null,
    errorMessage: null,
    manualTouch: false,
    ...overrides,
  };
}

export function aRuntimeToken(overrides: Partial<RuntimeTokenFieldsFragment> = {}): RuntimeTokenFieldsFragment {
  return {
    id: 'tok-1',
    name: 'invoice-worker production',
    team: 'finance-ops',
    allAutomations: true,
    automations: [],
    capabilities: ['ingest'],
    prefix: 'rh_rt_ab12',
    createdAt: '2026-11-20T10:00:00Z',
    createdBy: 'omar',
    lastUsedAt: '2026-11-27T08:59:00Z',
    expiresAt: '2027-02-18T10:00:00Z',
    revokedAt: null,
    revokedBy: null,
    replaces: null,
    replacedBy: null,
    state: 'active',
    ...overrides,
  };
}

export type DeadLetterGroup = DeadLetterGroupsQuery['deadLetterGroups'][number];

/** Invoices NetSuite refused for a missing billing address: 7 of 9 still pending. */
export function aDeadLetterGroup(overrides: Partial<DeadLetterGroup> = {}): DeadLetterGroup {
  return {
    fingerprint: 'fp-netsuite-address',
    automation: { slug: 'invoice-generation', title: 'Invoice generation from closed-won deals' },
    errorClass: 'NetSuiteValidationError',
    normalizedMessage: 'customer record <id> has no billing address for subsidiary <n>',
    sampleMessage: 'customer record CUST-88213 has no billing address for subsidiary 4',
    sourceKind: 'rabbitmq',
    sourceQueue: 'invoices.generate.dlq',
    total: 9,
    pending: 7,
    firstSeen: '2026-11-26T22:10:00Z',
    lastSeen: '2026-11-27T08:40:00Z',
    trend: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2, 0, 0, 1, 3, 0, 2, 0],
    ...overrides,
    // As the default view asks: every waiting one matches, unless a test says otherwise.
    matching: overrides.matching ?? overrides.pending ?? 7,
  };
}

export function aDeadLetterRow(overrides: Partial<DeadLetterRowFragment> = {}): DeadLetterRowFragment {
  return {
    id: 'dl-0001',
    automation: { slug: 'invoice-generation', title: 'Invoice generation from closed-won deals' },
    fingerprint: 'fp-netsuite-address',
    errorClass: 'NetSuiteValidationError',
    errorMessage: 'customer record CUST-88213 has no billing address for subsidiary 4',
    attempts: 5,
    deliveries: 1,
    lastFailedAt: '2026-11-27T08:40:00Z',
    status: 'pending',
    correlationId: 'deal-4711',
    ...overrides,
  };
}

export type DeadLetterDetail = DeadLetterQuery['deadLetter'];

export function aDeadLetter(overrides: Partial<DeadLetterDetail> = {}): DeadLetterDetail {
  return {
    id: 'dl-0001',
    automation: { slug: 'invoice-generation', title: 'Invoice generation from closed-won deals' },
    sourceKind: 'rabbitmq',
    sourceQueue: 'invoices.generate.dlq',
    messageId: 'msg-5f2c',
    fingerprint: 'fp-netsuite-address',
    errorClass: 'NetSuiteValidationError',
    errorMessage: 'customer record CUST-88213 has no billing address for subsidiary 4',
    attempts: 5,
    deliveries: 1,
    firstFailedAt: '2026-11-27T08:15:00Z',
    lastFailedAt: '2026-11-27T08:40:00Z',
    status: 'pending',
    correlationId: 'deal-4711',
    runId: 'run-0001',
    payload: '{\n  "dealId": "deal-4711",\n  "customerId": "CUST-88213",\n  "amount": 12400,\n  "currency": "EUR"\n}',
    payloadFormat: 'json',
    contentType: 'application/json',
    contentEncoding: null,
    bodyBytes: 83,
    headers: '{"x-correlation-id":"deal-4711","x-death-count":1}',
    payloadMasked: false,
    reprocessOf: null,
    earlierErrors: [],
    actions: [],
    ...overrides,
  };
}

export type DeadLetterAction = DeadLetterDetail['actions'][number];

/** dl-0001 in request 12: sent over RabbitMQ, confirmed, and handled by the runtime. */
export function aDeadLetterAction(overrides: Partial<DeadLetterAction> = {}): DeadLetterAction {
  return {
    requestId: '12',
    action: 'reprocess',
    requestState: 'done',
    requestedBy: 'Otto Operator',
    requestedAt: '2026-11-27T09:00:00Z',
    reason: 'NetSuite fixed the billing addresses (INC-4211)',
    route: 'rabbitmq',
    state: 'succeeded',
    reprocessId: '5b0c8f8e-3f0e-4c59-9a53-2f7a1e0c9d11',
    attempts: 1,
    lastError: null,
    dispatchedAt: '2026-11-27T09:00:01Z',
    acknowledgedAt: '2026-11-27T09:00:01Z',
    finishedAt: '2026-11-27T09:00:04Z',
    newDeadLetterId: null,
    ...overrides,
  };
}

export type ReprocessPreview = ReprocessPreviewQuery['reprocessPreview'];
export type ReprocessPreviewPart = ReprocessPreview['parts'][number];

export function aReprocessPreviewPart(overrides: Partial<ReprocessPreviewPart> = {}): ReprocessPreviewPart {
  return {
    automation: { slug: 'invoice-generation', title: 'Invoice generation from closed-won deals' },
    sourceKind: 'rabbitmq',
    route: 'rabbitmq',
    destination: 'republished to RabbitMQ (the original exchange and routing key, e.g. "finance")',
    count: 1234,
    warning: null,
    allowed: true,
    ...overrides,
  };
}

/** 1,234 invoices NetSuite refused, to go back through RabbitMQ; the viewer may. */
export function aReprocessPreview(overrides: Partial<ReprocessPreview> = {}): ReprocessPreview {
  return { action: 'reprocess', count: 1234, blockedReason: null, approvalReasons: [], parts: [aReprocessPreviewPart()], ...overrides };
}

export type ReprocessRequest = ReprocessRequestDetailFragment;

/** Request 12: 200 invoices being reprocessed, 80 handled so far, 3 failed again. */
export function aReprocessRequest(overrides: Partial<ReprocessRequest> = {}): ReprocessRequest {
  return {
    id: '12',
    action: 'reprocess',
    state: 'running',
    automations: ['invoice-generation'],
    selection: 'every dead letter with automation invoice-generation, status pending',
    reason: 'NetSuite fixed the billing addresses (INC-4211)',
    requestedBy: { id: 'otto', name: 'Otto Operator' },
    velocity: 100,
    total: 200,
    createdAt: '2026-11-27T09:00:00Z',
    updatedAt: '2026-11-27T09:00:05Z',
    finishedAt: null,
    waitingReason: null,
    canControl: true,
    canReject: false,
    approvalReasons: [],
    canDecide: false,
    decideBlockedReason: null,
    decision: null,
    progress: { queued: 100, dispatched: 10, acknowledged: 10, succeeded: 77, failed: 3, cancelled: 0 },
    canary: null,
    recentErrors: [],
    failedAgain: 0,
    errorGroups: [
      {
        automation: 'invoice-generation',
        errorClass: 'NetSuiteValidationError',
        count: 200,
        sampleDeadLetterId: '101',
        sampleMessageId: 'msg-5f2c',
        sampleError: 'customer record CUST-88213 has no billing address for subsidiary 2',
      },
    ],
    ...overrides,
  };
}

export type Canary = NonNullable<ReprocessRequest['canary']>;

/** A canary of 10 first messages of 100, waiting: 7 outcomes known, 1 failed again; at most 20% may fail again. */
export function aCanary(overrides: Partial<Canary> = {}): Canary {
  return {
    requestedCount: 10,
    requestedPercent: null,
    maxFailureRate: 0.2,
    size: 10,
    stage: 'waiting',
    sent: 10,
    awaiting: 3,
    succeeded: 6,
    failed: 1,
    rest: 90,
    decision: null,
    ...overrides,
  };
}

export type AuditEntry = AuditEntriesQuery['auditEntries']['edges'][number]['node'];

/** A reprocess request's first entry, as the api records it; `overrides` make any other. */
export function anAuditEntry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id: 'audit-1',
    at: '2026-11-27T09:00:00Z',
    actor: { id: 'otto', name: 'Otto Operator' },
    actorKind: 'person',
    action: 'reprocess.requested',
    targetKind: 'reprocess_request',
    targetId: '12',
    automations: ['invoice-generation'],
    teams: ['finance-ops'],
    reason: 'NetSuite fixed the billing addresses (INC-4211)',
    before: null,
    after: null,
    detail: '{"selection":"every dead letter with automation invoice-generation, status pending","total":200,"velocity":100,"routes":["rabbitmq"]}',
    ...overrides,
  };
}

/** One page of the trail; a cursor says more follow. */
export function anAuditPage(entries: AuditEntry[], endCursor: string | null = null): AuditEntriesQuery {
  return { auditEntries: { pageInfo: { hasNextPage: endCursor !== null, endCursor }, edges: entries.map((node) => ({ cursor: `c-${node.id}`, node })) } };
}

/** A change to an automation waiting for its owner team (an SLO change unless `changes` says more). */
export function anAutomationChange(overrides: Partial<AutomationChangeItemFragment> = {}): AutomationChangeItemFragment {
  return {
    id: '7',
    state: 'pending',
    ownerTeam: 'finance-ops',
    automation: { slug: 'card-dispute-evidence', title: 'Card dispute evidence' },
    requestedBy: { id: 'omar', name: 'Omar Owner' },
    requestedAt: '2026-11-27T10:00:00Z',
    sloChanges: ['disputes-submitted: objective 99% → 97.5%; window 30d → 28d'],
    changes: ['disputes-submitted: objective 99% → 97.5%; window 30d → 28d'],
    decidedBy: null,
    decidedAt: null,
    reason: null,
    canDecide: true,
    decideBlockedReason: null,
    canReject: true,
    ...overrides,
  };
}

import { z } from 'zod';
import { annotations, labels } from './entity-ref.js';
import { duration, httpUrl, isoDate, link, onCall, ownerRef, refTo, slug, tag } from './common.js';

export const AUTOMATION_API_VERSION = 'roundhouse.dev/v1';

export const AUTOMATION_TYPES = ['automation', 'orchestration', 'integration'] as const;
export const LIFECYCLES = ['experimental', 'production', 'deprecated'] as const;
export const RISK_DOMAINS = ['revenue', 'billing', 'inventory', 'regulatory', 'customer'] as const;
export const RUNTIME_KINDS = ['rabbitmq', 'bullmq', 'nats', 'webhook', 'sdk', 'other'] as const;
export const SLO_INDICATORS = ['success_rate', 'latency', 'freshness', 'dead_letter_backlog', 'dead_letter_age'] as const;
export const KPI_DIRECTIONS = ['lower_is_better', 'higher_is_better'] as const;
export const KPI_SOURCES = ['measurement', 'cycle_time_p50', 'cycle_time_p95', 'error_rate', 'manual_touches_per_day', 'throughput_per_day'] as const;

export type AutomationType = (typeof AUTOMATION_TYPES)[number];
export type Lifecycle = (typeof LIFECYCLES)[number];
export type RiskDomain = (typeof RISK_DOMAINS)[number];
export type RuntimeKind = (typeof RUNTIME_KINDS)[number];
export type SloIndicator = (typeof SLO_INDICATORS)[number];
export type KpiDirection = (typeof KPI_DIRECTIONS)[number];
export type KpiSource = (typeof KPI_SOURCES)[number];
/**
 * What a money KPI's figure is to finance: money *saved* (a cost that went down, e.g. compensation
 * paid per month), money *recovered* (cash that came in, e.g. overdue invoices paid per month), or
 * money *at stake* (a balance at a date that is still at risk, e.g. unreconciled cash at month-end).
 */
export const KPI_MONEY_KINDS = ['saved', 'recovered', 'at_stake'] as const;
export type KpiMoneyKind = (typeof KPI_MONEY_KINDS)[number];

/** A JetStream stream or consumer name as the server accepts it: no whitespace, `.`, `*`, `>`, `/` or `\\`. */
const natsName = (what: string, example: string) =>
  z
    .string()
    .min(1)
    .max(255)
    .regex(/^[^\s.*>/\\]+$/, { message: `a JetStream ${what} name: no spaces, dots, '*', '>', '/' or '\\', e.g. "${example}"` });

/** A NATS subject or subject filter: dot-separated tokens, `*` for one token and a final `>` for the rest. */
const natsSubject = z
  .string()
  .max(255)
  .regex(/^(?:[^\s.*>]+|\*)(?:\.(?:[^\s.*>]+|\*))*(?:\.>)?$|^>$/, {
    message: 'a NATS subject filter: dot-separated tokens, "*" for one token, a final ">" for the rest, e.g. "payouts.settle.>"',
  });

/** Where the automation runs and how Roundhouse reaches its failures. Never holds secrets: only names. */
export const runtimeBinding = z
  .strictObject({
    kind: z.enum(RUNTIME_KINDS),
    queue: z.string().min(1).max(255).optional().meta({ description: 'Work queue or BullMQ queue name.' }),
    deadLetterQueue: z.string().min(1).max(255).optional().meta({ description: 'RabbitMQ dead-letter queue to collect.' }),
    exchange: z.string().max(255).optional(),
    routingKey: z.string().max(255).optional(),
    stream: natsName('stream', 'PAYOUTS')
      .optional()
      .meta({ description: 'NATS JetStream: the stream that holds the messages. It must keep a message its consumer gave up on (limits retention) for Roundhouse to collect it.' }),
    consumer: natsName('consumer', 'payout-settler')
      .optional()
      .meta({ description: 'NATS JetStream: the durable consumer whose given-up messages (max deliveries reached, or terminated) are collected.' }),
    subject: natsSubject.optional().meta({
      description: 'NATS JetStream: the subjects the consumer reads (its filter), e.g. "payouts.settle.>". Reprocessed messages go back to the subject each was published to.',
    }),
    serviceName: z
      .string()
      .min(1)
      .max(255)
      .optional()
      .meta({ description: 'The OpenTelemetry service.name of the program that runs this automation: its root spans sent to /v1/traces become this automation’s runs.' }),
    reprocessUrl: httpUrl
      .optional()
      .meta({ description: 'Webhook that receives reprocess commands: a public address, unless the api’s ROUNDHOUSE_OUTBOUND_ALLOW names it. Redirects are not followed.' }),
    connection: z
      .string()
      .regex(/^[A-Z][A-Z0-9_]*$/, { message: 'the NAME of an environment variable, e.g. "ROUNDHOUSE_RUNTIME_RABBITMQ_URL", never the secret itself' })
      .optional()
      .meta({
        description:
          'Environment variable that holds the connection string: one set aside for runtimes (ROUNDHOUSE_RUNTIME_…, or listed in the api’s ROUNDHOUSE_ALLOWED_RUNTIME_VARIABLES), never one of Roundhouse’s own settings.',
      }),
    signingSecret: z
      .string()
      .regex(/^[A-Z][A-Z0-9_]*$/, { message: 'the NAME of an environment variable, e.g. "ROUNDHOUSE_RUNTIME_TICKET_TRIAGE_WEBHOOK_SECRET", never the secret itself' })
      .optional()
      .meta({
        description:
          'Environment variable that holds the secret reprocess webhooks are signed with (HMAC-SHA256): one set aside for runtimes (ROUNDHOUSE_RUNTIME_…, or listed in the api’s ROUNDHOUSE_ALLOWED_RUNTIME_VARIABLES), never one of Roundhouse’s own settings.',
      }),
  })
  .meta({ description: 'Runtime binding: the queue, broker or endpoint this automation runs on.' });
export type RuntimeBinding = z.infer<typeof runtimeBinding>;

/** What an automation's messages carry that not everyone may read. */
export const payloadPolicy = z
  .strictObject({
    sensitiveFields: z
      .array(z.string().regex(/^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*|\.\*)*$/, { message: 'a dotted field path such as "customer.email" or "lines.*.iban"' }))
      .max(100)
      .default([])
      .meta({
        description:
          'Payload fields masked for people without payload access, matched in any case and at any depth: "card" masks every card field, "customer.email" the email of any customer, "lines.*.iban" (* is one key or list item); credentials are masked whatever is listed.',
      }),
  })
  .meta({ description: 'How dead-letter payloads are shown.' });
export type PayloadPolicy = z.infer<typeof payloadPolicy>;

const NEEDS_THRESHOLD: readonly SloIndicator[] = ['latency', 'freshness', 'dead_letter_age'];

export const slo = z
  .strictObject({
    name: slug,
    title: z.string().min(1).max(120),
    indicator: z.enum(SLO_INDICATORS),
    objective: z.number().gt(0).lt(100).meta({ description: 'Percent of good events (success_rate, latency) or of good minutes (freshness, dead-letter SLOs).' }),
    threshold: duration.optional().meta({ description: 'Latency bound, maximum age of the last success, or of the oldest dead letter.' }),
    percentile: z.number().int().min(50).max(100).optional().meta({ description: 'For latency: the percentile held under the threshold.' }),
    maxBacklog: z.number().int().min(0).optional().meta({ description: 'For dead_letter_backlog: most pending dead letters allowed.' }),
    window: duration.default('30d'),
    runbook: slug.optional().meta({ description: 'The runbook (by id) that answers this SLO’s alerts.' }),
  })
  .superRefine((value, ctx) => {
    if (NEEDS_THRESHOLD.includes(value.indicator) && value.threshold === undefined) {
      ctx.addIssue({ code: 'custom', path: ['threshold'], message: `a duration is required for a ${value.indicator} SLO, e.g. "15m"` });
    }
    if (value.indicator === 'dead_letter_backlog' && value.maxBacklog === undefined) {
      ctx.addIssue({ code: 'custom', path: ['maxBacklog'], message: 'a whole number is required for a dead_letter_backlog SLO' });
    }
  });
export type Slo = z.infer<typeof slo>;

export const kpiBaseline = z
  .strictObject({
    value: z.number().optional().meta({ description: 'The agreed "before" value.' }),
    from: isoDate.optional().meta({ description: 'Start of the measured "before" period.' }),
    to: isoDate.optional().meta({ description: 'End of the measured "before" period.' }),
    note: z.string().min(1).max(1000).meta({ description: 'How the baseline was measured, and by whom.' }),
  })
  .superRefine((value, ctx) => {
    if (value.value === undefined && (value.from === undefined || value.to === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'give a value, or a measured period with both from and to' });
    }
    if (value.from !== undefined && value.to !== undefined && value.from > value.to) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `the period must end on or after ${value.from}` });
    }
  });
export type KpiBaseline = z.infer<typeof kpiBaseline>;

export const kpi = z
  .strictObject({
    name: slug,
    title: z.string().min(1).max(120),
    unit: z
      .string()
      .min(1)
      .max(40)
      .meta({ examples: ['hours', '%', 'touches/day', 'USD'] }),
    direction: z.enum(KPI_DIRECTIONS),
    source: z.enum(KPI_SOURCES).default('measurement').meta({ description: 'Reported by the runtime, or derived from runs.' }),
    baseline: kpiBaseline,
    target: z.number(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, { message: 'an ISO 4217 code such as "USD"' })
      .optional(),
    minutesPerTouch: z.number().positive().max(480).optional().meta({ description: 'For manual touches: minutes of work each touch costs.' }),
    money: z.enum(KPI_MONEY_KINDS).optional().meta({
      description:
        'With a currency: whether the figure is money saved (a cost), recovered (cash in) or at stake (a balance still at risk). Without it: recovered when higher is better, at stake for a balance (a bare currency, or a unit per "…-end"), saved otherwise.',
    }),
  })
  .superRefine((value, ctx) => {
    if (value.money !== undefined && value.currency === undefined) {
      ctx.addIssue({ code: 'custom', path: ['money'], message: 'only a KPI with a currency is money; give a currency (e.g. "EUR") or remove money' });
    }
  });
export type Kpi = z.infer<typeof kpi>;

/**
 * A money KPI's kind: its `money`, or, when not given, `recovered` when higher is better, `at_stake`
 * for a balance (a unit that is the bare currency, or per "…-end": "EUR", "EUR/month-end"), `saved`
 * otherwise (a cost per period: "EUR/month"). Null for a KPI without a currency.
 */
export function kpiMoneyKind(kpi: Pick<Kpi, 'currency' | 'money' | 'direction' | 'unit'>): KpiMoneyKind | null {
  if (kpi.currency === undefined) {
    return null;
  }
  if (kpi.money !== undefined) {
    return kpi.money;
  }
  if (kpi.direction === 'higher_is_better') {
    return 'recovered';
  }
  const unit = kpi.unit.trim();
  return unit === kpi.currency || unit.endsWith('-end') ? 'at_stake' : 'saved';
}

export const runbook = z
  .strictObject({
    id: slug,
    title: z.string().min(1).max(160),
    path: z
      .string()
      .regex(/^[\w./-]+\.md$/, { message: 'a relative path to a Markdown file, e.g. "runbooks/invoice-generation.md"' })
      .refine((value) => !value.split('/').includes('..') && !value.startsWith('/'), { message: 'a path inside catalog/, without ".."' })
      .optional()
      .meta({ description: 'Markdown file, relative to the catalog folder.' }),
    markdown: z.string().min(1).max(100_000).optional().meta({ description: 'The runbook itself, in Markdown.' }),
  })
  .superRefine((value, ctx) => {
    if ((value.path === undefined) === (value.markdown === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['path'], message: 'give exactly one of path (a Markdown file) or markdown (inline text)' });
    }
  });
export type Runbook = z.infer<typeof runbook>;

export const release = z.strictObject({
  version: z.string().min(1).max(40),
  date: isoDate,
  summary: z.string().min(1).max(500).meta({ description: 'What the release changed.' }),
  why: z.string().max(1000).optional().meta({ description: 'Why: the pain it removed or the KPI it moves.' }),
});
export type Release = z.infer<typeof release>;

function uniqueBy<T>(key: (item: T) => string, what: string) {
  return (items: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      const value = key(item);
      if (seen.has(value)) {
        ctx.addIssue({ code: 'custom', path: [index], message: `${what} "${value}" appears twice; each must be unique` });
      }
      seen.add(value);
    });
  };
}

export const automationMetadata = z.strictObject({
  name: slug.meta({ description: 'The automation’s slug: its id in URLs, the API and the SDK.' }),
  title: z.string().min(3).max(120),
  description: z.string().min(1).max(4000),
  tags: z.array(tag).max(20).default([]),
  links: z.array(link).max(30).default([]),
  annotations: annotations.optional(),
  labels: labels.optional(),
});

export const automationSpec = z.strictObject({
  type: z.enum(AUTOMATION_TYPES),
  lifecycle: z.enum(LIFECYCLES),
  owner: ownerRef,
  onCall,
  system: refTo('system', 'system:default/order-to-cash')
    .optional()
    .meta({ description: 'The Backstage System the automation belongs to (a System in the catalog); `systems` lists the systems it touches.' }),
  systems: z.array(z.string().min(1).max(80)).max(30).default([]),
  riskDomains: z.array(z.enum(RISK_DOMAINS)).default([]),
  runtime: runtimeBinding.optional(),
  payload: payloadPolicy.optional(),
  slos: z
    .array(slo)
    .default([])
    .superRefine(uniqueBy((s) => s.name, 'SLO')),
  kpis: z
    .array(kpi)
    .default([])
    .superRefine(uniqueBy((k) => k.name, 'KPI')),
  runbooks: z
    .array(runbook)
    .default([])
    .superRefine(uniqueBy((r) => r.id, 'runbook')),
  releases: z.array(release).default([]),
});

/**
 * Automation, version 1: one business-process automation, in the envelope of Backstage's
 * `catalog-info.yaml`. See `catalog/automations/` for real examples.
 */
export const automationV1 = z
  .strictObject({
    apiVersion: z.literal(AUTOMATION_API_VERSION),
    kind: z.literal('Automation'),
    metadata: automationMetadata,
    spec: automationSpec,
  })
  .superRefine((value, ctx) => {
    const runbookIds = new Set(value.spec.runbooks.map((r) => r.id));
    value.spec.slos.forEach((s, index) => {
      // Every alert must name the runbook that answers it; in production an alert without one is a page nobody can act on.
      if (s.runbook === undefined && value.spec.lifecycle === 'production') {
        ctx.addIssue({
          code: 'custom',
          path: ['spec', 'slos', index, 'runbook'],
          message: `a production automation's SLO needs a runbook that answers its alerts (one of: ${[...runbookIds].join(', ') || 'none yet: add one to spec.runbooks'})`,
        });
      }
      if (s.runbook !== undefined && !runbookIds.has(s.runbook)) {
        ctx.addIssue({
          code: 'custom',
          path: ['spec', 'slos', index, 'runbook'],
          message: `no runbook with id "${s.runbook}" in spec.runbooks (have: ${[...runbookIds].join(', ') || 'none'})`,
        });
      }
    });
  })
  .meta({ title: 'Automation v1', description: 'A business-process automation: owner, on-call, SLOs, KPIs, runbooks, releases.' });

export type AutomationV1 = z.infer<typeof automationV1>;
export type AutomationV1Input = z.input<typeof automationV1>;

import type { DeadLetterSource } from '@roundhouse/sdk';

/**
 * How each shipped automation behaves in the demo: volume, latency, the third party it calls and
 * the ways that call fails in the field. Automations without a profile get a quiet default.
 */
export interface FailureModes {
  /** The third party answers 429: retried inside the run, usually with success. */
  rateLimit: number;
  /** The call times out: the attempt fails and the run is retried later, dead-lettered after the last attempt. */
  timeout: number;
  /** The payload is refused for good (validation, missing master data): failed at once, often with a manual touch. */
  rejected: number;
}

export interface Profile {
  /** Runs started per minute, on average. */
  runsPerMinute: number;
  /** Median and spread of one attempt's duration. */
  medianMs: number;
  spread: number;
  dependency: string;
  failures: FailureModes;
  /** Correlation ids look like this (the business transaction): `${prefix}-${number}`. */
  correlationPrefix: string;
  /** Other automations that the same transaction flows into, in order. */
  flowsInto?: string[];
  /** Attempts before a run is dead-lettered. */
  maxAttempts: number;
  /** Sometimes sends events in an old shape the contract refuses (quarantined at ingest). */
  schemaDrift?: number;
}

const quiet: Profile = {
  runsPerMinute: 1,
  medianMs: 900,
  spread: 0.5,
  dependency: 'internal-api',
  failures: { rateLimit: 0.03, timeout: 0.01, rejected: 0.005 },
  correlationPrefix: 'txn',
  maxAttempts: 3,
};

export const PROFILES: Record<string, Profile> = {
  'invoice-generation': {
    runsPerMinute: 4,
    medianMs: 2_400,
    spread: 0.6,
    dependency: 'netsuite',
    failures: { rateLimit: 0.08, timeout: 0.015, rejected: 0.01 },
    correlationPrefix: 'deal',
    maxAttempts: 4,
  },
  'crm-enrichment': {
    runsPerMinute: 8,
    medianMs: 700,
    spread: 0.7,
    dependency: 'clearbit',
    failures: { rateLimit: 0.12, timeout: 0.02, rejected: 0.005 },
    correlationPrefix: 'lead',
    flowsInto: ['invoice-generation'],
    maxAttempts: 3,
    schemaDrift: 0.01,
  },
  'payout-reconciliation': {
    runsPerMinute: 2,
    medianMs: 5_500,
    spread: 0.4,
    dependency: 'adyen',
    failures: { rateLimit: 0.02, timeout: 0.03, rejected: 0.02 },
    correlationPrefix: 'payout',
    maxAttempts: 3,
  },
  'order-fulfillment': {
    runsPerMinute: 6,
    medianMs: 3_200,
    spread: 0.5,
    dependency: 'shopify',
    failures: { rateLimit: 0.06, timeout: 0.02, rejected: 0.008 },
    correlationPrefix: 'order',
    flowsInto: ['inventory-sync'],
    maxAttempts: 5,
  },
  'inventory-sync': {
    runsPerMinute: 6,
    medianMs: 450,
    spread: 0.4,
    dependency: 'warehouse-wms',
    failures: { rateLimit: 0.01, timeout: 0.04, rejected: 0.002 },
    correlationPrefix: 'order',
    maxAttempts: 3,
  },
  'refund-handling': {
    runsPerMinute: 1.5,
    medianMs: 1_800,
    spread: 0.5,
    dependency: 'stripe',
    failures: { rateLimit: 0.03, timeout: 0.01, rejected: 0.03 },
    correlationPrefix: 'ticket',
    maxAttempts: 3,
  },
  'access-provisioning': {
    runsPerMinute: 0.8,
    medianMs: 4_000,
    spread: 0.6,
    dependency: 'okta',
    failures: { rateLimit: 0.02, timeout: 0.05, rejected: 0.01 },
    correlationPrefix: 'hire',
    maxAttempts: 3,
  },
  'ticket-triage': {
    runsPerMinute: 5,
    medianMs: 350,
    spread: 0.5,
    dependency: 'zendesk',
    failures: { rateLimit: 0.05, timeout: 0.01, rejected: 0.01 },
    correlationPrefix: 'ticket',
    flowsInto: ['refund-handling'],
    maxAttempts: 2,
    schemaDrift: 0.02,
  },
  'regulatory-export': { ...quiet, runsPerMinute: 0.2, medianMs: 40_000, dependency: 'vat-oss-portal', correlationPrefix: 'oss' },
  'dunning-reminders': { ...quiet, runsPerMinute: 0.5, dependency: 'postmark', correlationPrefix: 'invoice' },
};

export function profileOf(slug: string): Profile {
  return PROFILES[slug] ?? quiet;
}

/**
 * Where each automation's messages are parked when a run is dead-lettered, after its catalog
 * runtime binding: the dead-letter queue of a RabbitMQ binding, the job queue of a BullMQ one,
 * the webhook or SDK runtime otherwise. Automations without an entry: an `sdk` source named after them.
 */
export const DEAD_LETTER_SOURCES: Record<string, DeadLetterSource> = {
  'invoice-generation': { kind: 'rabbitmq', queue: 'invoices.generate.dlq', exchange: 'finance', routingKey: 'deal.closed_won' },
  'order-fulfillment': { kind: 'rabbitmq', queue: 'orders.fulfil.dlq', exchange: 'commerce', routingKey: 'payment.captured' },
  'inventory-sync': { kind: 'rabbitmq', queue: 'inventory.sync.dlq', exchange: 'inventory', routingKey: 'stock.level.changed' },
  'crm-enrichment': { kind: 'bullmq', queue: 'crm-enrichment' },
  'refund-handling': { kind: 'bullmq', queue: 'refunds' },
  'dunning-reminders': { kind: 'bullmq', queue: 'dunning-reminders' },
  'access-provisioning': { kind: 'webhook', queue: 'okta.lifecycle-events' },
  'ticket-triage': { kind: 'webhook', queue: 'zendesk.ticket-created' },
  'payout-reconciliation': { kind: 'sdk', queue: 'payout-reconciliation' },
  'regulatory-export': { kind: 'sdk', queue: 'regulatory-export' },
};

export function deadLetterSourceOf(slug: string): DeadLetterSource {
  return DEAD_LETTER_SOURCES[slug] ?? { kind: 'sdk', queue: slug };
}

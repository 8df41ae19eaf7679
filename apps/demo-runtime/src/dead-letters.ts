import type { DeadLetterV1 } from '@roundhouse/contracts';
import type { DeadLetterSource, RunDeadLetter } from '@roundhouse/sdk';
import { deadLetterSourceOf } from './profiles.js';
import { pick, type Random } from './random.js';

/**
 * The messages the demo's runs give up on: for each automation, a body shaped like the one its
 * runtime really consumes (a closed-won deal, a PSP payout, a Shopify order…), the headers its
 * broker would carry, and the source of its catalog runtime binding. So the dead-letter workbench
 * shows what an on-call engineer would find at 3 a.m.
 */
export type JsonPayload = Exclude<DeadLetterV1['payload'], undefined>;

const ACCOUNTS = ['Northwind GmbH', 'Contoso Retail BV', 'Fabrikam Logistics SAS', 'Tailspin Toys Ltd', 'Wide World Importers AB', 'Alpine Ski House AG'];
const PEOPLE = [
  { name: 'Ana Ferreira', email: 'ana.ferreira@northwind.example' },
  { name: 'Jonas Becker', email: 'jonas.becker@contoso.example' },
  { name: 'Maja Lindqvist', email: 'maja.lindqvist@wideworld.example' },
  { name: 'Tom Okafor', email: 'tom.okafor@fabrikam.example' },
  { name: 'Léa Martin', email: 'lea.martin@tailspin.example' },
];
const PLANS = [
  { sku: 'RH-PLAT-ANNUAL', description: 'Platform subscription, annual', unitPrice: 18_000 },
  { sku: 'RH-SEAT-50', description: 'Additional seats (50)', unitPrice: 2_400 },
  { sku: 'RH-ONBOARD', description: 'Onboarding package', unitPrice: 3_500 },
  { sku: 'RH-SUPPORT-PREM', description: 'Premium support, annual', unitPrice: 4_800 },
];
const PRODUCTS = [
  { sku: 'KB-ERGO-DE', title: 'Ergonomic keyboard (DE)', price: 89.9 },
  { sku: 'MS-WL-BLK', title: 'Wireless mouse, black', price: 34.5 },
  { sku: 'DS-27-4K', title: '27" 4K display', price: 429 },
  { sku: 'HD-USB-C', title: 'USB-C dock', price: 159 },
];
/** Example IBANs from the banks' own documentation: valid checksums, no real accounts. */
const IBANS = ['DE89370400440532013000', 'NL91ABNA0417164300', 'FR1420041010050500013M02606', 'GB29NWBK60161331926819'];
const CURRENCIES = ['EUR', 'EUR', 'EUR', 'GBP', 'SEK'];
const WAREHOUSES = ['FRA-1', 'AMS-2', 'MAD-1'];

const cents = (value: number): number => Math.round(value * 100) / 100;
const between = (random: Random, min: number, max: number): number => min + Math.floor(random() * (max - min + 1));

/** Business id of the transaction, from the correlation id `${prefix}-${number}`. */
function numberOf(correlationId: string): string {
  return correlationId.split('-').at(-1) ?? correlationId;
}

/** `now`: when the message failed (the backfill's clock in the past, or the wall clock). */
type PayloadFactory = (random: Random, correlationId: string, now: Date) => JsonPayload;

const PAYLOADS: Record<string, PayloadFactory> = {
  'invoice-generation': (random, correlationId, now) => {
    const lines = Array.from({ length: between(random, 1, 3) }, () => {
      const plan = pick(random, PLANS);
      const quantity = between(random, 1, 3);
      return { sku: plan.sku, description: plan.description, quantity, unitPrice: plan.unitPrice, total: plan.unitPrice * quantity };
    });
    const contact = pick(random, PEOPLE);
    return {
      dealId: correlationId,
      account: pick(random, ACCOUNTS),
      amount: { value: lines.reduce((sum, line) => sum + line.total, 0), currency: pick(random, CURRENCIES) },
      lines,
      billingContact: { name: contact.name, email: contact.email },
      closedAt: new Date(now.getTime() - between(random, 1, 72) * 3_600_000).toISOString(),
    };
  },
  'payout-reconciliation': (random, correlationId, now) => ({
    payoutId: correlationId,
    psp: 'adyen',
    pspReference: `PSP${between(random, 100_000_000, 999_999_999)}`,
    amount: { value: cents(5_000 + random() * 95_000), currency: 'EUR' },
    iban: pick(random, IBANS),
    bookingDate: now.toISOString().slice(0, 10),
  }),
  'order-fulfillment': (random, correlationId) => ({
    orderId: correlationId,
    shopifyOrderNumber: `#${numberOf(correlationId)}`,
    customer: { email: pick(random, PEOPLE).email },
    lines: Array.from({ length: between(random, 1, 3) }, () => {
      const product = pick(random, PRODUCTS);
      return { sku: product.sku, title: product.title, quantity: between(random, 1, 4), price: product.price };
    }),
    shipping: { method: pick(random, ['standard', 'express']), country: pick(random, ['DE', 'NL', 'FR', 'SE']) },
  }),
  'inventory-sync': (random, correlationId) => ({
    orderId: correlationId,
    sku: pick(random, PRODUCTS).sku,
    warehouse: pick(random, WAREHOUSES),
    onHand: between(random, 0, 400),
    reserved: between(random, 0, 20),
  }),
  'crm-enrichment': (random, correlationId) => {
    const person = pick(random, PEOPLE);
    return { leadId: correlationId, email: person.email, company: pick(random, ACCOUNTS), source: pick(random, ['webinar', 'pricing-page', 'trade-show']) };
  },
  'refund-handling': (random, correlationId) => ({
    ticketId: correlationId,
    orderId: `order-${between(random, 10_000, 99_999)}`,
    amount: { value: cents(20 + random() * 480), currency: 'EUR' },
    reason: pick(random, ['damaged_item', 'not_delivered', 'wrong_size']),
    customer: { email: pick(random, PEOPLE).email },
    iban: pick(random, IBANS),
    approvedBy: pick(random, ['agent-214', 'agent-087', 'agent-131']),
  }),
  'ticket-triage': (random, correlationId) => ({
    ticketId: numberOf(correlationId),
    subject: pick(random, ['Where is my order?', 'Refund for damaged dock', 'Invoice copy needed', 'Wrong size delivered']),
    requester: { email: pick(random, PEOPLE).email },
    channel: pick(random, ['email', 'web', 'chat']),
  }),
  'access-provisioning': (random, correlationId, now) => {
    const person = pick(random, PEOPLE);
    return {
      hireId: correlationId,
      event: pick(random, ['joiner', 'mover', 'leaver']),
      employee: { name: person.name, email: person.email, department: pick(random, ['Finance', 'Sales', 'Support']) },
      effectiveAt: new Date(now.getTime() - between(random, 0, 14) * 86_400_000).toISOString(),
    };
  },
};

/** A realistic message body for a run of `slug`; automations without their own shape get a generic one. */
export function deadLetterPayload(slug: string, random: Random, correlationId: string, now: Date = new Date()): JsonPayload {
  const factory = PAYLOADS[slug];
  if (factory !== undefined) {
    return factory(random, correlationId, now);
  }
  return {
    automation: slug,
    transactionId: correlationId,
    requestedAt: new Date(now.getTime() - 60_000).toISOString(),
    attributes: { priority: pick(random, ['normal', 'high']) },
  };
}

export interface DeadLetterContext {
  runId: string;
  correlationId: string;
  /** Attempts made: the plan's length. */
  attempts: number;
  firstFailedAt: Date;
  lastFailedAt: Date;
  error: { name: string; message: string };
}

/** The headers the message would carry at its source: AMQP properties and an x-death summary for RabbitMQ. */
export function deadLetterHeaders(source: DeadLetterSource, context: DeadLetterContext): Record<string, string> {
  switch (source.kind) {
    case 'rabbitmq': {
      const workQueue = source.queue.replace(/\.dlq$/, '');
      const exchange = source.exchange ?? '';
      return {
        'content-type': 'application/json',
        'message-id': context.runId,
        'correlation-id': context.correlationId,
        'x-death': `count=${context.attempts}; reason=rejected; queue=${workQueue}; exchange=${exchange}; routing-keys=${source.routingKey ?? ''}; time=${context.lastFailedAt.toISOString()}`,
        'x-first-death-queue': workQueue,
        'x-first-death-exchange': exchange,
        'x-first-death-reason': 'rejected',
        'x-last-error': `${context.error.name}: ${context.error.message}`,
      };
    }
    case 'bullmq':
      return { 'job-id': context.runId, 'attempts-made': String(context.attempts), 'failed-reason': context.error.message };
    case 'webhook':
      return { 'content-type': 'application/json', 'x-delivery-id': context.runId, 'x-correlation-id': context.correlationId };
    default:
      return { 'x-correlation-id': context.correlationId };
  }
}

/** The dead letter of a run of `slug` given up after its last attempt: for `run.fail(error, { deadLetter })`. */
export function deadLetterOf(slug: string, random: Random, context: DeadLetterContext): RunDeadLetter {
  const source = deadLetterSourceOf(slug);
  return {
    messageId: context.runId,
    source,
    payload: deadLetterPayload(slug, random, context.correlationId, context.firstFailedAt),
    headers: deadLetterHeaders(source, context),
    attempts: context.attempts,
    firstFailedAt: context.firstFailedAt,
  };
}

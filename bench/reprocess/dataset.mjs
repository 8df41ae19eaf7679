// The dead letters reprocessed: closed-won deals of invoice-generation that failed while NetSuite was
// down, parked in invoices.generate.dlq, reported as the RabbitMQ collector reports them (ingest
// `dead_letter` events, x-death and all); and the AMQP message the api republishes from each stored
// dead letter, mirrored from apps/api/src/dispatchers/rabbitmq-dispatcher.ts so that the raw baseline
// publishes exactly what the product publishes.
import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';

export const AUTOMATION = 'invoice-generation';
export const DEAD_LETTER_QUEUE = 'invoices.generate.dlq';
export const ROUTING_KEY = 'deal.closed_won';

const ACCOUNTS = [
  { name: 'Northwind GmbH', country: 'DE', subsidiary: 3, vat: 'DE811569869' },
  { name: 'Contoso Retail BV', country: 'NL', subsidiary: 4, vat: 'NL859048136B01' },
  { name: 'Fabrikam Logistics SAS', country: 'FR', subsidiary: 5, vat: 'FR40303265045' },
  { name: 'Tailspin Toys Ltd', country: 'GB', subsidiary: 2, vat: 'GB980780684' },
  { name: 'Wide World Importers AB', country: 'SE', subsidiary: 6, vat: 'SE556703748501' },
  { name: 'Alpine Ski House AG', country: 'CH', subsidiary: 7, vat: 'CHE-116.281.710' },
];
const CURRENCY = { DE: 'EUR', NL: 'EUR', FR: 'EUR', GB: 'GBP', SE: 'SEK', CH: 'CHF' };
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
/** The outage the dead letters come from: NetSuite timing out, then throttling as it came back. */
const FAILURES = [
  { errorClass: 'TimeoutError', weight: 0.7, message: (r) => `NetSuite did not answer POST /services/rest/record/v1/invoice within ${pick(r, [30000, 60000])} ms` },
  { errorClass: 'RateLimitError', weight: 0.3, message: () => 'NetSuite concurrency limit exceeded (SSS_REQUEST_LIMIT_EXCEEDED), retry after 60 s' },
];
const ATTEMPTS = 4;
const OUTAGE_MS = 3 * 3_600_000;

/** mulberry32: small, fast, seeded. */
function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (random, list) => list[Math.floor(random() * list.length)];
const between = (random, min, max) => min + Math.floor(random() * (max - min + 1));
const hex = (random, length) => Array.from({ length }, () => Math.floor(random() * 16).toString(16)).join('');

/** The deal the message carried: what invoice-generation needs to build the invoice (~400–650 bytes as JSON). */
function dealPayload(random, dealId, closedAt) {
  const account = pick(random, ACCOUNTS);
  const lines = Array.from({ length: between(random, 1, 2) }, () => {
    const plan = pick(random, PLANS);
    const quantity = between(random, 1, 3);
    return { sku: plan.sku, description: plan.description, quantity, unitPrice: plan.unitPrice, total: plan.unitPrice * quantity };
  });
  const contact = pick(random, PEOPLE);
  return {
    dealId,
    opportunityId: `0065g0000${hex(random, 6).toUpperCase()}AAJ`,
    quoteId: `Q-2026-${String(between(random, 1, 99_999)).padStart(5, '0')}`,
    account: { name: account.name, country: account.country, subsidiary: account.subsidiary, taxRegistration: account.vat },
    amount: { value: lines.reduce((sum, line) => sum + line.total, 0), currency: CURRENCY[account.country] },
    lines,
    paymentTerms: pick(random, ['NET30', 'NET30', 'NET45']),
    billingContact: { name: contact.name, email: contact.email },
    closedAt: new Date(closedAt).toISOString(),
  };
}

/**
 * `count` dead letters of invoice-generation dead-lettered from `exchange` / ROUTING_KEY over the
 * three hours before `now`, as ingest `dead_letter` events in time order. Message ids are unique
 * (the dead letter table keeps one row per automation, queue and message id).
 */
export function deadLetterEvents({ count, seed, exchange, now }) {
  const random = seededRandom(seed);
  const workQueue = DEAD_LETTER_QUEUE.replace(/\.dlq$/, '');
  const events = [];
  for (let i = 0; i < count; i += 1) {
    const lastFailedAt = now - OUTAGE_MS + Math.floor((i * OUTAGE_MS) / count);
    const firstFailedAt = lastFailedAt - (ATTEMPTS - 1) * between(random, 30, 120) * 1000;
    const dealId = `deal-${String(100_000 + i).padStart(7, '0')}`;
    const failure = random() < FAILURES[0].weight ? FAILURES[0] : FAILURES[1];
    const errorMessage = failure.message(random);
    const messageId = `${hex(random, 8)}-${hex(random, 4)}-4${hex(random, 3)}-a${hex(random, 3)}-${i.toString(16).padStart(12, '0')}`;
    const death = [{ count: ATTEMPTS, reason: 'rejected', queue: workQueue, time: new Date(lastFailedAt).toISOString(), exchange, 'routing-keys': [ROUTING_KEY] }];
    events.push({
      id: randomUUID(),
      type: 'dead_letter',
      automation: AUTOMATION,
      occurredAt: new Date(lastFailedAt).toISOString(),
      firstFailedAt: new Date(firstFailedAt).toISOString(),
      messageId,
      correlationId: dealId,
      source: { kind: 'rabbitmq', queue: DEAD_LETTER_QUEUE, exchange, routingKey: ROUTING_KEY },
      payload: dealPayload(random, dealId, firstFailedAt - between(random, 1, 48) * 60_000),
      // As the collector flattens them: the runtime's own headers, then RabbitMQ's dead-lettering ones.
      headers: {
        traceparent: `00-${hex(random, 32)}-${hex(random, 16)}-01`,
        'x-exception-class': failure.errorClass,
        'x-exception-message': errorMessage,
        'x-death': JSON.stringify(death),
        'x-first-death-exchange': exchange,
        'x-first-death-queue': workQueue,
        'x-first-death-reason': 'rejected',
      },
      errorClass: failure.errorClass,
      errorMessage,
      attempts: ATTEMPTS,
    });
  }
  return events;
}

/** The events cut into gzip'd JSON request bodies of at most `batchSize` events. */
export function encodeBatches(events, batchSize) {
  const batches = [];
  for (let start = 0; start < events.length; start += batchSize) {
    const slice = events.slice(start, start + batchSize);
    batches.push({ events: slice.length, body: gzipSync(Buffer.from(JSON.stringify(slice))) });
  }
  return batches;
}

// ---- the republished message, mirrored from rabbitmq-dispatcher.ts ------------------------------
// bodyOf() and propertiesOf(): the body's bytes as they were dead-lettered, with their content type
// and encoding, the message id and correlation id, the headers without those added at
// dead-lettering, plus the reprocess id; persistent and mandatory. The bench checks a sample of what
// the api published against this, so a drift shows.

export const REPROCESS_ID_HEADER = 'x-roundhouse-reprocess-id';
const PAYLOAD_ENCODING_HEADER = 'x-roundhouse-payload-encoding';

function addedAtDeadLettering(name) {
  const lower = name.toLowerCase();
  return lower === 'x-death' || lower.startsWith('x-first-death-') || lower.startsWith('x-last-death-') || lower === PAYLOAD_ENCODING_HEADER;
}

/**
 * The message the api publishes for a stored dead letter ({ message_id, body, content_type,
 * content_encoding, headers, correlation_id } as read from dead_letter), with `reprocessId`.
 */
export function republished(row, reprocessId) {
  const headers = {};
  for (const [name, value] of Object.entries(row.headers)) {
    if (!addedAtDeadLettering(name)) {
      headers[name] = value;
    }
  }
  headers[REPROCESS_ID_HEADER] = reprocessId;
  return {
    content: row.body,
    properties: {
      persistent: true,
      mandatory: true,
      messageId: row.message_id,
      ...(row.correlation_id === null ? {} : { correlationId: row.correlation_id }),
      ...(row.content_type === null ? {} : { contentType: row.content_type }),
      ...(row.content_encoding === null ? {} : { contentEncoding: row.content_encoding }),
      headers,
    },
  };
}

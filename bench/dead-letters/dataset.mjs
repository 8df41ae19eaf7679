// The million dead letters: four automations of the shipped catalog, a few dozen error fingerprints,
// 30 days of failures (a steady background with a working-day rhythm plus incidents), mostly
// pending, with payloads and headers shaped like the ones their runtimes really park (the same
// shapes as apps/demo-runtime/src/dead-letters.ts). Written as COPY text, in the order the api
// would have inserted them (so ids grow with time, as they do in production).

/** The automations (all in catalog/), where their dead letters are parked, and their retry policy. */
export const AUTOMATIONS = {
  'invoice-generation': {
    share: 0.35,
    source: { kind: 'rabbitmq', queue: 'invoices.generate.dlq', exchange: 'finance', routingKey: 'deal.closed_won' },
    prefix: 'deal',
    maxAttempts: 4,
  },
  'order-fulfillment': {
    share: 0.3,
    source: { kind: 'rabbitmq', queue: 'orders.fulfil.dlq', exchange: 'commerce', routingKey: 'payment.captured' },
    prefix: 'order',
    maxAttempts: 5,
  },
  'payout-reconciliation': { share: 0.2, source: { kind: 'sdk', queue: 'payout-reconciliation' }, prefix: 'payout', maxAttempts: 3 },
  'crm-enrichment': { share: 0.15, source: { kind: 'bullmq', queue: 'crm-enrichment' }, prefix: 'lead', maxAttempts: 3 },
};

export const COPY_COLUMNS = [
  'automation_slug',
  'source_kind',
  'source_queue',
  'source_exchange',
  'source_routing_key',
  'message_id',
  'fingerprint',
  'error_class',
  'error_message',
  'attempts',
  'deliveries',
  'first_failed_at',
  'last_failed_at',
  'received_at',
  'status',
  'body',
  'content_type',
  'headers',
  'correlation_id',
  'run_id',
];

const DAY = 86_400_000;
const DAYS = 30;
const ACCOUNTS = ['Northwind GmbH', 'Contoso Retail BV', 'Fabrikam Logistics SAS', 'Tailspin Toys Ltd', 'Wide World Importers AB', 'Alpine Ski House AG'];
const DOMAINS = ['northwind.example', 'contoso.example', 'fabrikam.example', 'tailspin.example', 'wideworld.example'];
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
const IBANS = ['DE89370400440532013000', 'NL91ABNA0417164300', 'FR1420041010050500013M02606', 'GB29NWBK60161331926819'];
const CURRENCIES = ['EUR', 'EUR', 'EUR', 'GBP', 'SEK'];
const COUNTRIES = ['DE', 'NL', 'FR', 'SE'];
const WAREHOUSES = ['FRA-1', 'AMS-2', 'MAD-1'];

/** mulberry32: small, fast, seeded. */
export function seededRandom(seed) {
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
const cents = (value) => Math.round(value * 100) / 100;

/**
 * The failures, per automation: error class, message (what varies in it normalises away, except
 * where the api's fingerprint keeps it: a currency, a country, a SKU), relative weight, whether
 * it is permanent (dead-lettered after one attempt), whether it comes in incidents, and, for a
 * regression, since how many days it happens at all.
 */
const FAILURES = {
  'invoice-generation': [
    {
      errorClass: 'TimeoutError',
      weight: 20,
      incident: true,
      message: (r) => `NetSuite did not answer POST /services/rest/record/v1/invoice within ${pick(r, [30000, 60000])} ms`,
    },
    {
      errorClass: 'NetSuiteValidationError',
      weight: 10,
      permanent: true,
      message: (r) => `NetSuite rejected the invoice: subsidiary ${between(r, 1, 9)} is not valid for customer ${between(r, 10_000, 99_999)}`,
    },
    { errorClass: 'RateLimitError', weight: 8, incident: true, message: () => 'NetSuite concurrency limit exceeded (SSS_REQUEST_LIMIT_EXCEEDED), retry after 60 s' },
    { errorClass: 'AvalaraError', weight: 6, permanent: true, message: (r) => `Avalara could not compute tax: address of account "${pick(r, ACCOUNTS)}" has no postal code` },
    { errorClass: 'SalesforceApiError', weight: 4, incident: true, message: () => 'INVALID_SESSION_ID: Session expired or invalid' },
    {
      errorClass: 'PostmarkError',
      weight: 5,
      message: (r) => `Postmark refused to send INV-2026-${String(between(r, 1, 99_999)).padStart(5, '0')} to the billing contact: inactive recipient`,
    },
    { errorClass: 'TypeError', weight: 3, permanent: true, message: () => "Cannot read properties of undefined (reading 'billingContact')" },
    // A regression: since a deploy three days ago, deals without a tax registration fail.
    { errorClass: 'TypeError', weight: 6, permanent: true, sinceDays: 3, message: () => "Cannot read properties of undefined (reading 'taxRegistration')" },
    {
      errorClass: 'CurrencyMismatchError',
      weight: 3,
      permanent: true,
      message: (r) => `Deal currency ${pick(r, ['GBP', 'SEK', 'USD'])} does not match the subsidiary currency EUR`,
    },
    {
      errorClass: 'DuplicateInvoiceError',
      weight: 2,
      permanent: true,
      message: (r) => `An invoice for deal-${between(r, 100_000, 999_999)} already exists (INV-2026-${String(between(r, 1, 99_999)).padStart(5, '0')})`,
    },
  ],
  'order-fulfillment': [
    {
      errorClass: 'TimeoutError',
      weight: 18,
      incident: true,
      message: (r) => `Shopify Admin API timed out after 15000 ms (POST /admin/api/2026-10/orders/${between(r, 4_000_000, 9_999_999)}/fulfillments.json)`,
    },
    { errorClass: 'ShopifyApiError', weight: 8, permanent: true, message: (r) => `422 Unprocessable Entity: line item ${between(r, 10_000_000, 99_999_999)} is already fulfilled` },
    { errorClass: 'WmsError', weight: 8, message: (r) => `Warehouse ${pick(r, WAREHOUSES)} rejected the pick list: SKU ${pick(r, PRODUCTS).sku} is out of stock` },
    { errorClass: 'RateLimitError', weight: 10, incident: true, message: (r) => `Shopify 429 Too Many Requests (leaky bucket ${between(r, 38, 40)}/40)` },
    {
      errorClass: 'AddressValidationError',
      weight: 5,
      permanent: true,
      message: (r) => `DHL rejected the shipping address: postal code "${between(r, 1000, 99_999)}" is not valid for ${pick(r, COUNTRIES)}`,
    },
    { errorClass: 'TypeError', weight: 2, permanent: true, message: () => "Cannot read properties of null (reading 'shippingAddress')" },
    { errorClass: 'PaymentNotCapturedError', weight: 4, message: (r) => `Order order-${between(r, 100_000, 999_999)} has payment status 'authorized', expected 'captured'` },
  ],
  'payout-reconciliation': [
    {
      errorClass: 'TimeoutError',
      weight: 12,
      incident: true,
      message: (r) => `Adyen report download timed out after 20000 ms (settlement_detail_report_batch_${between(r, 100, 999)}.csv)`,
    },
    {
      errorClass: 'ReconciliationMismatchError',
      weight: 14,
      permanent: true,
      message: (r) => `Payout payout-${between(r, 100_000, 999_999)} differs from the bank statement by ${(r() * 500).toFixed(2)} EUR`,
    },
    { errorClass: 'IbanValidationError', weight: 3, permanent: true, message: (r) => `Beneficiary IBAN failed its checksum for payout payout-${between(r, 100_000, 999_999)}` },
    { errorClass: 'NetSuiteValidationError', weight: 5, permanent: true, message: (r) => `Journal entry rejected: accounting period ${pick(r, ['Oct', 'Nov'])} 2026 is closed` },
    { errorClass: 'ECONNRESET', weight: 6, incident: true, message: () => 'socket hang up while downloading the settlement report' },
    { errorClass: 'AdyenApiError', weight: 2, incident: true, message: () => 'HTTP 401 Unauthorized: the API key has expired' },
  ],
  'crm-enrichment': [
    { errorClass: 'TimeoutError', weight: 14, incident: true, message: () => 'Clearbit enrichment timed out after 5000 ms' },
    { errorClass: 'RateLimitError', weight: 12, incident: true, message: () => 'Clearbit 429: rate limit of 600 requests per minute exceeded' },
    { errorClass: 'NotFoundError', weight: 8, permanent: true, message: (r) => `No company found for domain ${pick(r, DOMAINS)}` },
    {
      errorClass: 'SalesforceApiError',
      weight: 5,
      permanent: true,
      message: (r) => `DUPLICATES_DETECTED: a lead with this email already exists (lead-${between(r, 100_000, 999_999)})`,
    },
    { errorClass: 'ValidationError', weight: 3, permanent: true, message: (r) => `email "${pick(r, PEOPLE).name.toLowerCase().replace(' ', '.')}@" is not a valid address` },
    {
      errorClass: 'SalesforceApiError',
      weight: 2,
      permanent: true,
      message: (r) => `FIELD_CUSTOM_VALIDATION_EXCEPTION: lead score must be between 0 and 100 (got ${between(r, 101, 400)})`,
    },
  ],
};

/** Every failure template, flattened, each with its automation and its overall probability. */
function templates() {
  const all = [];
  for (const [automation, failures] of Object.entries(FAILURES)) {
    const total = failures.reduce((s, f) => s + f.weight, 0);
    for (const failure of failures) {
      all.push({ ...failure, automation, probability: (AUTOMATIONS[automation].share * failure.weight) / total });
    }
  }
  return all;
}

const PAYLOADS = {
  'invoice-generation': (r, correlationId, at) => {
    const lines = Array.from({ length: between(r, 1, 3) }, () => {
      const plan = pick(r, PLANS);
      const quantity = between(r, 1, 3);
      return { sku: plan.sku, description: plan.description, quantity, unitPrice: plan.unitPrice, total: plan.unitPrice * quantity };
    });
    const contact = pick(r, PEOPLE);
    return {
      dealId: correlationId,
      account: pick(r, ACCOUNTS),
      amount: { value: lines.reduce((sum, line) => sum + line.total, 0), currency: pick(r, CURRENCIES) },
      lines,
      billingContact: { name: contact.name, email: contact.email },
      closedAt: new Date(at - between(r, 1, 72) * 3_600_000).toISOString(),
    };
  },
  'payout-reconciliation': (r, correlationId, at) => ({
    payoutId: correlationId,
    psp: 'adyen',
    pspReference: `PSP${between(r, 100_000_000, 999_999_999)}`,
    amount: { value: cents(5_000 + r() * 95_000), currency: 'EUR' },
    iban: pick(r, IBANS),
    bookingDate: new Date(at).toISOString().slice(0, 10),
  }),
  'order-fulfillment': (r, correlationId) => ({
    orderId: correlationId,
    shopifyOrderNumber: `#${correlationId.split('-').at(-1)}`,
    customer: { email: pick(r, PEOPLE).email },
    lines: Array.from({ length: between(r, 1, 3) }, () => {
      const product = pick(r, PRODUCTS);
      return { sku: product.sku, title: product.title, quantity: between(r, 1, 4), price: product.price };
    }),
    shipping: { method: pick(r, ['standard', 'express']), country: pick(r, COUNTRIES) },
  }),
  'crm-enrichment': (r, correlationId) => {
    const person = pick(r, PEOPLE);
    return { leadId: correlationId, email: person.email, company: pick(r, ACCOUNTS), source: pick(r, ['webinar', 'pricing-page', 'trade-show']) };
  },
};

function headersOf(source, { messageId, correlationId, attempts, lastFailedAt, errorClass, errorMessage }) {
  switch (source.kind) {
    case 'rabbitmq': {
      const workQueue = source.queue.replace(/\.dlq$/, '');
      return {
        'content-type': 'application/json',
        'message-id': messageId,
        'correlation-id': correlationId,
        'x-death': `count=${attempts}; reason=rejected; queue=${workQueue}; exchange=${source.exchange}; routing-keys=${source.routingKey}; time=${lastFailedAt}`,
        'x-first-death-queue': workQueue,
        'x-first-death-reason': 'rejected',
        'x-last-error': `${errorClass}: ${errorMessage}`,
      };
    }
    case 'bullmq':
      return { 'job-id': messageId, 'attempts-made': String(attempts), 'failed-reason': errorMessage };
    default:
      return { 'x-correlation-id': correlationId };
  }
}

/**
 * Stored status by age: the last days nearly all pending, older ones more often reprocessed, resolved or
 * discarded. Never `reprocessing`: the api no longer stores it (a dead letter in a request reads it from
 * the ledger, ledger.mjs; the migration ReadInFlightFromLedger stored the ones no request held as
 * `reprocessed`), so the same draws keep their old place in the random sequence and store `reprocessed`.
 */
function statusOf(r, ageDays) {
  if (r() < 0.95 - 0.007 * ageDays) {
    return 'pending';
  }
  const x = r();
  if (ageDays < 1 && x < 0.05) {
    return 'reprocessed';
  }
  return x < 0.45 ? 'reprocessed' : x < 0.7 ? 'resolved' : x < 0.85 ? 'discarded' : 'failed_again';
}

/** A working-day rhythm: more failures when more runs happen (weekday business hours, UTC). */
function activity(t) {
  const date = new Date(t);
  const hour = date.getUTCHours() + date.getUTCMinutes() / 60;
  const weekday = date.getUTCDay() !== 0 && date.getUTCDay() !== 6;
  const daytime = Math.exp(-((hour - 13) ** 2) / 18);
  return (weekday ? 1 : 0.35) * (0.25 + 0.75 * daytime);
}

/**
 * When each dead letter was first dead-lettered and by which failure, in time order: 70% a steady
 * background over the last 30 days, 30% in incidents (an outage or a rate-limit storm of one
 * dependency, 20 minutes to 4 hours).
 */
function timeline({ rows, seed, now }) {
  const r = seededRandom(seed);
  const all = templates();
  const cumulative = [];
  let sum = 0;
  for (const t of all) {
    sum += t.probability;
    cumulative.push(sum);
  }
  const pickTemplate = () => {
    const x = r() * sum;
    const index = cumulative.findIndex((c) => c >= x);
    return index === -1 ? all.length - 1 : index;
  };
  const incidentProne = all.map((t, i) => (t.incident ? i : -1)).filter((i) => i >= 0);
  const incidents = Array.from({ length: 14 }, () => {
    const duration = between(r, 20, 240) * 60_000;
    return { template: pick(r, incidentProne), start: now - r() * (DAYS * DAY - duration) - duration, duration, weight: 0.3 + r() };
  });
  const incidentWeight = incidents.reduce((s, i) => s + i.weight, 0);
  const times = new Float64Array(rows);
  const template = new Uint8Array(rows);
  for (let i = 0; i < rows; i += 1) {
    if (r() < 0.3) {
      let x = r() * incidentWeight;
      const incident = incidents.find((inc) => (x -= inc.weight) <= 0) ?? incidents[0];
      times[i] = Math.floor(incident.start + r() * incident.duration);
      template[i] = incident.template;
    } else {
      let t;
      do {
        t = now - r() * DAYS * DAY;
      } while (r() > activity(t));
      let chosen;
      do {
        chosen = pickTemplate();
      } while (all[chosen].sinceDays !== undefined && t < now - all[chosen].sinceDays * DAY);
      times[i] = Math.floor(t);
      template[i] = chosen;
    }
  }
  const order = Uint32Array.from({ length: rows }, (_, i) => i).sort((a, b) => times[a] - times[b]);
  return { templates: all, incidents, times, template, order };
}

/** Escapes a value for COPY text format. */
function copyText(value) {
  if (value === null || value === undefined) {
    return '\\N';
  }
  const text = String(value);
  return /[\\\t\n\r]/.test(text) ? text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : text;
}

function hex(r, length) {
  let out = '';
  while (out.length < length) {
    out += Math.floor(r() * 0x100000000)
      .toString(16)
      .padStart(8, '0');
  }
  return out.slice(0, length);
}

/**
 * The dataset as chunks of COPY text, generated as they are consumed. `fingerprintOf(parts)` is
 * the api's own errorFingerprint (apps/api/dist/dead-letters/fingerprint.js), so the groups are the
 * ones the api would have formed; `normalize` its normalizeErrorMessage. Also returns the groups
 * (fingerprint → automation, class, normalised and sample message, source) and the counts by
 * status and automation once the chunks have been consumed.
 */
export function generateDataset({ rows, seed, now, fingerprintOf, normalize, chunkRows = 5000 }) {
  const { templates: all, incidents, times, template, order } = timeline({ rows, seed, now });
  const r = seededRandom(seed ^ 0x9e3779b9);
  const groups = new Map();
  const fingerprints = new Map(); // template index + normalised message → fingerprint
  const counts = { status: {}, automation: {} };
  const serials = {};

  function row(index) {
    const tpl = all[template[index]];
    const automation = AUTOMATIONS[tpl.automation];
    const source = automation.source;
    const deadAt = times[index];
    const errorMessage = tpl.message(r);
    const normalized = normalize(errorMessage);
    const key = `${template[index]}\n${normalized}`;
    let fingerprint = fingerprints.get(key);
    if (fingerprint === undefined) {
      fingerprint = fingerprintOf({ automation: tpl.automation, sourceKind: source.kind, sourceQueue: source.queue, errorClass: tpl.errorClass, errorMessage });
      fingerprints.set(key, fingerprint);
    }
    const group = groups.get(fingerprint);
    if (group === undefined) {
      groups.set(fingerprint, { automation: tpl.automation, errorClass: tpl.errorClass, normalized, sample: errorMessage, source, total: 1 });
    } else {
      group.total += 1;
      group.sample = errorMessage;
    }
    const attempts = tpl.permanent ? 1 : automation.maxAttempts;
    const firstFailedAt = deadAt - (attempts - 1) * between(r, 30, 300) * 1000;
    const x = r();
    const deliveries = x < 0.88 ? 1 : x < 0.97 ? 2 : between(r, 3, 5);
    const lastFailedAt = deliveries === 1 ? deadAt : Math.min(now, deadAt + (deliveries - 1) * between(r, 10, 720) * 60_000);
    const status = statusOf(r, (now - lastFailedAt) / DAY);
    serials[tpl.automation] = (serials[tpl.automation] ?? 0) + 1;
    const correlationId = `${automation.prefix}-${between(r, 100_000, 999_999)}`;
    // Unique per automation and queue: the serial is in the last group of the UUID.
    const messageId = `${hex(r, 8)}-${hex(r, 4)}-4${hex(r, 3)}-a${hex(r, 3)}-${serials[tpl.automation].toString(16).padStart(12, '0')}`;
    const lastIso = new Date(lastFailedAt).toISOString();
    const payload = PAYLOADS[tpl.automation](r, correlationId, deadAt);
    const headers = headersOf(source, { messageId, correlationId, attempts, lastFailedAt: lastIso, errorClass: tpl.errorClass, errorMessage });
    counts.status[status] = (counts.status[status] ?? 0) + 1;
    counts.automation[tpl.automation] = (counts.automation[tpl.automation] ?? 0) + 1;
    return [
      tpl.automation,
      source.kind,
      source.queue,
      source.exchange ?? null,
      source.routingKey ?? null,
      messageId,
      fingerprint,
      tpl.errorClass,
      errorMessage,
      attempts,
      deliveries,
      new Date(firstFailedAt).toISOString(),
      lastIso,
      new Date(deadAt + between(r, 200, 5000)).toISOString(),
      status,
      // The body's bytes as bytea input (hex), as a runtime's JSON message.
      `\\x${Buffer.from(JSON.stringify(payload)).toString('hex')}`,
      'application/json',
      JSON.stringify(headers),
      correlationId,
      r() < 0.9 ? messageId : null,
    ]
      .map(copyText)
      .join('\t');
  }

  function* chunks() {
    for (let start = 0; start < rows; start += chunkRows) {
      const lines = [];
      for (let i = start; i < Math.min(rows, start + chunkRows); i += 1) {
        lines.push(row(order[i]));
      }
      yield `${lines.join('\n')}\n`;
    }
  }

  return { chunks, groups, counts, incidents: incidents.length, templates: all.length };
}

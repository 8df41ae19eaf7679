import { createServer, type Server } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { deadLetterV1 } from '@roundhouse/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKLOG_AUTOMATION, financeBacklogPlan, reportFinanceBacklog } from './finance-backlog.js';
import { seeded } from './random.js';

const NOW = new Date('2026-12-07T07:00:00Z');

/** An error message with what differs from payout to payout (references, numbers, quoted values) blanked: one per group. */
const shapeOf = (message: string) =>
  message
    .replace(/PSP\d+/g, '<id>')
    .replace(/"[^"]*"/g, '<value>')
    .replace(/\d+/g, '<n>');

describe(financeBacklogPlan.name, () => {
  it('parks a large group (schema drift) and a small one (rate limit) on a finance-ops automation, each one error', () => {
    const plan = financeBacklogPlan(seeded(7), NOW, 'b1');
    const groups = new Map<string, number>();
    for (const item of plan) {
      const key = `${item.error.name}: ${shapeOf(item.error.message)}`;
      groups.set(key, (groups.get(key) ?? 0) + 1);
    }
    expect([...groups.entries()]).toEqual([
      [
        'SettlementReportSchemaError: Adyen settlement report for payout <id>: column <value> missing (report format changed from v<n> to v<n>); cannot match it to a NetSuite deposit',
        40,
      ],
      ['NetSuiteRateLimitError: NetSuite answered <n> Too Many Requests for the deposit of payout <id>: account concurrency limit (<n>) reached; gave up after <n> attempts', 3],
    ]);
    // Each payout is its own message, failed in the last night, first failure before last.
    expect(new Set(plan.map((item) => item.runId)).size).toBe(43);
    expect(new Set(plan.map((item) => item.error.message)).size).toBeGreaterThan(30);
    for (const item of plan) {
      expect(item.lastFailedAt.getTime()).toBeLessThan(NOW.getTime());
      expect(item.lastFailedAt.getTime()).toBeGreaterThan(NOW.getTime() - 8 * 3_600_000);
      expect(item.firstFailedAt.getTime()).toBeLessThanOrEqual(item.lastFailedAt.getTime());
    }
  });
});

describe(reportFinanceBacklog.name, () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server === undefined ? resolve() : server.close(() => resolve()))));

  it('reports each parked payout as a dead letter the ingest contract accepts, with a payout body, through the SDK', async () => {
    const received: unknown[] = [];
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const raw = Buffer.concat(chunks);
        const text = (request.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
        const events =
          request.headers['content-type']?.includes('ndjson') === true
            ? text
                .split('\n')
                .filter(Boolean)
                .map((line) => JSON.parse(line) as unknown)
            : (JSON.parse(text) as unknown[]);
        received.push(...events);
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ accepted: events.length, duplicates: 0, quarantined: 0, forbidden: 0, results: [] }));
      });
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;

    expect(await reportFinanceBacklog({ url, token: 'rh_test_token', random: seeded(11), now: NOW })).toBe(43);

    const deadLetters = received.filter((event) => (event as { type?: string }).type === 'dead_letter').map((event) => deadLetterV1.parse(event));
    expect(deadLetters).toHaveLength(43);
    expect(new Set(deadLetters.map((d) => d.automation))).toEqual(new Set([BACKLOG_AUTOMATION]));
    expect(deadLetters.filter((d) => d.errorClass === 'SettlementReportSchemaError')).toHaveLength(40);
    expect(deadLetters.filter((d) => d.errorClass === 'NetSuiteRateLimitError')).toHaveLength(3);
    const first = deadLetters[0];
    const body = first?.body === undefined ? first?.payload : (JSON.parse(Buffer.from(first.body.base64, 'base64').toString('utf8')) as unknown);
    expect(body).toMatchObject({ psp: 'adyen', amount: { currency: 'EUR' }, payoutId: expect.stringMatching(/^payout-\d+$/) as string });
    expect(deadLetters.every((d) => Date.parse(d.occurredAt) < NOW.getTime())).toBe(true);
  });
});

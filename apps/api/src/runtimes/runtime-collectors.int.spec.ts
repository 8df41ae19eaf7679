import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import amqp, { type Channel, type ChannelModel } from 'amqplib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { automationInput } from '../../test/fixtures.js';
import { startTestApi, useTestApi, type TestApi } from '../../test/harness.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { RuntimeCollectors } from './runtime-collectors.service.js';

const RABBITMQ_URL = process.env.RABBITMQ_URL;
if (RABBITMQ_URL === undefined) {
  // Reported as skipped with the reason, never as passed.
  process.stderr.write('Collectors suite skipped: RABBITMQ_URL is not set (.ci/run sets it and starts RabbitMQ).\n');
}

const VARIABLE = `ROUNDHOUSE_RUNTIME_COLLECTORS_${randomBytes(3).toString('hex').toUpperCase()}_RABBITMQ_URL`;
const REGISTER = `mutation Register($input: AutomationInput!) { registerAutomation(input: $input) { slug } }`;
const UPDATE = `mutation Update($slug: String!, $input: AutomationInput!) { updateAutomation(slug: $slug, input: $input) { slug } }`;
const ARCHIVE = `mutation Archive($slug: String!) { archiveAutomation(slug: $slug) { slug archivedAt } }`;

describe.skipIf(RABBITMQ_URL === undefined)(RuntimeCollectors.name, () => {
  // A brand-new database, and an api that runs collectors from its first boot: nothing is bound yet.
  const t = useTestApi({ ROUNDHOUSE_COLLECTORS: 'true', ROUNDHOUSE_COLLECTORS_SYNC_MS: '250' });
  const suffix = randomBytes(4).toString('hex');
  const queues = { catalog: `rh-follow-catalog-${suffix}.dlq`, first: `rh-follow-a-${suffix}.dlq`, moved: `rh-follow-b-${suffix}.dlq` };
  let replica: TestApi;
  let catalogDir: string;
  let connection: ChannelModel;
  let channel: Channel;
  let owner: string;

  const consumers = async (queue: string) => (await channel.checkQueue(queue)).consumerCount;
  const waiting = async (queue: string) => (await channel.checkQueue(queue)).messageCount;
  const collected = async (queue: string) =>
    (await t.db.query<{ message_id: string }>(`SELECT message_id FROM dead_letter WHERE source_queue = $1 ORDER BY message_id`, [queue])).map((r) => r.message_id);
  const park = (queue: string, messageId: string) =>
    channel.sendToQueue(queue, Buffer.from(JSON.stringify({ billId: messageId })), {
      messageId,
      contentType: 'application/json',
      headers: { 'x-exception-class': 'VendorNotFound' },
    });
  const bound = (deadLetterQueue: string) => automationInput({ runtime: { kind: 'rabbitmq', queue: 'bills.capture', deadLetterQueue, connection: VARIABLE } });

  beforeAll(async () => {
    process.env[VARIABLE] = RABBITMQ_URL;
    connection = await amqp.connect(RABBITMQ_URL ?? '');
    channel = await connection.createChannel();
    for (const queue of Object.values(queues)) {
      await channel.assertQueue(queue, { durable: false });
    }
    // A second replica on the same database, also running collectors.
    replica = await startTestApi(t.db.url, { ROUNDHOUSE_COLLECTORS: 'true', ROUNDHOUSE_COLLECTORS_SYNC_MS: '250' });
    // The shipped catalog, with invoice-generation's dead-letter queue on this test's broker.
    catalogDir = await mkdtemp(path.join(tmpdir(), 'rh-follow-'));
    await cp(path.join(t.api.config.repositoryRoot, 'catalog'), path.join(catalogDir, 'catalog'), { recursive: true });
    const file = path.join(catalogDir, 'catalog', 'automations', 'invoice-generation.yaml');
    const yaml = await readFile(file, 'utf8');
    await writeFile(file, yaml.replace(/deadLetterQueue: \S+/, `deadLetterQueue: ${queues.catalog}`).replace(/connection: \S+/, `connection: ${VARIABLE}`));
  });

  afterAll(async () => {
    await replica?.close();
    for (const queue of Object.values(queues)) {
      await channel.deleteQueue(queue);
    }
    await connection.close();
    await rm(catalogDir, { recursive: true, force: true });
    delete process.env[VARIABLE];
  });

  it('on a brand-new database collects nothing until the catalog is applied, then collects without a restart', async () => {
    park(queues.catalog, 'INV-1');
    await vi.waitFor(async () => expect(await waiting(queues.catalog)).toBe(1), { timeout: 5_000 });
    expect(await consumers(queues.catalog)).toBe(0);

    await t.api.app.get(CatalogService).apply(path.join(catalogDir, 'catalog'), catalogDir);

    await vi.waitFor(async () => expect(await collected(queues.catalog)).toEqual(['INV-1']), { timeout: 15_000, interval: 200 });
    // Both replicas collect it.
    await vi.waitFor(async () => expect(await consumers(queues.catalog)).toBe(2), { timeout: 15_000, interval: 200 });
    owner = await t.api.signIn('omar');
  });

  it('starts collecting an automation registered in the console, on every replica', async () => {
    const registered = await t.api.graphql(REGISTER, { input: bound(queues.first) }, owner);
    expect(registered.errors).toBeUndefined();

    await vi.waitFor(async () => expect(await consumers(queues.first)).toBe(2), { timeout: 15_000, interval: 200 });
    park(queues.first, 'BILL-1');
    await vi.waitFor(async () => expect(await collected(queues.first)).toEqual(['BILL-1']), { timeout: 15_000, interval: 200 });
  });

  it('moves the collector when the binding’s dead-letter queue is edited: the new queue is collected, the old one no longer', async () => {
    const updated = await t.api.graphql(UPDATE, { slug: 'vendor-bill-capture', input: bound(queues.moved) }, owner);
    expect(updated.errors).toBeUndefined();

    await vi.waitFor(
      async () => {
        expect(await consumers(queues.moved)).toBe(2);
        expect(await consumers(queues.first)).toBe(0);
      },
      { timeout: 15_000, interval: 200 },
    );
    park(queues.moved, 'BILL-2');
    park(queues.first, 'BILL-3');
    await vi.waitFor(async () => expect(await collected(queues.moved)).toEqual(['BILL-2']), { timeout: 15_000, interval: 200 });
    expect(await waiting(queues.first)).toBe(1);
    expect(await collected(queues.first)).toEqual(['BILL-1']);
  });

  it('stops collecting an archived automation on every replica, and leaves its messages in the queue', async () => {
    const archived = await t.api.graphql(ARCHIVE, { slug: 'vendor-bill-capture' }, owner);
    expect(archived.errors).toBeUndefined();

    await vi.waitFor(async () => expect(await consumers(queues.moved)).toBe(0), { timeout: 15_000, interval: 200 });
    park(queues.moved, 'BILL-4');
    await vi.waitFor(async () => expect(await waiting(queues.moved)).toBe(1), { timeout: 5_000 });
    expect(await collected(queues.moved)).toEqual(['BILL-2']);
    // The catalog's automation is still collected.
    expect(await consumers(queues.catalog)).toBe(2);
  });
});

import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import amqp, { type Channel, type ChannelModel } from 'amqplib';
import { CatalogService } from '../src/catalog/catalog.service.js';
import type { TestApi } from './harness.js';

/** Where a test's invoices and dunning jobs live: its own RabbitMQ names and BullMQ queue, and the variables naming the brokers. */
export interface TestBrokers {
  /** The exchange the outside application publishes invoices to. */
  exchange: string;
  /** The work queue the runtime consumes (and a reprocess republishes to). */
  work: string;
  /** Invoice generation's dead-letter queue. */
  dlq: string;
  /** Dunning reminders' BullMQ job queue. */
  jobs: string;
  rabbitVariable: string;
  redisVariable: string;
}

/**
 * Applies the shipped catalog, with invoice generation's dead-letter queue and dunning reminders'
 * job queue on this test's brokers, from a copy in a temporary folder; answers a function that removes the copy.
 */
export async function applyCatalogOnTestBrokers(api: TestApi, prefix: string, brokers: TestBrokers): Promise<() => Promise<void>> {
  const catalogDir = await mkdtemp(path.join(tmpdir(), prefix));
  await cp(path.join(api.config.repositoryRoot, 'catalog'), path.join(catalogDir, 'catalog'), { recursive: true });
  const invoices = path.join(catalogDir, 'catalog', 'automations', 'invoice-generation.yaml');
  await writeFile(
    invoices,
    (await readFile(invoices, 'utf8'))
      .replace(/deadLetterQueue: \S+/, `deadLetterQueue: ${brokers.dlq}`)
      .replace(/exchange: \S+/, `exchange: ${brokers.exchange}`)
      .replace(/connection: \S+/, `connection: ${brokers.rabbitVariable}`),
  );
  const dunning = path.join(catalogDir, 'catalog', 'automations', 'dunning-reminders.yaml');
  await writeFile(dunning, (await readFile(dunning, 'utf8')).replace(/queue: \S+/, `queue: ${brokers.jobs}`).replace(/connection: \S+/, `connection: ${brokers.redisVariable}`));
  await api.app.get(CatalogService).apply(path.join(catalogDir, 'catalog'), catalogDir);
  return () => rm(catalogDir, { recursive: true, force: true });
}

/** The outside application's RabbitMQ, with plain amqplib, and a way to take its topology down again. */
export interface InvoiceTopology {
  connection: ChannelModel;
  channel: Channel;
  remove: () => Promise<void>;
}

/** The outside application's topology, with plain amqplib: a work queue whose dead-letter exchange feeds a DLQ. */
export async function invoiceTopology(url: string, { exchange, work, dlq }: Pick<TestBrokers, 'exchange' | 'work' | 'dlq'>): Promise<InvoiceTopology> {
  const connection = await amqp.connect(url);
  const channel = await connection.createChannel();
  await channel.assertExchange(exchange, 'direct', { durable: false });
  await channel.assertQueue(dlq, { durable: false });
  await channel.assertQueue(work, { durable: false, arguments: { 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': dlq } });
  await channel.bindQueue(work, exchange, 'invoice.created');
  return {
    connection,
    channel,
    remove: async () => {
      await channel.deleteQueue(work);
      await channel.deleteQueue(dlq);
      await channel.deleteExchange(exchange);
      await connection.close();
    },
  };
}

import { AckPolicy, jetstream, jetstreamManager, RetentionPolicy, type JsMsg } from '@nats-io/jetstream';
import { connect, headers as natsHeaders, type NatsConnection } from '@nats-io/transport-node';
import { REPROCESS_ID_HEADER } from '@roundhouse/contracts';
import type { RoundhouseClient } from '@roundhouse/sdk';
import { chance, type Random } from './random.js';

/** The demo automation that runs on NATS JetStream (catalog/automations/payout-status-sync.yaml). */
export const NATS_AUTOMATION = 'payout-status-sync';
export const NATS_STREAM = 'PAYOUT_EVENTS';
export const NATS_CONSUMER = 'payout-status-sync';
const SUBJECT = 'payouts.status';

const DAY_NS = 86_400_000_000_000;
const MINUTE_NS = 60_000_000_000;

/** How the runtime handles one payout event: books it, gives up at once (a schema it cannot read), or fails until max deliveries (NetSuite away). */
export type Handling = 'book' | 'terminate' | 'retry';

/** A poison event now and then (Adyen added a field the parser refuses), a NetSuite timeout now and then; most are booked. */
export function handlingOf(event: { schemaVersion: number; netsuiteDown: boolean }, reprocessed: boolean): Handling {
  if (reprocessed) {
    // The parser fix is deployed and NetSuite is back: a reprocessed event is booked.
    return 'book';
  }
  return event.schemaVersion > 1 ? 'terminate' : event.netsuiteDown ? 'retry' : 'book';
}

/**
 * A payout status runtime on NATS JetStream, for the demo: publishes Adyen payout status events
 * to `payouts.status.<merchant>` on a limits stream, and a durable consumer books them in NetSuite
 * (simulated), reporting each run through the SDK. Events with a schema it cannot read are
 * terminated (`msg.term()`), events that keep timing out reach max deliveries — Roundhouse collects
 * both from the stream. A reprocessed event (it carries `x-roundhouse-reprocess-id`) is booked and
 * its run carries the reprocess id, which resolves the dead letter.
 */
export async function startNatsPayouts(options: { url: string; client: RoundhouseClient; random: Random; say: (line: string) => void }): Promise<() => Promise<void>> {
  const { client, random, say } = options;
  const connection: NatsConnection = await connect({ servers: options.url, name: 'demo-payout-status-sync', maxReconnectAttempts: -1 });
  const jsm = await jetstreamManager(connection);
  const config = { subjects: [`${SUBJECT}.>`], retention: RetentionPolicy.Limits, max_age: 7 * DAY_NS, duplicate_window: 10 * MINUTE_NS };
  await jsm.streams.add({ name: NATS_STREAM, ...config }).catch(() => jsm.streams.update(NATS_STREAM, config));
  await jsm.consumers.add(NATS_STREAM, { durable_name: NATS_CONSUMER, ack_policy: AckPolicy.Explicit, max_deliver: 3, ack_wait: 5_000_000_000, filter_subject: `${SUBJECT}.>` });
  const js = jetstream(connection);
  let running = true;
  let batch = 0;

  const publisher = setInterval(() => {
    batch += 1;
    const merchant = chance(random, 0.5) ? 'NorthwindEU' : 'NorthwindUK';
    const event = {
      type: 'PAYOUT_PAID',
      batch: `ADY-${Date.now()}-${batch}`,
      merchantAccount: merchant,
      amount: { value: Math.round(random() * 5_000_000), currency: merchant === 'NorthwindEU' ? 'EUR' : 'GBP' },
      schemaVersion: chance(random, 0.08) ? 2 : 1,
      netsuiteDown: chance(random, 0.05),
    };
    const h = natsHeaders();
    h.set('Content-Type', 'application/json');
    h.set('x-correlation-id', event.batch);
    js.publish(`${SUBJECT}.${merchant.toLowerCase()}`, JSON.stringify(event), { headers: h, msgID: event.batch }).catch((error: unknown) =>
      say(`NATS publish failed: ${String(error)}`),
    );
  }, 15_000);
  publisher.unref();

  const handle = (message: JsMsg): void => {
    const reprocessId = message.headers?.get(REPROCESS_ID_HEADER) ?? '';
    const event = message.json<{ batch: string; schemaVersion: number; netsuiteDown: boolean }>();
    const run = client.startRun(NATS_AUTOMATION, {
      correlationId: event.batch,
      runId: `${NATS_AUTOMATION}-${message.seq}`,
      attempt: message.info.deliveryCount,
      ...(reprocessId === '' ? {} : { reprocessId }),
    });
    switch (handlingOf(event, reprocessId !== '')) {
      case 'book':
        run.succeed();
        message.ack();
        break;
      case 'terminate':
        run.fail(new TypeError(`payout event schema v${event.schemaVersion} is not supported`), { outcome: 'dead_lettered' });
        message.term();
        break;
      case 'retry':
        run.fail(new Error('NetSuite did not answer within 30 s'), { outcome: message.info.deliveryCount >= 3 ? 'dead_lettered' : 'retrying' });
        message.nak(2_000);
        break;
    }
  };

  const consuming = (async () => {
    const consumer = await js.consumers.get(NATS_STREAM, NATS_CONSUMER);
    while (running) {
      try {
        for await (const message of await consumer.fetch({ max_messages: 50, expires: 5_000 })) {
          handle(message);
        }
      } catch (error) {
        say(`NATS consumer: ${String(error)}`);
        await new Promise((resolve) => setTimeout(resolve, 2_000));
      }
    }
  })();
  say(`running ${NATS_AUTOMATION} on NATS JetStream (stream ${NATS_STREAM}, consumer ${NATS_CONSUMER})`);

  return async () => {
    running = false;
    clearInterval(publisher);
    await consuming.catch(() => undefined);
    await connection.drain().catch(() => undefined);
  };
}

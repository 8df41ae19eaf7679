import { JetStreamApiError, jetstream, type PubAck } from '@nats-io/jetstream';
import { headers as natsHeaders, type MsgHdrs } from '@nats-io/transport-node';
import { REPROCESS_ID_HEADER } from '@roundhouse/contracts';
import { mapConcurrently } from '../shared/map-concurrently.js';
import { TransportUnavailableError, type DispatchMessage, type DispatchOutcome } from '../dispatcher.js';
import { JETSTREAM_CONTEXT_HEADERS } from './nats-dead-letter.js';
import { NatsConnections, natsReason, natsServerOf } from './nats-connections.js';

/** Where reprocessed JetStream messages go: the server (URL from the variable the binding names, never logged) and the stream that must store them. */
export interface NatsTarget {
  kind: 'nats';
  url: string;
  /** The binding's stream: a message is confirmed only when this stream stored it. */
  stream?: string;
}

/** The publish ack JetStream must answer within; no answer is the server being away, and the batch is tried again. */
const ACK_TIMEOUT_MS = 10_000;
/** Publishes in flight at once on one connection. */
const IN_FLIGHT = 64;

/** The JetStream header that makes a publish idempotent within the stream's duplicate window. */
export const MSG_ID_HEADER = 'Nats-Msg-Id';

/** What the collector added, and what this dispatcher sets itself (the key, the expected stream). */
const NOT_SENT_BACK = new Set([...JETSTREAM_CONTEXT_HEADERS, MSG_ID_HEADER, 'Nats-Expected-Stream'].map((name) => name.toLowerCase()));

/** The message's headers as it was published (without what the collector added), its reprocess id, and the ledger's key as its Nats-Msg-Id. */
function headersOf(message: DispatchMessage): MsgHdrs {
  const h = natsHeaders();
  for (const [name, value] of Object.entries(message.headers)) {
    if (!NOT_SENT_BACK.has(name.toLowerCase()) && name.toLowerCase() !== REPROCESS_ID_HEADER) {
      h.set(name, value);
    }
  }
  h.set(REPROCESS_ID_HEADER, message.reprocessId);
  return h;
}

/** The subject the message was first published to: the collector kept it as the source's routing key. */
function subjectOf(message: DispatchMessage): string | undefined {
  return message.source.routingKey ?? message.headers['Nats-Subject'];
}

/** The client's error for a publish no stream answered (nobody listens on the subject's JetStream API). */
function isNoStream(error: unknown): boolean {
  return error instanceof Error && error.name === 'JetStreamNotEnabled';
}

/**
 * Republishes dead-lettered JetStream messages to the subject each was first published to, as
 * stored (the body's bytes, the headers without the ones the collector added), with the reprocess
 * id as `x-roundhouse-reprocess-id` and as `Nats-Msg-Id`: a message sent again after a crash or a
 * lost ack is dropped by the stream's duplicate window. The publish ack is the confirmation — a
 * duplicate ack too, since the stream holds the message from the first send. Refused by the stream
 * (wrong stream, too large, limits) is `rejected`; a subject no stream captures (or JetStream not
 * ready yet) is `retry`; the server away is TransportUnavailableError for the batch.
 */
export class NatsDispatcher {
  private readonly connections = new NatsConnections('roundhouse-reprocess');

  async dispatch(target: NatsTarget, messages: readonly DispatchMessage[]): Promise<DispatchOutcome[]> {
    if (messages.length === 0) {
      return [];
    }
    const server = natsServerOf(target.url);
    let js;
    try {
      js = jetstream(await this.connections.get(target.url));
    } catch (error) {
      throw new TransportUnavailableError(`NATS at ${server} is unavailable: ${natsReason(error, target.url)}`);
    }
    const client = js;
    return mapConcurrently(messages, IN_FLIGHT, async (message): Promise<DispatchOutcome> => {
      const { reprocessId } = message;
      const subject = subjectOf(message);
      if (subject === undefined) {
        return { reprocessId, result: 'rejected', error: 'the dead letter does not say which subject it was published to' };
      }
      let ack: PubAck;
      try {
        ack = await client.publish(subject, Buffer.from(message.body.base64, 'base64'), {
          msgID: reprocessId,
          headers: headersOf(message),
          timeout: ACK_TIMEOUT_MS,
          ...(target.stream === undefined ? {} : { expect: { streamName: target.stream } }),
        });
      } catch (error) {
        if (error instanceof JetStreamApiError) {
          return { reprocessId, result: 'rejected', error: `JetStream refused the message on subject ${subject}: ${error.message}` };
        }
        if (isNoStream(error)) {
          return { reprocessId, result: 'retry', error: `no JetStream stream answered for subject ${subject} (none captures it, or JetStream is not ready)` };
        }
        throw new TransportUnavailableError(`NATS at ${server} is unavailable: ${natsReason(error, target.url)}`);
      }
      // A duplicate ack means the stream already stored this key: an earlier send went through.
      return ack.stream === '' ? { reprocessId, result: 'retry', error: 'the publish ack names no stream' } : { reprocessId, result: 'confirmed' };
    });
  }

  async close(): Promise<void> {
    await this.connections.close();
  }
}

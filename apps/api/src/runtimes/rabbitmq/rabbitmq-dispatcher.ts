import amqp, { type Channel, type ChannelModel, type ConfirmChannel, type Message, type Options } from 'amqplib';
import { REPROCESS_ID_HEADER } from '@roundhouse/contracts';
import { LEGACY_PAYLOAD_ENCODING_HEADER } from '../../dead-letters/index.js';
import { maskPassword, withoutCredentials } from '../shared/broker-url.js';
import { TransportUnavailableError, type DispatchMessage, type DispatchOutcome, type Dispatcher, type RabbitMqTarget } from '../dispatcher.js';

/** Set on dead letters by collectors before bodies were kept as bytes; never sent back. */
const CONNECT_TIMEOUT_MS = 10_000;
/** A broker that neither confirms nor closes (e.g. blocked by a resource alarm) gives the batch back after this. */
const CONFIRM_TIMEOUT_MS = 30_000;
/** amqplib's error for a publish the broker nacked. */
const NACKED = 'message nacked';

interface Route {
  exchange: string;
  routingKey: string;
}

/** One connection and confirm channel per URL, used by every call until it closes or fails. */
interface Link {
  ready: Promise<{ connection: ChannelModel; channel: ConfirmChannel }>;
  /** Why the connection or channel went down; the next call opens a new link. */
  down: string | undefined;
  /** Reprocess ids of published messages the broker returned as unroutable, until their batch reads them. */
  returned: Set<string>;
  /** Exchanges this connection has seen exist. */
  exchanges: Set<string>;
}

/** Headers RabbitMQ (x-death, x-first-death-*, x-last-death-*) or the collector added when the message was dead-lettered. */
function addedAtDeadLettering(name: string): boolean {
  const lower = name.toLowerCase();
  return lower === 'x-death' || lower.startsWith('x-first-death-') || lower.startsWith('x-last-death-') || lower === LEGACY_PAYLOAD_ENCODING_HEADER;
}

/** The body as it was dead-lettered: its bytes, content type and content encoding, as they came. */
function bodyOf(message: DispatchMessage): { content: Buffer; contentType?: string; contentEncoding?: string } {
  const { base64, contentType, contentEncoding } = message.body;
  return { content: Buffer.from(base64, 'base64'), ...(contentType === undefined ? {} : { contentType }), ...(contentEncoding === undefined ? {} : { contentEncoding }) };
}

function propertiesOf(message: DispatchMessage, body: { contentType?: string; contentEncoding?: string }): Options.Publish {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers)) {
    if (!addedAtDeadLettering(name)) {
      headers[name] = value;
    }
  }
  headers[REPROCESS_ID_HEADER] = message.reprocessId;
  return {
    persistent: true,
    mandatory: true,
    messageId: message.messageId,
    ...(message.correlationId === undefined ? {} : { correlationId: message.correlationId }),
    ...(body.contentType === undefined ? {} : { contentType: body.contentType }),
    ...(body.contentEncoding === undefined ? {} : { contentEncoding: body.contentEncoding }),
    headers,
  };
}

/** Where the message was published before it was dead-lettered; '' is the default exchange. */
function routeOf(message: DispatchMessage, target: RabbitMqTarget): Route {
  return { exchange: message.source.exchange ?? target.exchange ?? '', routingKey: message.source.routingKey ?? target.routingKey ?? '' };
}

function unroutable({ exchange, routingKey }: Route): string {
  return exchange === '' ? `no queue named "${routingKey}" exists (default exchange)` : `no queue is bound to exchange "${exchange}" with routing key "${routingKey}"`;
}

function reasonOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) {
    return reasonOf(error.errors[0]);
  }
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return error.message !== '' ? error.message : (code ?? error.name);
  }
  return String(error);
}

function unavailable(url: string, reason: unknown): TransportUnavailableError {
  const why = typeof reason === 'string' ? reason : reasonOf(reason);
  return new TransportUnavailableError(`RabbitMQ at ${withoutCredentials(url)} is unavailable: ${maskPassword(why, url)}`);
}

function replyCodeOf(error: unknown): unknown {
  return error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
}

/**
 * Republishes dead-lettered RabbitMQ messages to the exchange and routing key they were first
 * published to, as they were (the body's bytes, content type and content encoding, message id,
 * correlation id, headers without the dead-lettering ones), with the reprocess id as a header. Publishes a whole batch on a confirm channel and then
 * waits once for its confirms: an ack is `confirmed`, a nack `retry`, a message returned as
 * unroutable (or sent to an exchange that does not exist) `rejected`.
 */
export class RabbitMqDispatcher implements Dispatcher<RabbitMqTarget> {
  private readonly links = new Map<string, Link>();

  async dispatch(target: RabbitMqTarget, messages: readonly DispatchMessage[]): Promise<DispatchOutcome[]> {
    if (messages.length === 0) {
      return [];
    }
    const link = this.linkFor(target.url);
    const { connection, channel } = await link.ready;
    const routes = messages.map((message) => routeOf(message, target));
    const missing = await this.missingExchanges(link, connection, target.url, new Set(routes.map((route) => route.exchange)));
    return this.publish(link, channel, target.url, messages, routes, missing);
  }

  async close(): Promise<void> {
    const links = [...this.links.values()];
    this.links.clear();
    await Promise.all(links.map((link) => this.shut(link, 'closed')));
  }

  private linkFor(url: string): Link {
    const current = this.links.get(url);
    if (current !== undefined && current.down === undefined) {
      return current;
    }
    if (current !== undefined) {
      void this.shut(current, current.down ?? 'closed');
    }
    const state: Omit<Link, 'ready'> = { down: undefined, returned: new Set(), exchanges: new Set() };
    const link: Link = Object.assign(state, { ready: this.connect(url, state) });
    this.links.set(url, link);
    return link;
  }

  /**
   * Connects and opens the confirm channel. The process never crashes on the broker's account:
   * every 'error' and 'close' is heard and only marks the link down.
   */
  private async connect(url: string, link: Omit<Link, 'ready'>): Promise<{ connection: ChannelModel; channel: ConfirmChannel }> {
    let connection: ChannelModel;
    try {
      connection = await amqp.connect(url, { timeout: CONNECT_TIMEOUT_MS });
    } catch (error) {
      link.down = reasonOf(error);
      throw unavailable(url, error);
    }
    const goDown = (error?: unknown): void => {
      link.down ??= error === undefined ? 'the connection closed' : reasonOf(error);
    };
    connection.on('error', goDown);
    connection.on('close', goDown);
    try {
      const channel = await connection.createConfirmChannel();
      channel.on('error', goDown);
      channel.on('close', () => {
        goDown();
        // A channel the broker closed leaves its connection open: close that too.
        connection.close().catch(() => undefined);
      });
      channel.on('return', (message: Message) => {
        const id: unknown = message.properties.headers?.[REPROCESS_ID_HEADER];
        if (typeof id === 'string') {
          link.returned.add(id);
        }
      });
      return { connection, channel };
    } catch (error) {
      goDown(error);
      await connection.close().catch(() => undefined);
      throw unavailable(url, error);
    }
  }

  private async shut(link: Link, why: string): Promise<void> {
    link.down ??= why;
    await link.ready.then(({ connection }) => connection.close()).catch(() => undefined);
  }

  /**
   * The batch's exchanges that do not exist. Publishing to one would make the broker close the
   * channel; a passive declare on a channel of its own finds them first (once per connection).
   */
  private async missingExchanges(link: Link, connection: ChannelModel, url: string, exchanges: ReadonlySet<string>): Promise<Set<string>> {
    const missing = new Set<string>();
    for (const exchange of exchanges) {
      if (exchange === '' || link.exchanges.has(exchange)) {
        continue;
      }
      if (await this.exchangeExists(connection, url, exchange)) {
        link.exchanges.add(exchange);
      } else {
        missing.add(exchange);
      }
    }
    return missing;
  }

  private async exchangeExists(connection: ChannelModel, url: string, exchange: string): Promise<boolean> {
    let channel: Channel;
    try {
      channel = await connection.createChannel();
    } catch (error) {
      throw unavailable(url, error);
    }
    channel.on('error', () => undefined);
    try {
      await channel.checkExchange(exchange);
    } catch (error) {
      if (replyCodeOf(error) === 404) {
        return false; // the broker closed this channel, and only this one
      }
      throw unavailable(url, error);
    }
    await channel.close().catch(() => undefined);
    return true;
  }

  /** Publishes every message, then resolves once all of them are confirmed, nacked or returned. */
  private publish(
    link: Link,
    channel: ConfirmChannel,
    url: string,
    messages: readonly DispatchMessage[],
    routes: readonly Route[],
    missing: ReadonlySet<string>,
  ): Promise<DispatchOutcome[]> {
    return new Promise((resolve, reject) => {
      const outcomes = new Array<DispatchOutcome>(messages.length);
      let waiting = messages.length;
      let failed = false;
      let timer: NodeJS.Timeout | undefined;
      const settle = (index: number, outcome: DispatchOutcome): void => {
        outcomes[index] = outcome;
        waiting -= 1;
        if (waiting === 0 && !failed) {
          clearTimeout(timer);
          resolve(outcomes);
        }
      };
      const fail = (reason: unknown): void => {
        if (!failed) {
          failed = true;
          clearTimeout(timer);
          reject(unavailable(url, reason));
        }
      };
      for (let index = 0; index < messages.length && !failed; index += 1) {
        this.publishOne(link, channel, messages[index] as DispatchMessage, routes[index] as Route, missing, (outcome) => settle(index, outcome), fail);
      }
      if (waiting > 0 && !failed) {
        timer = setTimeout(() => {
          fail(`no publisher confirms within ${CONFIRM_TIMEOUT_MS / 1000} s`);
          void this.shut(link, 'publisher confirms timed out');
        }, CONFIRM_TIMEOUT_MS);
      }
    });
  }

  private publishOne(
    link: Link,
    channel: ConfirmChannel,
    message: DispatchMessage,
    route: Route,
    missing: ReadonlySet<string>,
    settle: (outcome: DispatchOutcome) => void,
    fail: (reason: unknown) => void,
  ): void {
    const { reprocessId } = message;
    if (missing.has(route.exchange)) {
      settle({ reprocessId, result: 'rejected', error: `exchange "${route.exchange}" does not exist` });
      return;
    }
    const { content, ...body } = bodyOf(message);
    try {
      channel.publish(route.exchange, route.routingKey, content, propertiesOf(message, body), (error: unknown) => {
        if (error === null || error === undefined) {
          // The broker sends a return before the confirm of the same message.
          settle(link.returned.delete(reprocessId) ? { reprocessId, result: 'rejected', error: unroutable(route) } : { reprocessId, result: 'confirmed' });
        } else if (error instanceof Error && error.message === NACKED) {
          link.returned.delete(reprocessId);
          settle({ reprocessId, result: 'retry', error: `RabbitMQ did not take the message (nack) on exchange "${route.exchange}"` });
        } else {
          fail(link.down ?? error);
        }
      });
    } catch (error) {
      if (error instanceof RangeError) {
        settle({ reprocessId, result: 'rejected', error: `the message cannot be encoded: ${error.message}` });
      } else {
        fail(link.down ?? error);
      }
    }
  }
}

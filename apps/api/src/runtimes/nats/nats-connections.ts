import { connect, type NatsConnection } from '@nats-io/transport-node';
import { maskPassword, withoutCredentials } from '../shared/broker-url.js';

const CONNECT_TIMEOUT_MS = 10_000;

/** A NATS URL fit for logs and error messages: never its credentials (a token or user:password). */
export function natsServerOf(url: string): string {
  return withoutCredentials(url);
}

/** `error`'s message with the URL's credentials masked. */
export function natsReason(error: unknown, url: string): string {
  const message = error instanceof Error ? (error.message === '' ? error.name : error.message) : String(error);
  const token = URL.canParse(url) ? new URL(url).username : '';
  const masked = maskPassword(message, url);
  return token === '' ? masked : masked.split(token).join('***');
}

/**
 * One NATS connection per server URL, opened on first use and shared by every caller. The client
 * reconnects by itself when the server goes away (subscriptions come back with it); a connection
 * that closed for good is replaced at the next call.
 */
export class NatsConnections {
  private readonly connections = new Map<string, Promise<NatsConnection>>();

  constructor(private readonly name: string) {}

  get(url: string): Promise<NatsConnection> {
    const current = this.connections.get(url);
    if (current !== undefined) {
      return current.then((connection) => (connection.isClosed() ? this.open(url) : connection));
    }
    return this.open(url);
  }

  private open(url: string): Promise<NatsConnection> {
    const opening = connect({ servers: url, name: this.name, timeout: CONNECT_TIMEOUT_MS, maxReconnectAttempts: -1, reconnectTimeWait: 1_000 });
    this.connections.set(url, opening);
    opening.catch(() => {
      if (this.connections.get(url) === opening) {
        this.connections.delete(url);
      }
    });
    return opening;
  }

  /** Closes every connection (what was published is flushed first). */
  async close(): Promise<void> {
    const all = [...this.connections.values()];
    this.connections.clear();
    await Promise.all(all.map((opening) => opening.then((connection) => connection.drain()).catch(() => undefined)));
  }
}

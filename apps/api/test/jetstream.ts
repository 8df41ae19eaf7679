import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout } from 'node:timers/promises';
import { AckPolicy, jetstream, jetstreamManager, RetentionPolicy, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { connect, headers as natsHeaders, type NatsConnection } from '@nats-io/transport-node';
import { freePort } from './free-port.js';

/** The nats-server binary (NATS_SERVER, or the one on these machines). */
const NATS_SERVER = process.env.NATS_SERVER ?? 'nats-server';

/** What the runtime under test does with a message: handle it, give up on it at once (`msg.term()`), or fail it until max deliveries. */
export type Handling = 'ack' | 'term' | 'nak';

export interface TestStream {
  name: string;
  consumer: string;
  /** The subject messages of this stream are published to, e.g. `<name>.payouts.settle`. */
  subject: string;
  connection: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
  publish(body: Uint8Array | string, headers?: Record<string, string>): Promise<number>;
  /** Runs a consumer like a runtime's worker: `handle` decides per message; stops with `stop()`. */
  work(handle: (body: Buffer) => Handling): { stop: () => Promise<void>; handled: Map<number, number> };
  /** Every message the stream holds now: its sequence, subject, body and headers. */
  messages(): Promise<{ seq: number; subject: string; body: Buffer; headers: Record<string, string> }[]>;
  delete(): Promise<void>;
}

/**
 * A stream of its own for one test (a unique name, deleted after), with a durable pull consumer
 * that gives up after `maxDeliver` deliveries, on the NATS server at `url`.
 */
export async function createTestStream(url: string, options: { retention?: 'limits' | 'workqueue'; maxDeliver?: number; duplicateWindowMs?: number } = {}): Promise<TestStream> {
  const name = `rh_test_${randomBytes(5).toString('hex')}`;
  const consumer = 'settler';
  const subject = `${name}.payouts.settle`;
  const connection = await connect({ servers: url, maxReconnectAttempts: -1, reconnectTimeWait: 250 });
  const jsm = await jetstreamManager(connection);
  const js = jetstream(connection);
  await jsm.streams.add({
    name,
    subjects: [`${name}.>`],
    retention: options.retention === 'workqueue' ? RetentionPolicy.Workqueue : RetentionPolicy.Limits,
    duplicate_window: (options.duplicateWindowMs ?? 120_000) * 1_000_000,
  });
  await jsm.consumers.add(name, {
    durable_name: consumer,
    ack_policy: AckPolicy.Explicit,
    max_deliver: options.maxDeliver ?? 3,
    ack_wait: 2_000_000_000,
    filter_subject: `${name}.payouts.>`,
  });
  return {
    name,
    consumer,
    subject,
    connection,
    js,
    jsm,
    async publish(body, headers = {}) {
      const h = natsHeaders();
      Object.entries(headers).forEach(([key, value]) => h.set(key, value));
      const ack = await js.publish(subject, typeof body === 'string' ? new TextEncoder().encode(body) : body, { headers: h });
      return ack.seq;
    },
    work(handle) {
      let running = true;
      const handled = new Map<number, number>();
      const loop = (async () => {
        const source = await js.consumers.get(name, consumer);
        while (running) {
          const batch = await source.fetch({ max_messages: 20, expires: 1_000 });
          for await (const message of batch) {
            handled.set(message.seq, (handled.get(message.seq) ?? 0) + 1);
            const handling = handle(Buffer.from(message.data));
            if (handling === 'ack') {
              message.ack();
            } else if (handling === 'term') {
              message.term();
            } else {
              message.nak();
            }
          }
        }
      })();
      return {
        handled,
        stop: async () => {
          running = false;
          await loop;
        },
      };
    },
    async messages() {
      const info = await jsm.streams.info(name);
      const found = [];
      for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq += 1) {
        const stored = await jsm.streams.getMessage(name, { seq });
        if (stored !== null) {
          const headers: Record<string, string> = {};
          for (const [key, values] of stored.header ?? []) {
            headers[key] = values.join(', ');
          }
          found.push({ seq, subject: stored.subject, body: Buffer.from(stored.data), headers });
        }
      }
      return found;
    },
    async delete() {
      await jsm.streams.delete(name).catch(() => undefined);
      await connection.close();
    },
  };
}

/** A nats-server of the test's own (its own port and storage folder), to stop and start without touching the shared one. */
export interface OwnNatsServer {
  url: string;
  start(): Promise<void>;
  /** Stops the server as an operator would (SIGTERM), and waits for it to exit. */
  stop(): Promise<void>;
  /** Stops it and removes its storage. */
  dispose(): Promise<void>;
}

export async function ownNatsServer(): Promise<OwnNatsServer> {
  const port = await freePort();
  const dir = await mkdtemp(path.join(tmpdir(), 'rh-nats-'));
  let child: ChildProcess | undefined;
  const listening = async (): Promise<boolean> =>
    new Promise((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port }, () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
  const server: OwnNatsServer = {
    url: `nats://127.0.0.1:${port}`,
    async start() {
      child = spawn(NATS_SERVER, ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', dir], { stdio: 'ignore' });
      for (let i = 0; i < 200 && !(await listening()); i += 1) {
        await setTimeout(50);
      }
    },
    async stop() {
      const running = child;
      child = undefined;
      if (running === undefined || running.exitCode !== null) {
        return;
      }
      await new Promise<void>((resolve) => {
        running.once('exit', () => resolve());
        running.kill('SIGTERM');
      });
    },
    async dispose() {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}

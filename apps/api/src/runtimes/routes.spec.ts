import type { RuntimeBinding } from '@roundhouse/contracts';
import { describe, expect, it } from 'vitest';
import { SETTING_KEYS } from '../config/app.config.js';
import { RuntimeVariables } from '../config/runtime-variables.js';
import { OutboundGuard } from '../outbound/outbound-guard.js';
import { RUNTIME_ADAPTERS } from './registry.js';
import { RabbitMqRuntime } from './rabbitmq/rabbitmq.runtime.js';
import { Runtimes } from './routes.js';

const rabbit: RuntimeBinding = {
  kind: 'rabbitmq',
  queue: 'invoices.generate',
  deadLetterQueue: 'invoices.generate.dlq',
  exchange: 'finance',
  routingKey: 'deal.closed_won',
  connection: 'ROUNDHOUSE_RUNTIME_RABBITMQ_URL',
};
const webhook: RuntimeBinding = { kind: 'webhook', reprocessUrl: 'https://triage.example/reprocess', signingSecret: 'ROUNDHOUSE_RUNTIME_TRIAGE_SECRET' };

/** The registered adapters reading variables as this api does, from `env`, with `allowed` listed in ROUNDHOUSE_ALLOWED_RUNTIME_VARIABLES. */
const variables = (env: Record<string, string>, allowed: string[] = []) => {
  const read = new RuntimeVariables(allowed, SETTING_KEYS, env);
  return new Runtimes(RUNTIME_ADAPTERS.map((Adapter) => new Adapter(read, OutboundGuard.fromSetting(undefined))));
};
/** Why nothing is sent: dispatching to a binding that cannot be sent to answers why, and sends nothing. */
const refusedTarget = (runtimes: Runtimes, route: 'rabbitmq' | 'webhook', runtime: RuntimeBinding) => runtimes.dispatcher(route)?.dispatch(runtime, 'q', []);

describe(Runtimes.name, () => {
  it('sends a message back through the broker it came from when this api can reach it', () => {
    expect(variables({ ROUNDHOUSE_RUNTIME_RABBITMQ_URL: 'amqp://broker' }).route('reprocess', rabbit, 'rabbitmq')).toBe('rabbitmq');
  });

  it('leaves it for the SDK to pull, and says so, when the broker is out of reach', () => {
    expect(variables({}).route('reprocess', rabbit, 'rabbitmq')).toBe('sdk');
    expect(variables({}).routeWarning('sdk', rabbit)).toMatch(/ROUNDHOUSE_RUNTIME_RABBITMQ_URL is not set here/);
  });

  it('posts to the webhook, and warns before anything is sent when it cannot be signed', async () => {
    expect(variables({}).route('reprocess', webhook, 'webhook')).toBe('webhook');
    // The person confirming sees where it goes, never the URL's credentials or query (they may be the webhook's token).
    expect(variables({}).describeRoute('webhook', { ...webhook, reprocessUrl: 'https://hook:pa55@triage.example/reprocess?token=t0k' })).toBe(
      'POSTed, signed, to https://triage.example/reprocess',
    );
    expect(variables({}).routeWarning('webhook', webhook)).toMatch(/ROUNDHOUSE_RUNTIME_TRIAGE_SECRET is not set/);
    expect(variables({ ROUNDHOUSE_RUNTIME_TRIAGE_SECRET: 's3cret' }).routeWarning('webhook', webhook)).toBeNull();
    expect(await refusedTarget(variables({}), 'webhook', webhook)).toMatch(/cannot sign/);
  });

  it('never reads a variable a catalog may not name, even when it is set, and says so before and at sending', async () => {
    const session: RuntimeBinding = { ...webhook, signingSecret: 'ROUNDHOUSE_SESSION_SECRET' };
    const env = { ROUNDHOUSE_SESSION_SECRET: 'the-session-secret-0123456789abcdef', RABBITMQ_URL: 'amqp://guest:guest@broker' };
    const sentence = "the runtime binding's signingSecret names a variable catalogs may not name (ROUNDHOUSE_SESSION_SECRET, one of Roundhouse's own settings), so it was not read";
    expect(await refusedTarget(variables(env, ['RABBITMQ_URL']), 'webhook', session)).toBe(`cannot sign: ${sentence}`);
    expect(variables(env).routeWarning('webhook', session)).toBe(`Nothing will be sent: ${sentence}.`);

    // A broker binding keeps its route and fails saying why, rather than waiting silently for an SDK that may never pull.
    const unlisted: RuntimeBinding = { ...rabbit, connection: 'RABBITMQ_URL' };
    expect(variables(env).route('reprocess', unlisted, 'rabbitmq')).toBe('rabbitmq');
    expect(await refusedTarget(variables(env), 'rabbitmq', unlisted)).toBe(
      "the runtime binding's connection names a variable catalogs may not name (RABBITMQ_URL, which neither starts with ROUNDHOUSE_RUNTIME_ nor is listed in ROUNDHOUSE_ALLOWED_RUNTIME_VARIABLES), so it was not read",
    );
    expect((variables(env, ['RABBITMQ_URL']).adapter('rabbitmq') as RabbitMqRuntime).target(unlisted)).toMatchObject({ kind: 'rabbitmq', url: 'amqp://guest:guest@broker' });
  });

  it('discards without a route to anywhere', () => {
    expect(variables({ ROUNDHOUSE_RUNTIME_RABBITMQ_URL: 'amqp://broker' }).route('discard', rabbit, 'rabbitmq')).toBe('discard');
  });
});

import type { RuntimeBinding } from '@roundhouse/contracts';
import { describe, expect, it } from 'vitest';
import { SETTING_KEYS } from '../config/app.config.js';
import { RuntimeVariables } from '../config/runtime-variables.js';
import { describeRoute, routeFor, routeWarning, targetFor } from './reprocess-routes.js';

const rabbit: RuntimeBinding = { kind: 'rabbitmq', queue: 'invoices.generate', deadLetterQueue: 'invoices.generate.dlq', exchange: 'finance', routingKey: 'deal.closed_won', connection: 'ROUNDHOUSE_RUNTIME_RABBITMQ_URL' };
const webhook: RuntimeBinding = { kind: 'webhook', reprocessUrl: 'https://triage.example/reprocess', signingSecret: 'ROUNDHOUSE_RUNTIME_TRIAGE_SECRET' };

/** The variables as this api reads them, from `env`, with `allowed` listed in ROUNDHOUSE_ALLOWED_RUNTIME_VARIABLES. */
const variables = (env: Record<string, string>, allowed: string[] = []) => new RuntimeVariables(allowed, SETTING_KEYS, env);

describe(routeFor.name, () => {
  it('sends a message back through the broker it came from when this api can reach it', () => {
    expect(routeFor('reprocess', rabbit, 'rabbitmq', variables({ ROUNDHOUSE_RUNTIME_RABBITMQ_URL: 'amqp://broker' }))).toBe('rabbitmq');
  });

  it('leaves it for the SDK to pull, and says so, when the broker is out of reach', () => {
    expect(routeFor('reprocess', rabbit, 'rabbitmq', variables({}))).toBe('sdk');
    expect(routeWarning('sdk', rabbit, variables({}))).toMatch(/ROUNDHOUSE_RUNTIME_RABBITMQ_URL is not set here/);
  });

  it('posts to the webhook, and warns before anything is sent when it cannot be signed', () => {
    expect(routeFor('reprocess', webhook, 'webhook', variables({}))).toBe('webhook');
    // The person confirming sees where it goes, never the URL's credentials or query (they may be the webhook's token).
    expect(describeRoute('webhook', { ...webhook, reprocessUrl: 'https://hook:pa55@triage.example/reprocess?token=t0k' })).toBe('POSTed, signed, to https://triage.example/reprocess');
    expect(routeWarning('webhook', webhook, variables({}))).toMatch(/ROUNDHOUSE_RUNTIME_TRIAGE_SECRET is not set/);
    expect(routeWarning('webhook', webhook, variables({ ROUNDHOUSE_RUNTIME_TRIAGE_SECRET: 's3cret' }))).toBeNull();
    expect(targetFor('webhook', webhook, variables({}))).toMatch(/cannot sign/);
  });

  it('never reads a variable a catalog may not name, even when it is set, and says so before and at sending', () => {
    const session: RuntimeBinding = { ...webhook, signingSecret: 'ROUNDHOUSE_SESSION_SECRET' };
    const env = { ROUNDHOUSE_SESSION_SECRET: 'the-session-secret-0123456789abcdef', RABBITMQ_URL: 'amqp://guest:guest@broker' };
    const sentence = "the runtime binding's signingSecret names a variable catalogs may not name (ROUNDHOUSE_SESSION_SECRET, one of Roundhouse's own settings), so it was not read";
    expect(targetFor('webhook', session, variables(env, ['RABBITMQ_URL']))).toBe(`cannot sign: ${sentence}`);
    expect(routeWarning('webhook', session, variables(env))).toBe(`Nothing will be sent: ${sentence}.`);

    // A broker binding keeps its route and fails saying why, rather than waiting silently for an SDK that may never pull.
    const unlisted: RuntimeBinding = { ...rabbit, connection: 'RABBITMQ_URL' };
    expect(routeFor('reprocess', unlisted, 'rabbitmq', variables(env))).toBe('rabbitmq');
    expect(targetFor('rabbitmq', unlisted, variables(env))).toBe(
      "the runtime binding's connection names a variable catalogs may not name (RABBITMQ_URL, which neither starts with ROUNDHOUSE_RUNTIME_ nor is listed in ROUNDHOUSE_ALLOWED_RUNTIME_VARIABLES), so it was not read",
    );
    expect(targetFor('rabbitmq', unlisted, variables(env, ['RABBITMQ_URL']))).toMatchObject({ kind: 'rabbitmq', url: 'amqp://guest:guest@broker' });
  });

  it('discards without a route to anywhere', () => {
    expect(routeFor('discard', rabbit, 'rabbitmq', variables({ ROUNDHOUSE_RUNTIME_RABBITMQ_URL: 'amqp://broker' }))).toBe('discard');
  });
});

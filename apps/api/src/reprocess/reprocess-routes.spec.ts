import type { RuntimeBinding } from '@roundhouse/contracts';
import { describe, expect, it } from 'vitest';
import { routeFor, routeWarning, targetFor } from './reprocess-routes.js';

const rabbit: RuntimeBinding = { kind: 'rabbitmq', queue: 'invoices.generate', deadLetterQueue: 'invoices.generate.dlq', exchange: 'finance', routingKey: 'deal.closed_won', connection: 'RABBITMQ_URL' };
const webhook: RuntimeBinding = { kind: 'webhook', reprocessUrl: 'https://triage.example/reprocess', signingSecret: 'TRIAGE_SECRET' };

describe(routeFor.name, () => {
  it('sends a message back through the broker it came from when this api can reach it', () => {
    expect(routeFor('reprocess', rabbit, 'rabbitmq', { RABBITMQ_URL: 'amqp://broker' })).toBe('rabbitmq');
  });

  it('leaves it for the SDK to pull, and says so, when the broker is out of reach', () => {
    expect(routeFor('reprocess', rabbit, 'rabbitmq', {})).toBe('sdk');
    expect(routeWarning('sdk', rabbit, {})).toMatch(/RABBITMQ_URL is not set here/);
  });

  it('posts to the webhook, and warns before anything is sent when it cannot be signed', () => {
    expect(routeFor('reprocess', webhook, 'webhook', {})).toBe('webhook');
    expect(routeWarning('webhook', webhook, {})).toMatch(/TRIAGE_SECRET is not set/);
    expect(routeWarning('webhook', webhook, { TRIAGE_SECRET: 's3cret' })).toBeNull();
    expect(targetFor('webhook', webhook, {})).toMatch(/cannot sign/);
  });

  it('discards without a route to anywhere', () => {
    expect(routeFor('discard', rabbit, 'rabbitmq', { RABBITMQ_URL: 'amqp://broker' })).toBe('discard');
  });
});

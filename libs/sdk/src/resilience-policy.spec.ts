import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { AUTOMATION, harness, receivedEvents, useFakeIngestApi } from '../test/client-harness.js';
import { createResiliencePolicy } from './resilience-policy.js';

useFakeIngestApi();

describe(createResiliencePolicy.name, () => {
  it('reports the policy’s retries, circuit opening, half-opening and closing as resilience events', async () => {
    const { client } = harness();
    const netsuite = client.resilience(AUTOMATION, 'netsuite', {
      retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1 },
      circuitBreaker: { threshold: 3, halfOpenAfterMs: 30 },
    });
    let calls = 0;
    const failing = (): Promise<string> => {
      calls += 1;
      return Promise.reject(new Error('NetSuite is down'));
    };

    await expect(netsuite.execute(failing)).rejects.toThrow('NetSuite is down');
    await expect(netsuite.execute(failing)).rejects.toThrow(/circuit/i); // open: refused, and not retried
    expect(calls).toBe(3);
    await delay(50);
    await expect(netsuite.execute(() => 'ok')).resolves.toBe('ok');
    await client.flush();

    const signals = receivedEvents().map((event) => (event.type === 'resilience' ? `${event.signal}:${event.dependency}` : event.type));
    expect(signals).toEqual(['retry:netsuite', 'retry:netsuite', 'circuit_open:netsuite', 'circuit_half_open:netsuite', 'circuit_close:netsuite']);
  });

  it('reports a timeout and aborts the call’s signal', async () => {
    const { client } = harness();
    const crm = client.resilience(AUTOMATION, 'salesforce', { retry: false, circuitBreaker: false, timeoutMs: 10 });
    let aborted = false;

    const call = crm.execute(
      ({ signal }) =>
        new Promise<void>(() => {
          signal.addEventListener('abort', () => (aborted = true)); // a call that hangs
        }),
    );
    await expect(call).rejects.toThrow('Operation timed out after 10ms');
    await client.flush();

    expect(aborted).toBe(true);
    expect(receivedEvents()).toEqual([expect.objectContaining({ type: 'resilience', signal: 'timeout', dependency: 'salesforce', automation: AUTOMATION })]);
  });
});

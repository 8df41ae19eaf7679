import { randomUUID } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DispatchMessage, WebhookTarget } from '../runtimes/dispatcher.js';
import { WebhookDispatcher } from '../runtimes/webhook/webhook-dispatcher.js';
import { OutboundGuard, type Resolver } from './outbound-guard.js';

const REFUSED = 'Roundhouse sends webhooks only to public addresses unless ROUNDHOUSE_OUTBOUND_ALLOW names the host or its range';

function command(): DispatchMessage {
  return {
    reprocessId: randomUUID(),
    requestId: 'rq-1',
    automation: 'ticket-triage',
    deadLetterId: 'dl-1',
    messageId: 'm-1',
    issuedAt: new Date().toISOString(),
    source: { kind: 'webhook', queue: 'triage' },
    payload: { ticket: 4711 },
    body: { base64: Buffer.from(JSON.stringify({ ticket: 4711 })).toString('base64'), contentType: 'application/json' },
    headers: {},
  };
}

/** A listener on 127.0.0.1 that counts what reaches it and answers with `answer`. */
async function listener(answer: (response: ServerResponse) => void): Promise<{ server: Server; port: number; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((request, response) => {
    hits.push(`${request.method ?? ''} ${request.url ?? ''}`);
    request.resume();
    request.on('end', () => answer(response));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, hits };
}

/** A resolver for names no real DNS holds: each call answers the next of `answers` (the last one repeats). */
function scripted(answers: string[][]): Resolver & { calls: string[] } {
  const calls: string[] = [];
  const resolver = (hostname: string) => {
    const answer = answers[Math.min(calls.length, answers.length - 1)] ?? [];
    calls.push(hostname);
    return Promise.resolve(answer.map((address) => ({ address, family: address.includes(':') ? (6 as const) : (4 as const) })));
  };
  return Object.assign(resolver, { calls });
}

describe('outbound webhooks through the guard', () => {
  let internal: Awaited<ReturnType<typeof listener>>;
  let redirecting: Awaited<ReturnType<typeof listener>>;

  beforeAll(async () => {
    // An internal service a webhook must not reach: a loopback listener answering 200 to anyone.
    internal = await listener((response) => response.writeHead(200).end('internal secrets'));
    // A receiver that sends every delivery on to the internal service.
    redirecting = await listener((response) => response.writeHead(302, { location: `http://127.0.0.1:${internal.port}/latest/meta-data/iam` }).end());
  });

  beforeEach(() => {
    internal.hits.splice(0);
    redirecting.hits.splice(0);
  });

  afterAll(async () => {
    await new Promise((resolve) => internal.server.close(resolve));
    await new Promise((resolve) => redirecting.server.close(resolve));
  });

  it('refuses a loopback webhook unless ROUNDHOUSE_OUTBOUND_ALLOW names it, without showing the URL’s credentials or query', async () => {
    const target: WebhookTarget = { kind: 'webhook', url: `http://hook-user:hook-pass@127.0.0.1:${internal.port}/reprocess?token=tok-123`, secret: 'whsec_x' };
    const message = command();

    const refused = await new WebhookDispatcher(OutboundGuard.fromSetting(undefined)).dispatch(target, [message]);

    expect(refused).toEqual([{ reprocessId: message.reprocessId, result: 'rejected', error: `webhook not sent: 127.0.0.1, a loopback address: ${REFUSED}` }]);
    expect(JSON.stringify(refused)).not.toMatch(/hook-pass|tok-123|reprocess\?/);
    expect(internal.hits).toEqual([]);

    const allowed = await new WebhookDispatcher(OutboundGuard.fromSetting('127.0.0.0/8')).dispatch(target, [message]);
    expect(allowed).toEqual([{ reprocessId: message.reprocessId, result: 'confirmed' }]);
    expect(internal.hits).toEqual(['POST /reprocess?token=tok-123']);
  });

  it('refuses a host name that resolves to a loopback, private or metadata address, and connects to nothing', async () => {
    const system = new WebhookDispatcher(OutboundGuard.fromSetting(undefined));
    const [localhost] = await system.dispatch({ kind: 'webhook', url: `http://localhost:${internal.port}/reprocess`, secret: 'whsec_x' }, [command()]);
    expect(localhost).toMatchObject({
      result: 'rejected',
      error: expect.stringMatching(/^webhook not sent: localhost resolves to (127\.0\.0\.1|::1), a loopback address: /) as unknown,
    });

    const resolver = scripted([['93.184.216.34', '10.20.0.7']]);
    const [privateAnswer] = await new WebhookDispatcher(new OutboundGuard({ hosts: new Set(), ranges: [] }, resolver)).dispatch(
      { kind: 'webhook', url: `http://payments.internal.example:${internal.port}/reprocess`, secret: 'whsec_x' },
      [command()],
    );
    expect(privateAnswer).toMatchObject({
      result: 'rejected',
      error: `webhook not sent: payments.internal.example resolves to 10.20.0.7, a private (RFC 1918) address: ${REFUSED}`,
    });

    const metadata = scripted([['::ffff:169.254.169.254']]);
    const [mapped] = await new WebhookDispatcher(new OutboundGuard({ hosts: new Set(), ranges: [] }, metadata)).dispatch(
      { kind: 'webhook', url: 'https://metadata.example/latest', secret: 'whsec_x' },
      [command()],
    );
    expect(mapped).toMatchObject({ result: 'rejected', error: expect.stringContaining('metadata.example resolves to ::ffff:169.254.169.254, a link-local address') as unknown });
    expect(internal.hits).toEqual([]);
  });

  it('connects to the address it checked: a name that resolves elsewhere on the next lookup (DNS rebinding) never reaches the internal service', async () => {
    // 127.0.0.2 stands for a public address (allowed here; tests reach no internet), where nothing listens.
    // A second lookup, as a check-then-fetch would make, answers the internal service on 127.0.0.1.
    const resolver = scripted([['127.0.0.2'], ['127.0.0.1']]);
    const guard = OutboundGuard.fromSetting('127.0.0.2', resolver);
    const target: WebhookTarget = { kind: 'webhook', url: `http://rebind.example:${internal.port}/reprocess`, secret: 'whsec_x' };
    const dispatcher = new WebhookDispatcher(guard);

    const [first] = await dispatcher.dispatch(target, [command()]);
    expect(first).toMatchObject({ result: 'retry', error: expect.stringContaining(`ECONNREFUSED 127.0.0.2:${internal.port}`) as unknown });
    expect(resolver.calls).toEqual(['rebind.example']);

    const [second] = await dispatcher.dispatch(target, [command()]);
    expect(second).toMatchObject({ result: 'rejected', error: `webhook not sent: rebind.example resolves to 127.0.0.1, a loopback address: ${REFUSED}` });
    expect(internal.hits).toEqual([]);
  });

  it('does not follow a redirect, even to an address it may reach, and says so', async () => {
    const dispatcher = new WebhookDispatcher(OutboundGuard.fromSetting('127.0.0.1'));
    const message = command();

    const outcomes = await dispatcher.dispatch({ kind: 'webhook', url: `http://127.0.0.1:${redirecting.port}/reprocess`, secret: 'whsec_x' }, [message]);

    expect(outcomes).toEqual([
      { reprocessId: message.reprocessId, result: 'rejected', error: 'webhook answered 302 Found: redirects are not followed; give the URL it redirects to' },
    ]);
    expect(redirecting.hits).toEqual(['POST /reprocess']);
    expect(internal.hits).toEqual([]);
  });
});

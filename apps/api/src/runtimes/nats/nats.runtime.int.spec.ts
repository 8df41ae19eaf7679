import { afterAll, describe, expect, it } from 'vitest';
import { createTestStream, type TestStream } from '../../../test/jetstream.js';
import { SETTING_KEYS } from '../../config/app.config.js';
import { RuntimeVariables } from '../../config/runtime-variables.js';
import { OutboundGuard } from '../../outbound/outbound-guard.js';
import { NatsRuntime } from './nats.runtime.js';

const NATS_URL = process.env.NATS_URL;
if (NATS_URL === undefined) {
  process.stderr.write('NATS JetStream adapter suite skipped: NATS_URL is not set (.ci/run sets it and starts nats-server).\n');
}

describe.skipIf(NATS_URL === undefined)(NatsRuntime.name, () => {
  const streams: TestStream[] = [];
  const runtime = new NatsRuntime(new RuntimeVariables([], SETTING_KEYS, { ROUNDHOUSE_RUNTIME_TEST_NATS_URL: NATS_URL ?? '' }), OutboundGuard.fromSetting(undefined));

  afterAll(async () => {
    await runtime.dispatcher.close();
    await Promise.all(streams.map((s) => s.delete()));
  });

  it('reports a stream’s limits and what they mean, without a deadline: a collected failure is Roundhouse’s copy', async () => {
    const stream = await createTestStream(NATS_URL ?? '', { retention: 'workqueue', duplicateWindowMs: 60_000 });
    streams.push(stream);
    const binding = { kind: 'nats' as const, stream: stream.name, consumer: stream.consumer, connection: 'ROUNDHOUSE_RUNTIME_TEST_NATS_URL' };
    const retention = await runtime.retention(binding, null);
    expect(retention).toMatchObject({ keeper: 'roundhouse', maxAgeMs: null, maxCount: null });
    expect(retention.summary).toContain(`stream "${stream.name}": JetStream workqueue retention, no age or size limit; duplicate window 1 min`);
    expect(retention.summary).toMatch(/terminates is removed at once/);

    expect(runtime.describeRoute(binding)).toBe(
      `republished to NATS JetStream (stream "${stream.name}", each message on the subject it was first published to; a repeat within the stream's duplicate window is dropped)`,
    );
    expect(runtime.delivers(binding, 'nats')).toBe(true);
    expect(runtime.warning('own', binding)).toBeNull();
    expect(runtime.warning('own', { ...binding, consumer: undefined })).toBe('The binding names no consumer, so the messages its consumer gives up on are not collected.');
    expect(runtime.warning('sdk', { ...binding, connection: 'ROUNDHOUSE_RUNTIME_OTHER_NATS_URL' })).toMatch(/ROUNDHOUSE_RUNTIME_OTHER_NATS_URL is not set here/);
  });
});

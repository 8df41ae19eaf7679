import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { PinoNestLogger, createLogger, prettyDestination, requestLogLevel } from './logger.js';

function collect(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

describe(createLogger.name, () => {
  it('writes one JSON object a line by default', () => {
    const out = collect();
    createLogger('info', out.stream).info({ catalog: { applied: 10 } }, 'catalog applied');
    const line = JSON.parse(out.text().trim()) as Record<string, unknown>;
    expect(line).toMatchObject({ level: 30, msg: 'catalog applied', catalog: { applied: 10 }, service: 'roundhouse-api' });
  });

  it('writes readable lines with LOG_FORMAT=pretty: time, level, message and fields, secrets still redacted', async () => {
    const out = collect();
    const log = createLogger('info', await prettyDestination(out.stream));
    log.info({ dataDir: '.roundhouse/pg', token: 'rh_live_secret-value' }, 'embedded PostgreSQL started');
    const text = out.text();
    expect(text).toMatch(/^\[\d{2}:\d{2}:\d{2}\] INFO: embedded PostgreSQL started \{.*"dataDir":".roundhouse\/pg".*\}\n$/);
    expect(text).toContain('"token":"[redacted]"');
    expect(text).not.toContain('rh_live_secret-value');
    expect(text).not.toContain('"level"');
  });
});

describe(requestLogLevel.name, () => {
  it('keeps requests that worked at debug, refused ones at info and failures at error', () => {
    expect(requestLogLevel(200, undefined)).toBe('debug');
    expect(requestLogLevel(204, undefined)).toBe('debug');
    expect(requestLogLevel(304, undefined)).toBe('debug');
    expect(requestLogLevel(401, undefined)).toBe('info');
    expect(requestLogLevel(429, undefined)).toBe('info');
    expect(requestLogLevel(500, undefined)).toBe('error');
    expect(requestLogLevel(200, new Error('socket hang up'))).toBe('error');
  });
});

describe(PinoNestLogger.name, () => {
  it('keeps Nest’s line per module and route out of the info level, and its other lines in', () => {
    const out = collect();
    const nest = new PinoNestLogger(createLogger('info', out.stream));
    nest.log('AutomationsModule dependencies initialized', 'InstanceLoader');
    nest.log('Mapped {/healthz, GET} route', 'RouterExplorer');
    nest.log('Nest application successfully started', 'NestApplication');
    nest.log('collector connected', 'RabbitMqCollector');
    expect(
      out
        .text()
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as { msg: string }).msg),
    ).toEqual(['collector connected']);
  });
});

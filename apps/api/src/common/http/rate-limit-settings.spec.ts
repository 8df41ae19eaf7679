import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/app.config.js';

describe('settings for replicas behind a balancer', () => {
  it('reads ROUNDHOUSE_TRUST_PROXY as hops or as addresses and ranges', () => {
    expect(loadConfig({ ROUNDHOUSE_TRUST_PROXY: '1' }).ROUNDHOUSE_TRUST_PROXY).toBe(1);
    expect(loadConfig({ ROUNDHOUSE_TRUST_PROXY: '10.0.0.0/8, loopback,192.0.2.7' }).ROUNDHOUSE_TRUST_PROXY).toEqual(['10.0.0.0/8', 'loopback', '192.0.2.7']);
    expect(loadConfig({}).ROUNDHOUSE_TRUST_PROXY).toBeUndefined();
  });

  it('refuses a balancer that is not an address, a range or a number of hops, naming the key', () => {
    expect(() => loadConfig({ ROUNDHOUSE_TRUST_PROXY: 'balancer.internal' })).toThrow(
      'Invalid configuration. ROUNDHOUSE_TRUST_PROXY is "balancer.internal": expected a number of hops, or addresses and ranges separated by commas (e.g. 10.0.0.0/8, loopback).',
    );
  });

  it('refuses a REDIS_URL that is not a Redis URL without showing it', () => {
    expect(() => loadConfig({ REDIS_URL: 'http://user:secret@cache:6379' })).toThrow('Invalid configuration. REDIS_URL is (hidden): expected a redis:// or rediss:// URL.');
  });
});

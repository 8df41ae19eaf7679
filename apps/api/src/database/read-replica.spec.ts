import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config/app.config.js';
import { ReadReplica } from './read-replica.js';

describe(ReadReplica.name, () => {
  it('needs DATABASE_URL beside DATABASE_REPLICA_URL, and never shows a wrong one', () => {
    expect(() => loadConfig({ DATABASE_REPLICA_URL: 'postgres://api@replica.internal/roundhouse' })).toThrow(
      new ConfigError('DATABASE_REPLICA_URL is set but DATABASE_URL is not: a read replica needs the primary it copies in DATABASE_URL (the embedded PostgreSQL has none).'),
    );
    expect(() => loadConfig({ DATABASE_URL: 'postgres://api@primary.internal/roundhouse', DATABASE_REPLICA_URL: 'mysql://api:hunter2@replica/roundhouse' })).toThrow(
      'DATABASE_REPLICA_URL is (hidden): expected a postgres:// URL',
    );
  });

  it('reads the primary when no replica is set, whatever the request', () => {
    const config = loadConfig({});
    expect(config.DATABASE_REPLICA_URL).toBeUndefined();
    expect(config.ROUNDHOUSE_REPLICA_LAG_NOTICE_SECONDS).toBe(30);
  });
});

import { describe, expect, it } from 'vitest';
import { ConfigError, SETTING_KEYS, loadConfig, runtimeVariablesOf } from './app.config.js';
import { RuntimeVariables } from './runtime-variables.js';

const SECRET = 'runtime-variables-test-secret-0123456789abcdef';

describe(RuntimeVariables.name, () => {
  const env = {
    ROUNDHOUSE_SESSION_SECRET: SECRET,
    ROUNDHOUSE_RUNTIME_TRIAGE_SECRET: 'whsec_triage',
    RABBITMQ_URL: 'amqp://guest:guest@broker',
    AWS_SECRET_ACCESS_KEY: 'aws-secret',
  };

  it('lets catalogs name variables with the runtimes’ prefix, and those the allow-list names', () => {
    const variables = runtimeVariablesOf(loadConfig({ ROUNDHOUSE_ALLOWED_RUNTIME_VARIABLES: 'RABBITMQ_URL, CRM_REDIS_URL' }), env);
    expect(variables.lookup('ROUNDHOUSE_RUNTIME_TRIAGE_SECRET')).toEqual({ state: 'set', value: 'whsec_triage' });
    expect(variables.lookup('RABBITMQ_URL')).toEqual({ state: 'set', value: 'amqp://guest:guest@broker' });
    expect(variables.lookup('CRM_REDIS_URL')).toEqual({ state: 'unset' });
    expect(variables.lookup('AWS_SECRET_ACCESS_KEY')).toEqual({
      state: 'refused',
      reason: 'AWS_SECRET_ACCESS_KEY, which neither starts with ROUNDHOUSE_RUNTIME_ nor is listed in ROUNDHOUSE_ALLOWED_RUNTIME_VARIABLES',
    });
  });

  it('never lets a catalog name one of Roundhouse’s own settings, whatever its prefix', () => {
    const variables = runtimeVariablesOf(loadConfig({}), env);
    for (const key of SETTING_KEYS) {
      expect(variables.refusal(key), key).toMatch(/Roundhouse's own settings/);
    }
    expect(variables.lookup('ROUNDHOUSE_SESSION_SECRET')).toEqual({ state: 'refused', reason: "ROUNDHOUSE_SESSION_SECRET, one of Roundhouse's own settings" });
    expect(variables.refusal('DATABASE_PASSWORD')).toBe("reserved for Roundhouse's own settings (DATABASE_*)");
    expect(variables.refusal('PGPASSWORD')).toBe("reserved for Roundhouse's own settings (PG*)");
    expect(variables.refusal('NODE_OPTIONS')).toBe("reserved for Roundhouse's own settings (NODE_*)");
    expect(variables.refusal('ROUNDHOUSE_ACCOUNT_PASSWORD')).toBe("reserved for Roundhouse's own settings (ROUNDHOUSE_* other than ROUNDHOUSE_RUNTIME_*)");
  });

  it('stops start-up when the allow-list names one of Roundhouse’s own settings, or something that is no variable name', () => {
    expect(() => loadConfig({ ROUNDHOUSE_ALLOWED_RUNTIME_VARIABLES: 'RABBITMQ_URL,ROUNDHOUSE_SESSION_SECRET' })).toThrow(
      new ConfigError(
        "Invalid configuration. ROUNDHOUSE_ALLOWED_RUNTIME_VARIABLES: ROUNDHOUSE_SESSION_SECRET is one of Roundhouse's own settings, which catalogs may never name, listed or not: give the runtime a variable of its own (e.g. ROUNDHOUSE_RUNTIME_…) and list that, or none.",
      ),
    );
    expect(() => loadConfig({ ROUNDHOUSE_ALLOWED_RUNTIME_VARIABLES: 'DATABASE_URL' })).toThrow(/DATABASE_URL is one of Roundhouse's own settings/);
    expect(() => loadConfig({ ROUNDHOUSE_ALLOWED_RUNTIME_VARIABLES: 'PGPASSWORD' })).toThrow(/PGPASSWORD is reserved for Roundhouse's own settings \(PG\*\)/);
    expect(() => loadConfig({ ROUNDHOUSE_ALLOWED_RUNTIME_VARIABLES: 'rabbitmq-url' })).toThrow('"rabbitmq-url" is not an environment variable name');
  });
});

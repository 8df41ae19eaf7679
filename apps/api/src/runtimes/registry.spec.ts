import { RUNTIME_KINDS } from '@roundhouse/contracts';
import { describe, expect, it } from 'vitest';
import { SETTING_KEYS } from '../config/app.config.js';
import { RuntimeVariables } from '../config/runtime-variables.js';
import { OutboundGuard } from '../outbound/outbound-guard.js';
import { ROUTES } from '../reprocess/reprocess.types.js';
import { RUNTIME_ADAPTERS } from './registry.js';
import type { RuntimeAdapter } from './runtime-adapter.js';

const adapters: RuntimeAdapter[] = RUNTIME_ADAPTERS.map((Adapter) => new Adapter(new RuntimeVariables([], SETTING_KEYS, {}), OutboundGuard.fromSetting(undefined)));

describe('the runtime registry', () => {
  it('has exactly one adapter for each runtime kind the contract accepts in a catalog', () => {
    const kinds = RUNTIME_ADAPTERS.map((Adapter) => Adapter.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
    expect([...kinds].sort()).toEqual([...RUNTIME_KINDS].sort());
  });

  it('builds adapters that serve the kind they are registered as', () => {
    expect(adapters.map((adapter) => adapter.kind)).toEqual(RUNTIME_ADAPTERS.map((Adapter) => Adapter.kind));
  });

  it('has a reprocess route for every kind that sends messages back itself', () => {
    const sending = adapters.filter((adapter) => adapter.dispatcher !== undefined).map((adapter) => adapter.kind);
    expect(sending.length).toBeGreaterThan(0);
    expect(ROUTES).toEqual(expect.arrayContaining([...sending, 'sdk', 'discard']));
  });
});

import { describe, expect, it } from 'vitest';
import { errorFingerprint, normalizeErrorMessage } from './fingerprint.js';

describe(normalizeErrorMessage.name, () => {
  it.each([
    ['NetSuite rejected invoice INV-4711 for "Acme GmbH": amount 12.50 EUR', 'NetSuite rejected invoice <id> for <value>: amount <n> EUR'],
    ['customer 0193a6f2-6d1c-7c3e-9b8a-3f1d2c4b5a69 has no billing address', 'customer <uuid> has no billing address'],
    ['bounce from jane.doe@acme.example after 3 tries', 'bounce from <email> after <n> tries'],
    ['GET https://api.clearbit.example/v2/companies?domain=acme.io answered 429', 'GET <url> answered <n>'],
    ['lock 5f2b9c0e7a1d44aa held', 'lock <hex> held'],
  ])('%s', (message, normalized) => {
    expect(normalizeErrorMessage(message)).toBe(normalized);
  });
});

describe(errorFingerprint.name, () => {
  const base = { automation: 'invoice-generation', sourceKind: 'rabbitmq', sourceQueue: 'invoices.generate.dlq', errorClass: 'ValidationError' };

  it('groups the same failure on different records together', () => {
    expect(errorFingerprint({ ...base, errorMessage: 'customer 4711 has no billing address' })).toBe(
      errorFingerprint({ ...base, errorMessage: 'customer 99 has no billing address' }),
    );
  });

  it('keeps different failures, classes and sources apart', () => {
    const one = errorFingerprint({ ...base, errorMessage: 'customer 4711 has no billing address' });
    expect(errorFingerprint({ ...base, errorMessage: 'tax code missing' })).not.toBe(one);
    expect(errorFingerprint({ ...base, errorClass: 'TimeoutError', errorMessage: 'customer 4711 has no billing address' })).not.toBe(one);
    expect(errorFingerprint({ ...base, sourceQueue: 'other.dlq', errorMessage: 'customer 4711 has no billing address' })).not.toBe(one);
  });
});

import { describe, expect, it } from 'vitest';
import { clashFound, serviceNameClashes } from './otlp-service-names.js';

describe(serviceNameClashes.name, () => {
  it('finds each service.name two automations name, and only those', () => {
    const clashes = serviceNameClashes([
      { slug: 'payout-reconciliation', serviceName: 'finance-worker' },
      { slug: 'invoice-generation', serviceName: 'finance-worker' },
      { slug: 'dunning-reminders', serviceName: 'dunning-mailer' },
      { slug: 'crm-enrichment', serviceName: undefined },
      { slug: 'order-fulfillment', serviceName: undefined },
    ]);
    expect(clashes).toEqual([{ serviceName: 'finance-worker', slugs: ['invoice-generation', 'payout-reconciliation'] }]);
    expect(clashFound(clashes[0]!)).toBe('"finance-worker", named by the runtime bindings of both invoice-generation and payout-reconciliation');
  });

  it('counts an automation listed twice (a file and its stored row) once', () => {
    expect(
      serviceNameClashes([
        { slug: 'invoice-generation', serviceName: 'billing' },
        { slug: 'invoice-generation', serviceName: 'billing' },
      ]),
    ).toEqual([]);
  });

  it('names every automation when three share a service.name', () => {
    const [clash] = serviceNameClashes(['c', 'a', 'b'].map((slug) => ({ slug, serviceName: 'shared' })));
    expect(clashFound(clash!)).toBe('"shared", named by the runtime bindings of all of a, b and c');
  });
});

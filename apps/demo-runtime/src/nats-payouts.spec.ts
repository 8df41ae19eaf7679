import { describe, expect, it } from 'vitest';
import { handlingOf } from './nats-payouts.js';

describe(handlingOf.name, () => {
  it('terminates an event with a schema the parser does not know, retries one NetSuite timed out on, books the rest', () => {
    expect(handlingOf({ schemaVersion: 2, netsuiteDown: false }, false)).toBe('terminate');
    expect(handlingOf({ schemaVersion: 1, netsuiteDown: true }, false)).toBe('retry');
    expect(handlingOf({ schemaVersion: 1, netsuiteDown: false }, false)).toBe('book');
  });

  it('books a reprocessed event: the fix is deployed', () => {
    expect(handlingOf({ schemaVersion: 2, netsuiteDown: true }, true)).toBe('book');
  });
});

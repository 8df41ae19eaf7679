import { describe, expect, it } from 'vitest';
import { MASK, maskPayload } from './mask-payload.js';

describe(maskPayload.name, () => {
  const payload = { payoutId: 'po_1', beneficiary: { name: 'Acme', iban: 'DE89370400440532013000' }, lines: [{ iban: 'FR14', amount: 10 }, { amount: 5 }] };

  it('masks the fields the automation marks sensitive, in objects and lists', () => {
    const { payload: masked, masked: changed } = maskPayload(payload, ['beneficiary.iban', 'lines.*.iban']);
    expect(masked).toEqual({ payoutId: 'po_1', beneficiary: { name: 'Acme', iban: MASK }, lines: [{ iban: MASK, amount: 10 }, { amount: 5 }] });
    expect(changed).toBe(true);
  });

  it('leaves payloads without those fields alone and says nothing was masked', () => {
    expect(maskPayload(payload, ['customer.email'])).toEqual({ payload, masked: false });
    expect(maskPayload('plain text body', ['customer.email'])).toEqual({ payload: 'plain text body', masked: false });
  });
});

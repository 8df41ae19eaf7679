import { describe, expect, it } from 'vitest';
import { slugify, toCsv } from './csv';

describe(toCsv.name, () => {
  it('writes a header row and one line per row, CRLF line ends, numbers plainly and empty cells for no data', () => {
    expect(
      toCsv(
        ['Automation', 'After (hours)', 'Partial data'],
        [
          ['Invoice generation', 8.06, false],
          ['Payout reconciliation', null, true],
        ],
      ),
    ).toBe('Automation,After (hours),Partial data\r\nInvoice generation,8.06,no\r\nPayout reconciliation,,yes\r\n');
    expect(toCsv(['Amount'], [[1_234_567.5], [Number.NaN], [undefined]])).toBe('Amount\r\n1234567.5\r\n\r\n\r\n');
  });

  it('quotes fields with commas, quotes, line breaks or edge spaces, doubling the quotes inside', () => {
    expect(toCsv(['Note'], [['Median, Q1 2026'], ['the "before"'], ['line one\nline two'], [' padded']])).toBe(
      'Note\r\n"Median, Q1 2026"\r\n"the ""before"""\r\n"line one\nline two"\r\n" padded"\r\n',
    );
  });

  it('keeps a spreadsheet from running text as a formula, but leaves negative numbers alone', () => {
    expect(
      toCsv(
        ['Text', 'Number'],
        [
          ['=HYPERLINK("x")', -17.94],
          ['@SUM(A1)', 0],
        ],
      ),
    ).toBe('Text,Number\r\n"\'=HYPERLINK(""x"")",-17.94\r\n\'@SUM(A1),0\r\n');
  });
});

describe(slugify.name, () => {
  it('turns a panel title into a file-name part', () => {
    expect(slugify('Are the promises kept?')).toBe('are-the-promises-kept');
    expect(slugify('Days customers take to pay (DSO)')).toBe('days-customers-take-to-pay-dso');
    expect(slugify('Réconciliation – €')).toBe('reconciliation');
    expect(slugify('???')).toBe('panel');
  });
});

import { describe, expect, it } from 'vitest';
import { csvLine, exportFileName } from './audit-export.js';

describe(csvLine.name, () => {
  it.each([
    ['=HYPERLINK("http://evil.example")', `"'=HYPERLINK(""http://evil.example"")"`],
    ['+1 555 0100', "'+1 555 0100"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tindented', "'\tindented"],
    ['\rreturn', `"'\rreturn"`],
  ])('defuses %j so a spreadsheet shows it as text', (value, cell) => {
    expect(csvLine([value])).toBe(`${cell}\r\n`);
  });

  it('quotes separators, quotes and line breaks, and leaves plain text alone', () => {
    expect(csvLine(['Omar Owner', 'late, again', 'he said "no"', 'two\nlines', ''])).toBe('Omar Owner,"late, again","he said ""no""","two\nlines",\r\n');
  });
});

describe(exportFileName.name, () => {
  it('names the file by the UTC day', () => {
    expect(exportFileName('csv', new Date('2026-11-27T23:30:00Z'))).toBe('roundhouse-audit-2026-11-27.csv');
  });
});

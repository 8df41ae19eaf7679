import { describe, expect, it } from 'vitest';
import { csvCell, exportFileName } from './audit-export.js';

describe(csvCell.name, () => {
  it.each([
    ['=HYPERLINK("http://evil.example")', `"'=HYPERLINK(""http://evil.example"")"`],
    ['+1 555 0100', "'+1 555 0100"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tindented', "'\tindented"],
    ['\rreturn', `"'\rreturn"`],
  ])('defuses %j so a spreadsheet shows it as text', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('quotes separators, quotes and line breaks, and leaves plain text alone', () => {
    expect(csvCell('Omar Owner')).toBe('Omar Owner');
    expect(csvCell('late, again')).toBe('"late, again"');
    expect(csvCell('he said "no"')).toBe('"he said ""no"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });
});

describe(exportFileName.name, () => {
  it('names the file by the UTC day', () => {
    expect(exportFileName('csv', new Date('2026-11-27T23:30:00Z'))).toBe('roundhouse-audit-2026-11-27.csv');
  });
});

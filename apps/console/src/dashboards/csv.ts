import { stringify, type Options } from 'csv-stringify/browser/esm/sync';

/** One cell: text, a number (written plainly, never with thousands separators), a yes/no, or empty. */
export type CsvCell = string | number | boolean | null | undefined;

/**
 * RFC 4180 with CRLF line ends (csv-stringify). Text a spreadsheet would run as a formula (=, +, -,
 * @, tab or carriage return first) gets a leading apostrophe (CSV injection), negative numbers do
 * not; fields with a separator, quote, line break or an edge space are quoted.
 */
const CSV_OPTIONS: Options = {
  record_delimiter: 'windows',
  quote_record_delimiter: true, // a lone \n or \r in a cell too, not only CRLF
  escape_formulas: true,
  quoted_match: [/^\s/, /\s$/],
  cast: {
    boolean: (value) => (value ? 'yes' : 'no'),
    number: (value) => (Number.isFinite(value) ? String(value) : ''),
  },
};

/** A header row, then one line per row; empty cells where there is no data. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return stringify([header, ...rows], CSV_OPTIONS);
}

/** "Are the promises kept?" → "are-the-promises-kept". */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'panel';
}

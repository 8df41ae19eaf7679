import { InputError } from '../errors/domain-errors.js';

/** Refuses a page size outside 1..max with an error naming `first`. */
export function checkPageSize(first: number, max: number): void {
  if (!Number.isInteger(first) || first < 1 || first > max) {
    throw new InputError(`first must be between 1 and ${max}.`, [{ path: 'first', message: `a whole number from 1 to ${max}` }]);
  }
}

/** An opaque keyset cursor: the listing-order values of the last row on a page. */
export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/**
 * The values in a cursor this API gave out, checked by `read` (which returns undefined for a
 * shape it does not expect). Anything else is an input error on `after`.
 */
export function decodeCursor<T>(cursor: string, read: (values: unknown[]) => T | undefined): T {
  let position: T | undefined;
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    position = Array.isArray(values) ? read(values) : undefined;
  } catch {
    position = undefined;
  }
  if (position === undefined) {
    throw new InputError('The cursor is not one this API gave out.', [{ path: 'after', message: 'use pageInfo.endCursor from a previous page' }]);
  }
  return position;
}

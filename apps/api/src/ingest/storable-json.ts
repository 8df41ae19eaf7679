/** How deep arrays and objects may nest in one event; real telemetry stays far below. */
export const INGEST_MAX_NESTING = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/** Where the string that opens at `open` (its quote) closes: the next quote not escaped by an odd run of backslashes, or -1. */
function closingQuote(text: string, open: number): number {
  let quote = text.indexOf('"', open + 1);
  while (quote !== -1) {
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) {
      backslashes += 1;
    }
    if (backslashes % 2 === 0) {
      return quote;
    }
    quote = text.indexOf('"', quote + 1);
  }
  return -1;
}

/**
 * The deepest nesting of arrays and objects in JSON text (strings skipped), found without parsing
 * so that a body of a million `[` is refused before anything recurses over it. With `perLine`,
 * each line (NDJSON) is counted on its own, a line ending any string left open. It reads
 * character codes and jumps over strings: it runs over every byte of every ingest body.
 */
export function deepestNesting(text: string, perLine: boolean): number {
  let depth = 0;
  let deepest = 0;
  let lineEnd = perLine ? text.indexOf('\n') : -1;
  const length = text.length;
  for (let i = 0; i < length; i += 1) {
    if (i === lineEnd) {
      depth = 0;
      lineEnd = text.indexOf('\n', i + 1);
      continue;
    }
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      const close = closingQuote(text, i);
      const end = close === -1 ? length : close;
      // A string left open at the end of its line ends there (NDJSON: the next line starts afresh).
      i = lineEnd !== -1 && lineEnd < end ? lineEnd - 1 : end;
    } else if (code === OPEN_BRACKET || code === OPEN_BRACE) {
      depth += 1;
      if (depth > deepest) {
        deepest = depth;
      }
    } else if ((code === CLOSE_BRACKET || code === CLOSE_BRACE) && depth > 0) {
      depth -= 1;
    }
  }
  return deepest;
}

/**
 * Text PostgreSQL cannot store: the NUL character (not in `text`, not in `jsonb`) and a lone UTF-16
 * surrogate (not in `jsonb`). With the `u` flag a well-formed surrogate pair is one code point and
 * does not match.
 */
// eslint-disable-next-line no-control-regex -- NUL is exactly what PostgreSQL refuses.
const UNSTORABLE = /[\u0000\ud800-\udfff]/u;

/** Whether every key and string in a parsed JSON value can be stored as it is. */
export function isStorable(value: unknown): boolean {
  if (typeof value === 'string') {
    return !UNSTORABLE.test(value);
  }
  if (Array.isArray(value)) {
    return value.every(isStorable);
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).every(([key, child]) => !UNSTORABLE.test(key) && isStorable(child));
  }
  return true;
}

const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, 'gu');

/** The value with every unstorable character replaced by U+FFFD, to keep it for the owner to see. */
export function storable(value: unknown): unknown {
  if (typeof value === 'string') {
    return value.replace(UNSTORABLE_ALL, '\ufffd');
  }
  if (Array.isArray(value)) {
    return value.map(storable);
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [storable(key), storable(child)]));
  }
  return value;
}

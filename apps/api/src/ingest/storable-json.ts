/** How deep arrays and objects may nest in one event; real telemetry stays far below. */
export const INGEST_MAX_NESTING = 64;

const OPENERS = new Set(['[', '{']);
const CLOSERS = new Set([']', '}']);

/**
 * The deepest nesting of arrays and objects in JSON text (strings skipped), found without parsing
 * so that a body of a million `[` is refused before anything recurses over it. With `perLine`,
 * each line (NDJSON) is counted on its own.
 */
export function deepestNesting(text: string, perLine: boolean): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] as string;
    if (perLine && char === '\n') {
      depth = 0;
      inString = false;
    } else if (inString) {
      if (char === '\\' && text[i + 1] !== '\n') {
        i += 1;
      } else if (char === '"') {
        inString = false;
      }
    } else if (char === '"') {
      inString = true;
    } else if (OPENERS.has(char)) {
      depth += 1;
      deepest = Math.max(deepest, depth);
    } else if (CLOSERS.has(char)) {
      depth = Math.max(0, depth - 1);
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

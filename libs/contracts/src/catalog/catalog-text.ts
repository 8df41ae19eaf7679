import { CST, Lexer, type LineCounter, type YAMLError } from 'yaml';
import { formatPath } from './issues.js';

/** Where in a file, and what is wrong there: a YAML error or text the database cannot keep. */
export interface TextProblem {
  line: number;
  column: number;
  field: string;
  found: string;
  allowed: string;
}

/** The offset where the quoted scalar around `offset` opens: where a "missing closing quote" really is. */
function openingQuoteBefore(text: string, offset: number): number | undefined {
  let start = 0;
  for (const token of new Lexer().lex(text)) {
    // The lexer's own markers (document mode, scalar, flow end) are not in the text.
    const kind = CST.tokenType(token);
    if (kind === 'doc-mode' || kind === 'scalar' || kind === 'flow-error-end') {
      continue;
    }
    const end = start + token.length;
    if ((token.startsWith('"') || token.startsWith("'")) && start <= offset && offset <= end) {
      return start;
    }
    start = end;
  }
  return undefined;
}

/** The offset of the `[` or `{` still open at `offset`: where a flow list or mapping that never closes starts. */
function openingBracketBefore(text: string, offset: number): number | undefined {
  const open: number[] = [];
  let start = 0;
  for (const token of new Lexer().lex(text)) {
    const kind = CST.tokenType(token);
    if (kind === 'doc-mode' || kind === 'scalar' || kind === 'flow-error-end') {
      continue;
    }
    if (start >= offset) {
      break;
    }
    if (kind === 'flow-seq-start' || kind === 'flow-map-start') {
      open.push(start);
    } else if (kind === 'flow-seq-end' || kind === 'flow-map-end') {
      open.pop();
    }
    start += token.length;
  }
  return open.at(-1);
}

/**
 * A document's YAML errors as a person would fix them: each tab used for indentation once (the parser
 * reports several follow-on errors for each), otherwise the first error only, since what follows it
 * in the same document is read wrongly because of it. An unclosed quote, list or mapping is reported
 * where it opens.
 */
export function yamlProblems(errors: readonly YAMLError[], text: string, lines: LineCounter): TextProblem[] {
  const at = (offset: number) => {
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
  const tabs = errors.filter((error) => error.code === 'TAB_AS_INDENT');
  if (tabs.length > 0) {
    return tabs.map((error) => ({ ...at(error.pos[0]), field: '(file)', found: 'a tab used to indent', allowed: 'spaces to indent (YAML does not allow tabs there)' }));
  }
  const [first] = errors;
  if (first === undefined) {
    return [];
  }
  const message = first.message.split('\n')[0] ?? 'invalid YAML';
  if (first.code === 'MISSING_CHAR' && /quote/i.test(message)) {
    const opened = openingQuoteBefore(text, first.pos[0]);
    if (opened !== undefined) {
      return [{ ...at(opened), field: '(file)', found: 'a quoted value that opens here and is never closed', allowed: 'valid YAML: close the quote on the same value' }];
    }
  }
  if (first.code === 'BAD_INDENT' && /^Flow (sequence|map)/.test(message)) {
    const opened = openingBracketBefore(text, first.pos[0]);
    if (opened !== undefined) {
      const [what, close] = text[opened] === '[' ? ['list', ']'] : ['mapping', '}'];
      return [
        {
          ...at(opened),
          field: '(file)',
          found: `a ${what} that opens here with "${text[opened]}" and is never closed`,
          allowed: `valid YAML: close it with "${close}" on the same value`,
        },
      ];
    }
  }
  return [{ ...at(first.pos[0]), field: '(file)', found: message, allowed: 'valid YAML' }];
}

/** Unicode that UTF-8 cannot encode: a surrogate without its pair. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What PostgreSQL refuses in text and JSON, or would silently change: NUL and broken Unicode. */
export function unstorableText(value: string): string | undefined {
  if (value.includes('\u0000')) {
    return 'a NUL character (\\u0000)';
  }
  const surrogate = LONE_SURROGATE.exec(value);
  if (surrogate !== null) {
    return `broken Unicode: a lone surrogate \\u${surrogate[0].charCodeAt(0).toString(16).padStart(4, '0')}`;
  }
  return undefined;
}

/**
 * Every key and string value of `value` that the database could not store as written, with its path:
 * caught by `validate`, so that `apply` never fails on them inside its transaction.
 */
export function unstorableStrings(value: unknown, path: (string | number)[] = []): { path: (string | number)[]; field: string; found: string }[] {
  if (typeof value === 'string') {
    const found = unstorableText(value);
    return found === undefined ? [] : [{ path, field: formatPath(path) || '(entity)', found }];
  }
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => unstorableStrings(item, [...path, index]));
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => {
      const inKey = unstorableText(key);
      const keyProblem = inKey === undefined ? [] : [{ path: [...path, key], field: formatPath([...path, key]), found: `${inKey} in the key` }];
      return [...keyProblem, ...unstorableStrings(item, [...path, key])];
    });
  }
  return [];
}

/** The line and column of the first byte that is not UTF-8, or undefined when the file is UTF-8 throughout. */
export function firstInvalidUtf8(bytes: Uint8Array): { line: number; column: number } | undefined {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return undefined;
  } catch {
    // Decoded leniently, every invalid sequence becomes U+FFFD: the first one is taken as the place.
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const lines = lenient.split('\n');
    for (let index = 0; index < lines.length; index += 1) {
      const column = (lines[index] ?? '').indexOf('\uFFFD');
      if (column !== -1) {
        return { line: index + 1, column: column + 1 };
      }
    }
    return { line: 1, column: 1 };
  }
}

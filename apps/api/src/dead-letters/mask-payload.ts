import { isLosslessNumber, parse as parseLossless, stringify as stringifyLossless } from 'lossless-json';

export const MASK = '••••';

/**
 * Names that carry credentials, as whole words of a name split at `-`, `_`, `.`, spaces and
 * camelCase (`x-auth-user`, `sig`, `pwd`)…
 */
const CREDENTIAL_WORDS = new Set(['auth', 'pass', 'pwd', 'sig', 'otp', 'csrf', 'xsrf', 'jwt', 'bearer']);
/** …as two words in a row (`x-api-key`, `AccessKeyId`, `Ocp-Apim-Subscription-Key`)… */
const CREDENTIAL_PAIRS = ['api key', 'access key', 'private key', 'secret key', 'subscription key', 'client secret'];
/** …or anywhere in the name (`Authorization`, `Set-Cookie`, `x-amz-security-token`, `sessionid`, `Stripe-Signature`). */
const CREDENTIAL_STEMS = ['authoriz', 'authentic', 'cookie', 'token', 'secret', 'passw', 'passphrase', 'signature', 'session', 'credential', 'apikey', 'privatekey'];

function wordsOf(name: string): string[] {
  return (name.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+/g) ?? []).map((w) => w.toLowerCase());
}

/**
 * Whether a header or field name carries credentials (case-insensitive): `authorization`,
 * `proxy-authorization`, `cookie`, `set-cookie`, `x-api-key`/`api-key`/`apikey`, and any name with a
 * token, secret, password, signature, session or credential in it (see the lists above).
 */
export function isCredentialName(name: string): boolean {
  const words = wordsOf(name);
  if (words.some((w) => CREDENTIAL_WORDS.has(w))) {
    return true;
  }
  const spaced = ` ${words.join(' ')} `;
  if (CREDENTIAL_PAIRS.some((pair) => spaced.includes(` ${pair} `))) {
    return true;
  }
  const joined = words.join('');
  return CREDENTIAL_STEMS.some((stem) => joined.includes(stem));
}

/** Where a walk is along one sensitive path: `at` segments of path `path` matched so far. */
interface Progress {
  path: number;
  at: number;
}

interface Masking {
  /** Sensitive paths, lower-cased, split at dots. */
  paths: string[][];
  /** The last segment of every path: a `name=value` in plain text is masked when the name is one. */
  names: Set<string>;
  changed: boolean;
}

/** A string holding JSON is masked inside at most this many JSON-in-a-string levels deep. */
const MAX_EMBEDDING = 4;

/** The progress of every path one step down, into the value under `key` (or a list item: `key` undefined). */
function step(masking: Masking, progress: readonly Progress[], key: string | undefined): Progress[] {
  const lower = key?.toLowerCase();
  const next = new Map<string, Progress>();
  const add = (p: Progress) => next.set(`${p.path}:${p.at}`, p);
  for (const p of progress) {
    const segment = masking.paths[p.path]?.[p.at];
    if (key === undefined) {
      add(p); // a list between two segments is walked through: `customer.email` matches customer: [{ email }]
    }
    if (segment === '*' || (segment !== undefined && segment === lower)) {
      add({ path: p.path, at: p.at + 1 });
    }
  }
  // Every path may start here: a path matches at any depth.
  masking.paths.forEach((path, index) => {
    if (path[0] === '*' || path[0] === lower) {
      add({ path: index, at: 1 });
    }
  });
  return [...next.values()];
}

function complete(masking: Masking, progress: readonly Progress[]): boolean {
  return progress.some((p) => p.at === masking.paths[p.path]?.length);
}

function masked(masking: Masking): string {
  masking.changed = true;
  return MASK;
}

/**
 * A name and its separator in text (`name=`, `name: `, `"name": `): a form body, a query string, a
 * log line. A name starts where no name character stands before it, so every character is looked
 * at a bounded number of times, whatever the text.
 */
const NAME = /(?<![\w.-])([A-Za-z_][\w.-]{0,127})["']?\s{0,8}[:=]\s{0,8}/g;
/** Where an unquoted value ends. */
const VALUE_END = /[\s"'&;,<>]/g;
/** Credentials that say what they are wherever they stand. */
const SCHEME = /(?<![\w-])(Bearer|Basic|Digest|Negotiate)(\s{1,8})[\w.~+/=-]{6,}/gi;
const JWT = /(?<![\w-])eyJ[\w-]{4,256}\.[\w-]{4,}\.[\w-]*/g;
const RUNTIME_TOKEN = /(?<![\w-])rh_rt_[0-9a-f]{32}_[\w-]{43}/g;

/** Where the value starting at `start` ends: at its closing quote, or at the first delimiter. */
function valueEnd(text: string, start: number): { from: number; to: number } {
  const quote = text.charAt(start);
  if (quote === '"' || quote === "'") {
    const close = text.indexOf(quote, start + 1);
    return { from: start + 1, to: close === -1 ? text.length : close };
  }
  VALUE_END.lastIndex = start;
  const end = VALUE_END.exec(text);
  return { from: start, to: end === null ? text.length : end.index };
}

/** Plain text with every credential and the value of every `name=value` of a sensitive or credential name masked. */
function maskText(masking: Masking, text: string): string {
  const scrubbed = text
    .replace(SCHEME, (_m, scheme: string, space: string) => `${scheme}${space}${MASK}`)
    .replace(JWT, MASK)
    .replace(RUNTIME_TOKEN, MASK);
  const parts: string[] = [];
  let copied = 0;
  NAME.lastIndex = 0;
  for (let match = NAME.exec(scrubbed); match !== null; match = NAME.exec(scrubbed)) {
    const name = match[1] ?? '';
    const last = name.split('.').at(-1)?.toLowerCase() ?? '';
    const start = match.index + match[0].length;
    if (start < scrubbed.length && (isCredentialName(name) || masking.names.has(last))) {
      const { from, to } = valueEnd(scrubbed, start);
      if (to > from && scrubbed.slice(from, to) !== MASK) {
        parts.push(scrubbed.slice(copied, from), MASK);
        copied = to;
      }
      NAME.lastIndex = Math.max(to, start);
    }
  }
  parts.push(scrubbed.slice(copied));
  const result = parts.join('');
  if (result !== text) {
    masking.changed = true;
  }
  return result;
}

/** A string: JSON inside is parsed, masked and written back (only when something was masked); other text is scanned. */
function maskString(masking: Masking, text: string, progress: readonly Progress[], embedding: number): string {
  const trimmed = text.trimStart();
  if (embedding < MAX_EMBEDDING && (trimmed.startsWith('{') || trimmed.startsWith('['))) {
    let parsed: unknown;
    try {
      parsed = parseLossless(text);
    } catch {
      parsed = undefined;
    }
    if (parsed !== null && typeof parsed === 'object') {
      const before = masking.changed;
      masking.changed = false;
      const inner = walk(masking, parsed, progress, embedding + 1);
      const changed = masking.changed;
      masking.changed = before || changed;
      return changed ? (stringifyLossless(inner) ?? text) : text;
    }
  }
  return maskText(masking, text);
}

function walk(masking: Masking, value: unknown, progress: readonly Progress[], embedding: number): unknown {
  if (typeof value === 'string') {
    return maskString(masking, value, progress, embedding);
  }
  if (Array.isArray(value)) {
    return value.map((item) => {
      const inner = step(masking, progress, undefined);
      return complete(masking, inner) ? masked(masking) : walk(masking, item, inner, embedding);
    });
  }
  if (isLosslessNumber(value)) {
    return value; // a number as written (lossless-json): never walked into
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, child]) => {
        const inner = step(masking, progress, key);
        return [key, isCredentialName(key) || complete(masking, inner) ? masked(masking) : walk(masking, child, inner, embedding)];
      }),
    );
  }
  return value;
}

function maskingOf(sensitiveFields: readonly string[]): Masking {
  const paths = sensitiveFields.map((field) => field.toLowerCase().split('.'));
  return { paths, names: new Set(paths.map((p) => p.at(-1) ?? '').filter((n) => n !== '*' && n !== '')), changed: false };
}

/**
 * The payload as a reader without payload access sees it. Matching is case-insensitive and a path
 * matches at any depth: `card` masks every field named card (`Card`, `nested.card`, `lines[2].card`);
 * `customer.card` masks card inside any customer (`order.customer.card`); `*` stands for one key or
 * list item (`lines.*.iban`), and lists between two names are walked through. Fields whose names
 * carry credentials (isCredentialName) are masked whatever the automation lists. A string holding
 * JSON (the payload itself, or a field) is masked inside and written back as compact JSON; other text
 * has its credentials (`Bearer …`, JWTs, runtime tokens) and every `name=value` / `name: value` of a
 * sensitive or credential name masked. Numbers parsed by lossless-json (LosslessNumber) stay as
 * written. A pure function of the view: the stored bytes, and what a reprocess sends back, never change.
 */
export function maskPayload(payload: unknown, sensitiveFields: readonly string[]): { payload: unknown; masked: boolean } {
  const masking = maskingOf(sensitiveFields);
  const result = walk(masking, payload, [], 0);
  return { payload: result, masked: masking.changed };
}

/**
 * The headers as a reader without payload access sees them: a credential-bearing header
 * (isCredentialName) reads as the mask; other values are masked inside like payload strings.
 */
export function maskHeaders(headers: Readonly<Record<string, string>>, sensitiveFields: readonly string[]): { headers: Record<string, string>; masked: boolean } {
  const masking = maskingOf(sensitiveFields);
  const result = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, isCredentialName(name) ? masked(masking) : maskString(masking, value, [], 0)]));
  return { headers: result, masked: masking.changed };
}

/**
 * An error message as a reader without payload access sees it: runtimes write whatever failed into
 * it (`401 from …?api_key=…`, `Authorization: Bearer …`, a JSON body), so it is masked like a payload
 * string — credentials, and every `name=value` of a sensitive or credential name.
 */
export function maskMessage(text: string, sensitiveFields: readonly string[]): string {
  return maskString(maskingOf(sensitiveFields), text, [], 0);
}

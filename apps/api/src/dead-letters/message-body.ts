import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import type { DeadLetterV1, MessageBodyV1, ReprocessCommandV1 } from '@roundhouse/contracts';
import { parse as parseLossless, stringify as stringifyLossless } from 'lossless-json';

/**
 * A dead letter's message as it came: the body's bytes, and the content type and content encoding
 * they came with. Stored as they are; a reprocess sends exactly these back. Everything a person
 * reads (the JSON view, masked or not) is derived from them here.
 */
export interface MessageBody {
  bytes: Buffer;
  contentType: string | null;
  contentEncoding: string | null;
}

/** Set on dead letters by collectors and SDKs before bodies were kept as bytes: how a `payload` string held the body. */
export const LEGACY_PAYLOAD_ENCODING_HEADER = 'x-roundhouse-payload-encoding';

/** A decompressed view larger than this is not shown (the bytes are shown as base64 instead). */
const MAX_VIEW_BYTES = 8 * 1024 * 1024;

/**
 * The body of a reported dead letter, and its headers without the legacy encoding header. `body`
 * is taken as it is. A runtime that sent only `payload` (a JSON value) has its JSON text kept, as
 * `application/json`; a payload string an older SDK or collector marked `base64` or `text` is
 * turned back into the bytes it stood for.
 */
export function reportedBody(event: DeadLetterV1): { body: MessageBody; headers: Record<string, string> } {
  const { [LEGACY_PAYLOAD_ENCODING_HEADER]: legacy, ...headers } = event.headers;
  if (event.body !== undefined) {
    return { body: fromContract(event.body), headers: event.headers };
  }
  const { payload } = event;
  if (typeof payload === 'string' && legacy === 'base64') {
    return { body: { bytes: Buffer.from(payload, 'base64'), contentType: null, contentEncoding: null }, headers };
  }
  if (typeof payload === 'string' && legacy === 'text') {
    return { body: { bytes: Buffer.from(payload, 'utf8'), contentType: null, contentEncoding: null }, headers };
  }
  return { body: { bytes: Buffer.from(JSON.stringify(payload ?? null), 'utf8'), contentType: 'application/json', contentEncoding: null }, headers: event.headers };
}

function fromContract(body: MessageBodyV1): MessageBody {
  return { bytes: Buffer.from(body.base64, 'base64'), contentType: body.contentType ?? null, contentEncoding: body.contentEncoding ?? null };
}

export function toContract(body: MessageBody): MessageBodyV1 {
  return {
    base64: body.bytes.toString('base64'),
    ...(body.contentType === null ? {} : { contentType: body.contentType }),
    ...(body.contentEncoding === null ? {} : { contentEncoding: body.contentEncoding }),
  };
}

/**
 * How a body reads:
 *   json    a JSON body, parsed with lossless-json: numbers stay as written (LosslessNumber)
 *   text    other text, decoded by its charset (UTF-8 when none is named)
 *   base64  bytes that are not text in their charset (or an encoding we cannot undo), as base64
 */
export type BodyView = { format: 'json'; value: unknown } | { format: 'text'; text: string } | { format: 'base64'; text: string };

function mediaTypeOf(contentType: string | null): string | undefined {
  const media = contentType?.split(';')[0]?.trim().toLowerCase();
  return media === '' ? undefined : media;
}

function charsetOf(contentType: string | null): string {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return match?.[1]?.toLowerCase() ?? 'utf-8';
}

/** The bytes with their content encoding undone, or undefined when it cannot be (unknown, corrupt, too large). */
function decoded(body: MessageBody): Buffer | undefined {
  const encoding = body.contentEncoding?.trim().toLowerCase();
  const options = { maxOutputLength: MAX_VIEW_BYTES };
  // A charset written where the encoding goes (utf-8, a common AMQP habit) does not transform the bytes either.
  try {
    switch (encoding) {
      case undefined:
      case '':
      case 'identity':
      case '7bit':
      case '8bit':
      case 'binary':
      case 'utf-8':
      case 'utf8':
        return body.bytes;
      case 'gzip':
      case 'x-gzip':
        return gunzipSync(body.bytes, options);
      case 'deflate':
        return inflateSync(body.bytes, options);
      case 'br':
        return brotliDecompressSync(body.bytes, options);
      default:
        return undefined;
    }
  } catch {
    return undefined;
  }
}

function textOf(bytes: Buffer, charset: string): string | undefined {
  try {
    return new TextDecoder(charset, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined; // not text in that charset, or a charset nobody knows
  }
}

/** How the body reads (see BodyView). A pure function of the stored bytes and their content type and encoding. */
export function viewOf(body: MessageBody): BodyView {
  const bytes = decoded(body);
  const text = bytes === undefined ? undefined : textOf(bytes, charsetOf(body.contentType));
  if (text === undefined) {
    return { format: 'base64', text: body.bytes.toString('base64') };
  }
  const media = mediaTypeOf(body.contentType);
  const json = media === undefined ? /^\s*[[{]/.test(text) : /(^|[/+])json$/.test(media);
  if (json) {
    try {
      return { format: 'json', value: parseLossless(text) };
    } catch {
      // Not JSON after all (or with a key twice): shown as the text it is.
    }
  }
  return { format: 'text', text };
}

/** The view as text: JSON indented by two spaces with every number as written, text as it is. */
export function viewText(view: BodyView, value?: unknown): string {
  if (view.format !== 'json') {
    return view.text;
  }
  return stringifyLossless(value === undefined ? view.value : value, null, 2) ?? 'null';
}

/**
 * The `payload` convenience of a reprocess command: a JSON body as JSON.parse reads it, other text
 * as a string, bytes as base64. The exact bytes travel beside it as `body`.
 */
export function commandPayloadOf(body: MessageBody): ReprocessCommandV1['payload'] {
  const view = viewOf(body);
  if (view.format !== 'json') {
    return view.text;
  }
  return JSON.parse(stringifyLossless(view.value) ?? 'null') as ReprocessCommandV1['payload'];
}

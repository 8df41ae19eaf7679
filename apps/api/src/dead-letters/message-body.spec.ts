import { deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { maskPayload } from './mask-payload.js';
import { commandPayloadOf, reportedBody, viewOf, viewText, type MessageBody } from './message-body.js';

const body = (bytes: Buffer | string, contentType: string | null = null, contentEncoding: string | null = null): MessageBody => ({
  bytes: typeof bytes === 'string' ? Buffer.from(bytes) : bytes,
  contentType,
  contentEncoding,
});
const shown = (message: MessageBody) => viewText(viewOf(message));

describe(viewOf.name, () => {
  it('shows a JSON body with every number as written and its keys in their order', () => {
    const view = viewOf(body('{"z":9007199254740993,"a":10.50,"n":[-9223372036854775808,1e400]}', 'application/vnd.ledger+json'));
    expect(view.format).toBe('json');
    expect(viewText(view)).toBe('{\n  "z": 9007199254740993,\n  "a": 10.50,\n  "n": [\n    -9223372036854775808,\n    1e400\n  ]\n}');
  });

  it('reads text by its charset, and bytes that are not text in it as base64', () => {
    expect(viewOf(body(Buffer.from('Müller;10,50', 'latin1'), 'text/csv; charset="ISO-8859-1"'))).toEqual({ format: 'text', text: 'Müller;10,50' });
    const notUtf8 = Buffer.from([0x7b, 0xff, 0xfe, 0x7d]);
    expect(viewOf(body(notUtf8, 'application/json'))).toEqual({ format: 'base64', text: notUtf8.toString('base64') });
    expect(viewOf(body('plain', 'text/plain; charset=no-such-charset'))).toEqual({ format: 'base64', text: Buffer.from('plain').toString('base64') });
  });

  it('undoes gzip and deflate for the view only, and shows a body it cannot decode as its bytes', () => {
    expect(shown(body(gzipSync('{"amount":0.10}'), 'application/json', 'gzip'))).toBe('{\n  "amount": 0.10\n}');
    expect(shown(body(deflateSync('<a>1.0</a>'), 'application/xml', 'deflate'))).toBe('<a>1.0</a>');
    expect(viewOf(body('not gzip', 'application/json', 'gzip')).format).toBe('base64');
    expect(viewOf(body('{"a":1}', 'application/json', 'x-compress-unknown')).format).toBe('base64');
    expect(shown(body('{"a":1}', 'application/json', 'utf-8'))).toBe('{\n  "a": 1\n}');
  });

  it('reads JSON by content type, or by its look when there is none; JSON that does not parse is text', () => {
    expect(viewOf(body('{"a":1}')).format).toBe('json');
    expect(viewOf(body('{"a":1}', 'text/plain')).format).toBe('text');
    expect(viewOf(body('{"a":1,"a":2}', 'application/json'))).toEqual({ format: 'text', text: '{"a":1,"a":2}' });
    expect(viewOf(body('', 'application/json'))).toEqual({ format: 'text', text: '' });
  });
});

describe(maskPayload.name, () => {
  it('masks sensitive fields of the lossless view and leaves its numbers as written', () => {
    const view = viewOf(body('{"iban":"DE89370400440532013000","ref":9007199254740993,"inner":"{\\"iban\\":\\"x\\",\\"n\\":12345678901234567890}"}', 'application/json'));
    const { payload, masked } = maskPayload(view.format === 'json' ? view.value : undefined, ['iban']);
    expect(masked).toBe(true);
    expect(viewText(view, payload)).toBe('{\n  "iban": "••••",\n  "ref": 9007199254740993,\n  "inner": "{\\"iban\\":\\"••••\\",\\"n\\":12345678901234567890}"\n}');
  });
});

describe(reportedBody.name, () => {
  const event = { headers: { 'x-tenant': 'acme' } };
  it('keeps a reported body as its bytes, content type and encoding', () => {
    const reported = reportedBody({ ...event, body: { base64: '3q2+7w==', contentType: 'application/octet-stream', contentEncoding: 'identity' } } as never);
    expect(reported.body).toEqual({ bytes: Buffer.from([0xde, 0xad, 0xbe, 0xef]), contentType: 'application/octet-stream', contentEncoding: 'identity' });
  });

  it('turns a JSON payload into its JSON text, and the payloads older SDKs marked base64 or text back into their bytes', () => {
    expect(reportedBody({ ...event, payload: { a: 1.5 } } as never)).toEqual({ body: body('{"a":1.5}', 'application/json'), headers: event.headers });
    expect(reportedBody({ headers: { 'x-roundhouse-payload-encoding': 'base64', 'x-tenant': 'acme' }, payload: '3q2+7w==' } as never)).toEqual({
      body: body(Buffer.from([0xde, 0xad, 0xbe, 0xef])),
      headers: event.headers,
    });
    expect(reportedBody({ headers: { 'x-roundhouse-payload-encoding': 'text' }, payload: 'Grüße' } as never).body).toEqual(body('Grüße'));
  });
});

describe(commandPayloadOf.name, () => {
  it('gives handlers a JSON value for JSON, text for text and base64 for bytes', () => {
    expect(commandPayloadOf(body('{"a":[1,2]}', 'application/json'))).toEqual({ a: [1, 2] });
    expect(commandPayloadOf(body('a;b', 'text/csv'))).toBe('a;b');
    expect(commandPayloadOf(body(Buffer.from([0xff])))).toBe('/w==');
  });
});

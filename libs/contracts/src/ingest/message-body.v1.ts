import { z } from 'zod';

/** The longest body kept, in bytes (before base64). */
export const MAX_MESSAGE_BODY_BYTES = 4 * 1024 * 1024;

/**
 * A message body as bytes, version 1: what a dead letter keeps and what a reprocess sends back,
 * byte for byte, with the content type and content encoding it came with (AMQP `content-type` /
 * `content-encoding`, HTTP `Content-Type` / `Content-Encoding`). Views of it (JSON, masked) are
 * derived from these bytes and never stored in their place.
 */
export const messageBodyV1 = z
  .strictObject({
    base64: z
      .base64({ message: 'the body’s bytes in base64 (RFC 4648, with padding)' })
      .max(Math.ceil(MAX_MESSAGE_BODY_BYTES / 3) * 4, { message: `at most ${MAX_MESSAGE_BODY_BYTES} bytes` })
      .meta({ description: 'The body’s bytes, base64-encoded.', examples: ['eyJsZWRnZXJJZCI6OTAwNzE5OTI1NDc0MDk5M30='] }),
    contentType: z
      .string()
      .min(1)
      .max(255)
      .optional()
      .meta({ description: 'The content type it came with, as written (e.g. "application/json", "text/csv; charset=iso-8859-1").' }),
    contentEncoding: z.string().min(1).max(255).optional().meta({ description: 'The content encoding it came with (e.g. "gzip"); the bytes are kept encoded.' }),
  })
  .meta({ title: 'Message body v1', description: 'A message body as bytes, with its content type and encoding: kept as received, sent back as it is.' });
export type MessageBodyV1 = z.infer<typeof messageBodyV1>;

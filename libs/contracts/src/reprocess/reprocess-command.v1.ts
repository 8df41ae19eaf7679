import { z } from 'zod';
import { slug } from '../catalog/common.js';
import { DEAD_LETTER_SOURCES } from '../ingest/ingest-event.v1.js';
import { messageBodyV1 } from '../ingest/message-body.v1.js';

/**
 * Reprocess commands, version 1: what a runtime receives when someone reprocesses one of its dead
 * letters — as the body of a webhook POST, or pulled by its SDK from `POST /ingest/v1/commands/claim`.
 *
 * `reprocessId` is the idempotency key. It is the same on every delivery of one message within one
 * reprocess request (a resend after a crash or a timeout carries the same id), and it is what the
 * runtime reports back: on the run that handles the message (`run_*` events' `reprocessId`) and on
 * a dead letter if the message fails again. Brokers carry it as the `x-roundhouse-reprocess-id`
 * header.
 */
export const REPROCESS_ID_HEADER = 'x-roundhouse-reprocess-id';

export const reprocessCommandV1 = z
  .strictObject({
    reprocessId: z.uuid().meta({ description: 'Idempotency key of this delivery; dedupe on it.' }),
    requestId: z.string().min(1).max(40).meta({ description: 'The reprocess request this is part of.' }),
    automation: slug,
    deadLetterId: z.string().min(1).max(40),
    messageId: z.string().min(1).max(200).meta({ description: 'The message id at its source.' }),
    issuedAt: z.iso.datetime({ offset: true }).meta({ description: 'When Roundhouse sent this delivery.' }),
    source: z.strictObject({
      kind: z.enum(DEAD_LETTER_SOURCES),
      queue: z.string().min(1).max(255),
      exchange: z.string().max(255).optional(),
      routingKey: z.string().max(255).optional(),
    }),
    body: messageBodyV1.meta({
      description: 'The message body as it was dead-lettered, byte for byte, with its content type and content encoding. Handle these bytes to handle the message as it came.',
    }),
    payload: z.json().meta({
      description:
        'A convenience view of the body: the JSON value for a JSON body (parsed as JSON.parse would: numbers beyond 2^53 lose digits, so read `body` where they matter), the text for other text, base64 for bytes that are not text.',
    }),
    headers: z.record(z.string(), z.string()).meta({ description: 'The message headers as they were dead-lettered.' }),
    correlationId: z.string().min(1).max(200).optional(),
  })
  .meta({ title: 'Reprocess command v1', description: 'Handle this message again; report the run with reprocessId.' });
export type ReprocessCommandV1 = z.infer<typeof reprocessCommandV1>;

/**
 * Webhook deliveries are signed. The receiver recomputes
 *   hex(HMAC-SHA256(secret, `${timestamp}.${body}`))
 * over the raw body and compares it in constant time with the `v1=` value of the signature header,
 * and refuses a timestamp more than five minutes old (a replayed delivery).
 */
export const REPROCESS_TIMESTAMP_HEADER = 'x-roundhouse-timestamp';
export const REPROCESS_SIGNATURE_HEADER = 'x-roundhouse-signature';
export const REPROCESS_SIGNATURE_TOLERANCE_SECONDS = 300;

/**
 * SDK pull protocol (token capability `commands`):
 *
 *   POST /ingest/v1/commands/claim   { "max": 1..100, "automations"?: [slug] }
 *     → 200 { "commands": [ReprocessCommandV1] }
 *   Claimed commands are leased to the caller; one that is not acknowledged within
 *   COMMAND_LEASE_SECONDS is offered again, with the same reprocessId.
 *
 *   POST /ingest/v1/commands/ack     { "reprocessIds": [uuid] }
 *     → 200 { "acknowledged": n }
 *   Acknowledge once the command is safely in hand (handled, or queued locally).
 */
export const COMMANDS_CLAIM_PATH = '/ingest/v1/commands/claim';
export const COMMANDS_ACK_PATH = '/ingest/v1/commands/ack';
export const COMMAND_LEASE_SECONDS = 60;
export const COMMANDS_MAX_CLAIM = 100;

export const claimCommandsRequestV1 = z.strictObject({
  max: z.number().int().min(1).max(COMMANDS_MAX_CLAIM).default(20),
  automations: z.array(slug).max(100).optional().meta({ description: 'Only these automations (default: all the token covers).' }),
});
export type ClaimCommandsRequestV1 = z.input<typeof claimCommandsRequestV1>;

export interface ClaimCommandsResponseV1 {
  commands: ReprocessCommandV1[];
}

export const ackCommandsRequestV1 = z.strictObject({
  reprocessIds: z.array(z.uuid()).min(1).max(COMMANDS_MAX_CLAIM),
});
export type AckCommandsRequestV1 = z.input<typeof ackCommandsRequestV1>;

export interface AckCommandsResponseV1 {
  acknowledged: number;
}

import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DEAD_LETTER_SOURCES, DEAD_LETTER_STATUSES, type DeadLetterStatus } from '@roundhouse/contracts';
import { PageInfoType } from '../../common/graphql/page-info.type.js';
import { RunAutomationType } from '../../runs/dto/run.type.js';

export const DeadLetterStatusEnum = Object.fromEntries(DEAD_LETTER_STATUSES.map((s) => [s, s])) as { [K in DeadLetterStatus]: K };
registerEnumType(DeadLetterStatusEnum, { name: 'DeadLetterStatus' });
export const DeadLetterSourceEnum = Object.fromEntries(DEAD_LETTER_SOURCES.map((s) => [s, s])) as { [K in (typeof DEAD_LETTER_SOURCES)[number]]: K };
registerEnumType(DeadLetterSourceEnum, { name: 'DeadLetterSource' });
export const PAYLOAD_FORMATS = ['json', 'text', 'base64'] as const;
export type PayloadFormat = (typeof PAYLOAD_FORMATS)[number];
export const PayloadFormatEnum = Object.fromEntries(PAYLOAD_FORMATS.map((s) => [s, s])) as { [K in PayloadFormat]: K };
registerEnumType(PayloadFormatEnum, {
  name: 'PayloadFormat',
  description: 'How the payload view reads the body: json (numbers as written), text (decoded by its charset), base64 (bytes that are not text).',
});

@ObjectType('DeadLetterEarlierError', { description: 'An error a dead letter failed with before it failed again differently.' })
export class DeadLetterEarlierErrorType {
  @Field(() => String) errorClass: string;
  @Field(() => String, { description: 'Masked like the dead letter’s error for those who may not read payloads.' }) errorMessage: string;
  @Field(() => Date, { description: 'When the next error replaced it.' }) until: Date;
}

@ObjectType('DeadLetter', { description: 'A message a runtime gave up on.' })
export class DeadLetterType {
  @Field(() => ID) id: string;
  @Field(() => RunAutomationType) automation: RunAutomationType;
  @Field(() => DeadLetterSourceEnum) sourceKind: string;
  @Field(() => String) sourceQueue: string;
  @Field(() => String) messageId: string;
  @Field(() => String, { description: 'Error fingerprint: error class + normalised message + source. Dead letters with one fingerprint form a group.' }) fingerprint: string;
  @Field(() => String, { description: 'The newest error: after a failed reprocess, the one it failed again with.' }) errorClass: string;
  @Field(() => String) errorMessage: string;
  @Field(() => [DeadLetterEarlierErrorType], { description: 'The errors it failed with before its newest one, oldest first (it moved to the group of each new error).' })
  earlierErrors: DeadLetterEarlierErrorType[];
  @Field(() => Int) attempts: number;
  @Field(() => Int, { description: 'How often this same message was dead-lettered (redeliveries are one dead letter).' }) deliveries: number;
  @Field(() => Date) firstFailedAt: Date;
  @Field(() => Date) lastFailedAt: Date;
  @Field(() => DeadLetterStatusEnum) status: DeadLetterStatus;
  @Field(() => String, { nullable: true }) correlationId: string | null;
  @Field(() => String, { nullable: true }) runId: string | null;
  @Field(() => String, {
    description:
      'A view of the body as it came: a JSON body indented, with every number as written (64-bit integers, trailing zeros); other text as it is; bytes that are not text as base64. Fields the automation marks sensitive (at any depth, in any case, also inside JSON held in a string) and credentials read "••••" unless the viewer may see payloads. The bytes themselves are what a reprocess sends back.',
  })
  payload: string;
  @Field(() => PayloadFormatEnum) payloadFormat: PayloadFormat;
  @Field(() => String, { nullable: true, description: 'The content type the message came with, as written.' }) contentType: string | null;
  @Field(() => String, { nullable: true, description: 'The content encoding the message came with (e.g. gzip); the view shows the body decoded.' }) contentEncoding: string | null;
  @Field(() => Int, { description: 'The body’s size in bytes, as kept and sent back.' }) bodyBytes: number;
  @Field(() => String, {
    description: 'Headers as JSON text; headers carrying credentials (authorization, cookies, API keys, tokens, signatures…) read "••••" unless the viewer may see payloads.',
  })
  headers: string;
  @Field(() => Boolean, { description: 'Whether payload fields were masked for this viewer.' }) payloadMasked: boolean;
  @Field(() => ID, { nullable: true, description: 'The dead letter this one failed again from, when a reprocess of it failed as a new message.' }) reprocessOf: string | null;
}

@ObjectType('DeadLetterEdge')
export class DeadLetterEdgeType {
  @Field(() => String) cursor: string;
  @Field(() => DeadLetterType) node: DeadLetterType;
}

@ObjectType('DeadLetterConnection')
export class DeadLetterConnectionType {
  @Field(() => [DeadLetterEdgeType]) edges: DeadLetterEdgeType[];
  @Field(() => PageInfoType) pageInfo: PageInfoType;
}

@ObjectType('DeadLetterGroup')
export class DeadLetterGroupType {
  @Field(() => String) fingerprint: string;
  @Field(() => RunAutomationType) automation: RunAutomationType;
  @Field(() => String) errorClass: string;
  @Field(() => String, { description: 'The message with numbers, ids and quoted values replaced by placeholders.' }) normalizedMessage: string;
  @Field(() => String) sampleMessage: string;
  @Field(() => DeadLetterSourceEnum) sourceKind: string;
  @Field(() => String) sourceQueue: string;
  @Field(() => Int) total: number;
  @Field(() => Int, { description: 'Waiting for a decision now: pending or failed again.' }) pending: number;
  @Field(() => Int, {
    description: 'Its dead letters that match the filter asked for (status, request, teams): what choosing the group lists, e.g. those of one request that failed again.',
  })
  matching: number;
  @Field(() => Date) firstSeen: Date;
  @Field(() => Date) lastSeen: Date;
  @Field(() => [Int], { description: 'Dead letters per hour over the last 24 hours, oldest first (24 numbers).' }) trend: number[];
}

@InputType()
export class DeadLetterFilter {
  @Field(() => String, { nullable: true }) automation?: string | null;
  @Field(() => String, { nullable: true }) fingerprint?: string | null;
  @Field(() => DeadLetterStatusEnum, { nullable: true }) status?: DeadLetterStatus | null;
  @Field(() => [String], { nullable: true, description: 'Only those of automations these teams own (e.g. the viewer’s teams: "my teams").' }) teams?: string[] | null;
  @Field(() => Boolean, { nullable: true, description: 'Only those that need action: pending or failed again (what the dashboard counts as waiting).' }) needsAction?:
    boolean | null;
  @Field(() => ID, {
    nullable: true,
    description: 'Only those this reprocess request sent back, each as it stands now (the new dead letter, when one failed again as a new message).',
  })
  reprocessRequest?: string | null;
  @Field(() => Date, { nullable: true, description: 'Last failed at or after.' }) from?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Last failed before.' }) to?: Date | null;
  @Field(() => String, { nullable: true, description: 'Words in the error class or message.' }) search?: string | null;
}

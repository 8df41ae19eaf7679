import type { Reader } from 'protobufjs';
// The OpenTelemetry project's own protobufjs module, generated from the official opentelemetry-proto
// definitions. 0.216.0 is the last otlp-transformer that ships the trace messages in it (later
// releases encode by hand and decode nothing); its package has no exports map, so the file is
// reached by its path. The decoding is protobufjs's, never ours.
import root from '@opentelemetry/otlp-transformer/build/src/generated/root.js';

/** A protobuf uint64/int64 as protobufjs decodes it with `long` present: never a lossy number. */
export interface DecodedLong {
  low: number;
  high: number;
  unsigned: boolean;
  toString(): string;
}

export interface DecodedAnyValue {
  stringValue?: string | null;
  boolValue?: boolean | null;
  intValue?: DecodedLong | number | null;
  doubleValue?: number | null;
  arrayValue?: { values: DecodedAnyValue[] } | null;
  kvlistValue?: { values: DecodedKeyValue[] } | null;
  bytesValue?: Uint8Array | null;
}

export interface DecodedKeyValue {
  key: string | null;
  value?: DecodedAnyValue | null;
}

/**
 * A decoded span. The generated code leaves a field the sender did not write as null (proto3 has
 * no presence for scalars): every scalar here may be null, read as its zero value.
 */
export interface DecodedSpan {
  traceId: Uint8Array | null;
  spanId: Uint8Array | null;
  parentSpanId: Uint8Array | null;
  flags: number | null;
  name: string | null;
  kind: number | null;
  startTimeUnixNano: DecodedLong | number | null;
  endTimeUnixNano: DecodedLong | number | null;
  attributes: DecodedKeyValue[];
  events: { name: string | null; attributes: DecodedKeyValue[] }[];
  status?: { code: number | null; message: string | null } | null;
}

export interface DecodedTraceRequest {
  resourceSpans: {
    resource?: { attributes: DecodedKeyValue[] } | null;
    scopeSpans: { spans: DecodedSpan[] }[];
  }[];
}

interface MessageType<T> {
  decode(reader: Reader | Uint8Array): T;
  encode(message: unknown): { finish(): Uint8Array };
}

interface OtlpRoot {
  opentelemetry: {
    proto: {
      collector: {
        trace: {
          v1: {
            ExportTraceServiceRequest: MessageType<DecodedTraceRequest>;
            ExportTraceServiceResponse: MessageType<unknown>;
          };
        };
      };
    };
  };
}

const traceService = (root as unknown as OtlpRoot).opentelemetry.proto.collector.trace.v1;

/** Decodes an ExportTraceServiceRequest; throws (protobufjs's error) when the bytes are not one. */
export function decodeTraceRequest(bytes: Uint8Array): DecodedTraceRequest {
  return traceService.ExportTraceServiceRequest.decode(bytes);
}

/** Encodes an ExportTraceServiceResponse with its partial success. */
export function encodeTraceResponse(partialSuccess: { rejectedSpans: number; errorMessage: string } | undefined): Uint8Array {
  return traceService.ExportTraceServiceResponse.encode(partialSuccess === undefined ? {} : { partialSuccess }).finish();
}

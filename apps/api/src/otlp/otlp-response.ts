import type { Response } from 'express';
import protobuf from 'protobufjs';
import type { Refusal } from '../common/http/refusal.js';
import { encodeTraceResponse } from './otlp-proto.js';
import { encodingOf, type OtlpEncoding } from './otlp-request.js';

/** OTLP's partial success: how many spans were refused and why, or a warning with none refused. */
export interface PartialSuccess {
  rejectedSpans: number;
  errorMessage: string;
}

// google.rpc.Status, the body OTLP/HTTP gives every 4xx and 5xx (details are never sent).
const status = new protobuf.Type('Status').add(new protobuf.Field('code', 1, 'int32')).add(new protobuf.Field('message', 2, 'string'));
new protobuf.Root().define('google.rpc').add(status);

const CONTENT_TYPE: Record<OtlpEncoding, string> = { protobuf: 'application/x-protobuf', json: 'application/json' };

/** gRPC codes for the HTTP statuses we answer (google.rpc.Code), so Status.code means what the status does. */
function grpcCode(httpStatus: number): number {
  switch (httpStatus) {
    case 400:
    case 413:
    case 415:
      return 3; // INVALID_ARGUMENT
    case 401:
      return 16; // UNAUTHENTICATED
    case 403:
      return 7; // PERMISSION_DENIED
    case 429:
      return 8; // RESOURCE_EXHAUSTED
    case 503:
      return 14; // UNAVAILABLE
    default:
      return 13; // INTERNAL
  }
}

/** The ExportTraceServiceResponse, in the request's encoding; partial_success only when something is to be said. */
export function sendExportResponse(response: Response, encoding: OtlpEncoding, partialSuccess: PartialSuccess | undefined): void {
  response.type(CONTENT_TYPE[encoding]);
  if (encoding === 'protobuf') {
    response.send(Buffer.from(encodeTraceResponse(partialSuccess)));
  } else {
    // OTLP/JSON writes 64-bit integers as strings.
    response.send(
      JSON.stringify(partialSuccess === undefined ? {} : { partialSuccess: { rejectedSpans: String(partialSuccess.rejectedSpans), errorMessage: partialSuccess.errorMessage } }),
    );
  }
}

/** A refusal as OTLP/HTTP writes it: the status, and a google.rpc.Status body in the request's encoding (protobuf unless it was JSON). */
export function sendOtlpError(response: Response, encoding: OtlpEncoding | undefined, httpStatus: number, message: string): void {
  const as = encoding ?? 'protobuf';
  const body = { code: grpcCode(httpStatus), message };
  response.status(httpStatus).type(CONTENT_TYPE[as]);
  response.send(as === 'protobuf' ? Buffer.from(status.encode(body).finish()) : JSON.stringify(body));
}

/** Refusals before the controller (rate limits, a body over the limit) on /v1/traces, written as OTLP's Status. */
export const otlpRefusal: Refusal = (response, status, _code, message) => {
  sendOtlpError(response, encodingOf(response.req.headers['content-type']), status, message);
};

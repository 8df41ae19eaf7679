import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';

/** Most bytes of a JSON body (GraphQL, sign-in), once decompressed. */
export const JSON_BODY_MAX_BYTES = 1024 * 1024;

/** What body-parser attaches to the errors it raises. */
interface BodyError {
  type?: string;
  charset?: string;
  encoding?: string;
}

function refusal(error: BodyError): { status: number; code: string; message: string } {
  switch (error.type) {
    case 'entity.too.large':
      return { status: 413, code: 'PAYLOAD_TOO_LARGE', message: `The request body is larger than 1 MiB (${JSON_BODY_MAX_BYTES} bytes), as sent or once decompressed.` };
    case 'entity.parse.failed':
      return { status: 400, code: 'BAD_USER_INPUT', message: 'The body is not JSON: send a JSON object with Content-Type: application/json.' };
    case 'charset.unsupported':
      return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: `The body is in the charset "${error.charset ?? 'unknown'}": send it in UTF-8.` };
    case 'encoding.unsupported':
      return {
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: `The body is encoded with "${error.encoding ?? 'unknown'}": send it uncompressed or with Content-Encoding: gzip.`,
      };
    default:
      return { status: 400, code: 'BAD_USER_INPUT', message: 'The request body could not be read: send one complete JSON object.' };
  }
}

/**
 * Parses JSON bodies up to the limit; a body it cannot read is answered here, in the api's error
 * shape with a sentence (never the parser's own message), and goes no further.
 */
export function jsonBody(): RequestHandler {
  const parse = express.json({ limit: JSON_BODY_MAX_BYTES });
  return (request: Request, response: Response, next: NextFunction) => {
    parse(request, response, (error?: unknown) => {
      if (error === undefined) {
        next();
        return;
      }
      const { status, code, message } = refusal(error as BodyError);
      if (status === 413) {
        response.setHeader('connection', 'close');
      }
      response.status(status).json({ error: { code, message } });
    });
  };
}

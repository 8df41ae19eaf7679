import type { NextFunction, Request, Response } from 'express';

/**
 * How a route answers a refusal made before its controller runs (a rate limit, a body over the
 * limit): `status`, a code and a sentence. JSON (`{ error: { code, message } }`) unless the route
 * set its own with `answerRefusalsWith` (OTLP answers in its own Status message).
 */
export type Refusal = (response: Response, status: number, code: string, message: string) => void;

const REFUSAL = Symbol('refusal');

type WithRefusal = Request & { [REFUSAL]?: Refusal };

export const jsonRefusal: Refusal = (response, status, code, message) => {
  response.status(status).json({ error: { code, message } });
};

/** Middleware: refusals on this path are answered by `refusal`. */
export function answerRefusalsWith(refusal: Refusal) {
  return (request: Request, _response: Response, next: NextFunction): void => {
    (request as WithRefusal)[REFUSAL] = refusal;
    next();
  };
}

/** The refusal this request's route answers with. */
export function refusalFor(request: Request): Refusal {
  return (request as WithRefusal)[REFUSAL] ?? jsonRefusal;
}

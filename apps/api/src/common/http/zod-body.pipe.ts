import type { PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { InputError, type FieldError } from '../../errors/domain-errors.js';

/** A zod failure as field errors: each issue's path (`body` for the body itself) and what is wrong. */
export function fieldErrorsOf(error: z.ZodError, root = 'body'): FieldError[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || root, message: issue.message }));
}

/**
 * The shape check of an HTTP body, at the edge: the contract's zod schema parses it (a missing body
 * is `{}`), or the request ends as an InputError (400) naming each field. Domain rules (does the
 * automation exist, may this runtime ack that command) stay in the services.
 *
 *   claim(@Body(new ZodBodyPipe(claimCommandsRequestV1)) body: ClaimCommandsRequestV1) { ... }
 */
export class ZodBodyPipe<T extends z.ZodType> implements PipeTransform<unknown, z.output<T>> {
  constructor(
    private readonly schema: T,
    private readonly summary = 'The request body is not valid.',
  ) {}

  transform(body: unknown): z.output<T> {
    const result = this.schema.safeParse(body ?? {});
    if (!result.success) {
      throw new InputError(this.summary, fieldErrorsOf(result.error));
    }
    return result.data;
  }
}

import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { GqlContextType } from '@nestjs/graphql';
import type { Response } from 'express';
import { GraphQLError } from 'graphql';
import { DomainError, type DomainErrorKind } from './domain-errors.js';

function httpStatus(kind: DomainErrorKind): number {
  switch (kind) {
    case 'input':
      return 400;
    case 'not_found':
      return 404;
    case 'conflict':
      return 409;
    case 'not_allowed':
      return 403;
    case 'unauthenticated':
      return 401;
    case 'too_large':
      return 413;
  }
}

/** Maps every domain error to a GraphQL error (code + field paths) or an HTTP response. */
@Catch(DomainError)
export class DomainErrorFilter implements ExceptionFilter<DomainError> {
  catch(error: DomainError, host: ArgumentsHost): GraphQLError | undefined {
    const fields = error.fields.length > 0 ? error.fields : undefined;
    if (host.getType<GqlContextType>() === 'graphql') {
      return new GraphQLError(error.message, { extensions: { code: error.code, fields } });
    }
    host
      .switchToHttp()
      .getResponse<Response>()
      .status(httpStatus(error.kind))
      .json({ error: { code: error.code, message: error.message, fields } });
    return undefined;
  }
}

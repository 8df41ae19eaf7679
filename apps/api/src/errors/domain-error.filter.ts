import { Catch, HttpException, Inject, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { GqlContextType } from '@nestjs/graphql';
import type { Response } from 'express';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { QueryFailedError } from 'typeorm';
import { API_LOGGER } from '../logging/api-logger.token.js';
import { currentRequestId } from '../logging/logger.js';
import { budgetSpent } from '../database/request-budget.js';
import { DomainError, InputError, NotFoundError, type DomainErrorKind } from './domain-errors.js';

/** The HTTP status each kind of domain error is answered with. */
export function httpStatus(kind: DomainErrorKind): number {
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
    case 'unsupported_media':
      return 415;
    case 'too_slow':
      return 503;
  }
}

/** What PostgreSQL says when a value a caller sent cannot be what the query needs (`invalid input syntax for type uuid: "x"`). */
const INVALID_SYNTAX = /invalid input syntax for type (\w+(?: \w+)*): "(.*)"$/s;
const TYPE_WORDS: Record<string, string> = { uuid: 'an id', integer: 'a whole number', bigint: 'a whole number', numeric: 'a number', boolean: 'true or false' };
/** A foreign key's complaint about a reference to nothing: `Key (team)=(x) is not present in table "team".` */
const MISSING_REFERENCE = /^Key \([^)]*\)=\((.*)\) is not present in table "(\w+)"\.$/s;

const shorten = (value: string) => (value.length > 60 ? `${value.slice(0, 60)}…` : value);

/**
 * PostgreSQL refusing a value the caller sent (an id that is not one, a NUL character): the
 * caller's mistake, said as such, instead of an unexpected error; a statement stopped by its
 * request's database budget, said as such too. Anything else stays unexpected.
 */
export function databaseInputError(error: unknown): DomainError | undefined {
  if (!(error instanceof QueryFailedError)) {
    return undefined;
  }
  if (error.driverError instanceof DomainError) {
    // Refused before it reached the database (a request whose budget is spent).
    return error.driverError;
  }
  const { code, message, detail } = error.driverError as { code?: string; message?: string; detail?: string };
  switch (code) {
    case '57014':
      // Stopped by the statement_timeout a request's budget set; a cancel by hand stays unexpected.
      return /statement timeout/.test(message ?? '') ? budgetSpent() : undefined;
    case '22P02': {
      const [, type = '', value = ''] = INVALID_SYNTAX.exec(message ?? '') ?? [];
      return new InputError(`"${shorten(value)}" is not ${TYPE_WORDS[type] ?? `a valid ${type || 'value'}`}.`, []);
    }
    case '23503': {
      const missing = MISSING_REFERENCE.exec(detail ?? '');
      return missing === null ? undefined : new NotFoundError(`There is no ${missing[2]?.replace(/_/g, ' ')} "${shorten(missing[1] ?? '')}".`);
    }
    case '22021':
    case '22P05':
      return new InputError('The request holds a NUL character (\\u0000) or broken unicode, which cannot be stored.', []);
    case '22001':
    case '22003':
    case '22007':
    case '22008':
      return new InputError('A value in the request is too long, too large or not a valid date.', []);
    default:
      return undefined;
  }
}

/**
 * Maps every domain error to a GraphQL error (code + field paths) or an HTTP response. An
 * unexpected error on an HTTP route is logged whole and answered with a sentence and the request
 * id, never with internals (GraphQL's are masked by formatGraphQLError).
 */
@Catch()
export class DomainErrorFilter implements ExceptionFilter {
  constructor(@Inject(API_LOGGER) private readonly log: Logger) {}

  catch(thrown: unknown, host: ArgumentsHost): unknown {
    const error = databaseInputError(thrown) ?? thrown;
    const graphql = host.getType<GqlContextType>() === 'graphql';
    if (!(error instanceof DomainError)) {
      return graphql ? error : this.answer(host.switchToHttp().getResponse<Response>(), error);
    }
    const fields = error.fields.length > 0 ? error.fields : undefined;
    if (graphql) {
      return new GraphQLError(error.message, { extensions: { code: error.code, fields } });
    }
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) {
      // Half a file already went out (a streamed export): cut it, so the reader sees it broken, not short.
      response.destroy(error);
      return undefined;
    }
    response.status(httpStatus(error.kind)).json({ error: { code: error.code, message: error.message, fields } });
    return undefined;
  }

  /** Nest's own HTTP errors (an unknown route: 404) keep their status and message; anything else is ours to own. */
  private answer(response: Response, error: unknown): undefined {
    if (error instanceof HttpException) {
      const body = error.getResponse();
      response.status(error.getStatus()).json(typeof body === 'string' ? { statusCode: error.getStatus(), message: body } : body);
      return undefined;
    }
    this.log.error({ err: error }, 'unexpected error in an HTTP request');
    if (!response.headersSent) {
      response.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: `Something went wrong on our side (request id ${currentRequestId() ?? 'unknown'}).` } });
    }
    return undefined;
  }
}

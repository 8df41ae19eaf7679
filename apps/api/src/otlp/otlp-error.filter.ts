import { Catch, HttpException, Inject, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { databaseInputError, httpStatus } from '../errors/domain-error.filter.js';
import { DomainError } from '../errors/domain-errors.js';
import { API_LOGGER } from '../logging/api-logger.token.js';
import { currentRequestId } from '../logging/logger.js';
import { encodingOf } from './otlp-request.js';
import { sendOtlpError } from './otlp-response.js';

/** How long a client told 503 should wait, in seconds (the database was busier than a request's budget). */
const RETRY_AFTER_SECONDS = 5;

/**
 * Errors on /v1/traces as OTLP/HTTP writes them: the status the rest of the api would give (401,
 * 403, 400, 413, 415, 503 with Retry-After…) and a google.rpc.Status body in the request's encoding.
 */
@Catch()
export class OtlpErrorFilter implements ExceptionFilter {
  constructor(@Inject(API_LOGGER) private readonly log: Logger) {}

  catch(thrown: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const encoding = encodingOf(request.headers['content-type']);
    const error = databaseInputError(thrown) ?? thrown;
    if (response.headersSent) {
      response.destroy();
      return;
    }
    if (error instanceof DomainError) {
      const status = httpStatus(error.kind);
      if (status === 503) {
        response.setHeader('retry-after', String(RETRY_AFTER_SECONDS));
      }
      if (status === 401) {
        response.setHeader('www-authenticate', 'Bearer');
      }
      sendOtlpError(response, encoding, status, error.message);
      return;
    }
    if (error instanceof HttpException) {
      sendOtlpError(response, encoding, error.getStatus(), error.message);
      return;
    }
    this.log.error({ err: error }, 'unexpected error in an OTLP export');
    sendOtlpError(response, encoding, 500, `Something went wrong on our side (request id ${currentRequestId() ?? 'unknown'}).`);
  }
}

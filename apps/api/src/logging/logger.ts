import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { LoggerService } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';

interface RequestContext {
  requestId: string;
}

const requestContext = new AsyncLocalStorage<RequestContext>();

export function currentRequestId(): string | undefined {
  return requestContext.getStore()?.requestId;
}

/** Keys whose values never reach a log line, wherever they sit in a logged object (two levels down). */
const SECRET_KEYS = ['authorization', 'cookie', 'set-cookie', 'x-csrf-token', 'password', 'secret', 'token', 'csrfToken', 'databaseUrl', 'payload', 'parameters'];
const REDACTED_PATHS = ['', '*.', '*.*.'].flatMap((parents) => SECRET_KEYS.map((key) => `${parents}["${key}"]`));

/**
 * An error whole (type, message, stack, SQL text, PostgreSQL's code and table) but without the
 * values a failed query was given or PostgreSQL quotes back (`detail`): they hold payloads,
 * tokens' hashes and whatever a caller sent.
 */
export function serializeError(error: unknown): unknown {
  if (!(error instanceof Error)) {
    return error;
  }
  const serialized = pino.stdSerializers.err(error) as unknown as Record<string, unknown>;
  const { parameters: _parameters, driverError, detail: _detail, ...rest } = serialized;
  if (driverError !== null && typeof driverError === 'object') {
    const { code, severity, table, column, constraint, routine } = driverError as Record<string, unknown>;
    rest.driverError = { code, severity, table, column, constraint, routine };
  }
  return rest;
}

/** A request URL without its query string: what a log line may say of a URL (a query string holds what callers send). */
export function pathOf(url: string | undefined): string {
  return (url ?? '').split('?', 1)[0] ?? '';
}

/** Structured JSON logs; every line written during a request carries its request id. Secrets are redacted. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options: LoggerOptions = {
    level,
    base: { service: 'roundhouse-api' },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin: () => {
      const requestId = currentRequestId();
      return requestId === undefined ? {} : { requestId };
    },
    serializers: { err: serializeError },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  };
  return destination === undefined ? pino(options) : pino(options, destination);
}

/**
 * Readable lines for a terminal (`LOG_FORMAT=pretty`): time, level, message, then the fields that
 * matter, with the same redaction (pino redacts before the line reaches this stream). pino-pretty is
 * a development dependency, loaded only when asked for.
 */
export async function prettyDestination(destination: NodeJS.WritableStream = process.stdout): Promise<DestinationStream> {
  const { default: pretty } = await import('pino-pretty');
  return pretty({
    destination,
    colorize: destination === process.stdout && process.stdout.isTTY,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,service',
    singleLine: true,
    sync: true,
  });
}

/**
 * The level of a request's access line: a request that worked is routine (`debug`: the console and
 * the demo runtime poll every few seconds), one that was refused says something (`info`), one that
 * failed is an error.
 */
export function requestLogLevel(statusCode: number, error: unknown): 'debug' | 'info' | 'error' {
  if (error !== undefined || statusCode >= 500) {
    return 'error';
  }
  return statusCode >= 400 ? 'info' : 'debug';
}

const REQUEST_ID = /^[\w.:-]{1,64}$/;

/** Takes a caller's x-request-id when it is sane, makes one otherwise, and returns it in the response. */
export function requestIdMiddleware(request: Request, response: Response, next: NextFunction): void {
  const given = request.header('x-request-id');
  const requestId = given !== undefined && REQUEST_ID.test(given) ? given : randomUUID();
  request.requestId = requestId;
  response.setHeader('x-request-id', requestId);
  requestContext.run({ requestId }, next);
}

/** Nest's start-up chatter (a line per module and route): there at `debug`, not in the way at `info`. */
const NEST_BOOT_CONTEXTS = new Set(['NestFactory', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'GraphQLModule', 'NestApplication']);

/** Routes Nest's own log lines through pino. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string): void {
    if (context !== undefined && NEST_BOOT_CONTEXTS.has(context)) {
      this.logger.debug({ context }, String(message));
      return;
    }
    this.logger.info({ context }, String(message));
  }

  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error({ context, trace }, String(message));
  }

  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }

  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }

  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }
}

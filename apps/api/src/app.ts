import 'reflect-metadata';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, NestFactory, Reflector } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { INGEST_PATH, INGEST_V2_PATH, OTLP_TRACES_PATH } from '@roundhouse/contracts';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { AppModule } from './app.module.js';
import { jsonBody } from './common/http/json-body.js';
import { answerRefusalsWith } from './common/http/refusal.js';
import { otlpRefusal } from './otlp/otlp-response.js';
import { databaseBudget } from './database/request-budget.js';
import { replicaReadScope } from './database/replica-reads.js';
import { oneCatchUpPerRequest } from './database/request-catch-up.js';
import { refuseDeeplyNestedDocuments } from './common/graphql/operation-limits.js';
import { runtimeRateLimits, signInRateLimit } from './common/http/rate-limits.js';
import { RateLimitStores } from './common/http/rate-limit-stores.js';
import { listOperationRules } from './auth/operation-rules.js';
import type { AppConfig } from './config/app.config.js';
import { PinoNestLogger, pathOf, requestIdMiddleware, requestLogLevel, serializeError } from './logging/logger.js';
import { readIngestBody } from './ingest/ingest-body.js';
import { METRICS_CLOSED_NOTE, metricsClosed } from './metrics/metrics-access.js';
import { MetricsService } from './metrics/metrics.service.js';
import { JobsService } from './jobs/jobs.service.js';
import { RuntimeCollectors } from './runtimes/runtime-collectors.service.js';

// `audit/export.csv` and `catalog/backstage/entities.yaml` exactly: `/audit` and `/catalog` themselves are console pages.
const API_PATHS = /^\/(graphql|auth|healthz|readyz|metrics|ingest|v1\/traces|audit\/export\.csv|catalog\/backstage\/entities\.yaml)(\/|$)/;

/**
 * Serves the built console at `/`, with the SPA's index.html for its client-side routes. Files under
 * `assets/` are named by the hash of their content (a new build, new names), so a browser keeps them
 * for a year without asking again; index.html is asked for every time, so a deploy shows at once.
 * Source maps are written by the build for debugging and error tracking, never served in production.
 */
function serveConsole(app: NestExpressApplication, dir: string, production: boolean): void {
  const index = path.join(dir, 'index.html');
  if (!existsSync(index)) {
    return;
  }
  if (production) {
    app.use((request: Request, response: Response, next: NextFunction) => {
      if (request.path.endsWith('.map')) {
        response.status(404).end();
        return;
      }
      next();
    });
  }
  app.use('/assets', express.static(path.join(dir, 'assets'), { index: false, immutable: true, maxAge: '365d', fallthrough: false }));
  app.use(express.static(dir, { index: false, maxAge: '1h' }));
  app.use((request: Request, response: Response, next: NextFunction) => {
    // HEAD as well as GET: uptime checks and load balancers ask `HEAD /`.
    if ((request.method !== 'GET' && request.method !== 'HEAD') || API_PATHS.test(request.path) || !request.accepts('html')) {
      next();
      return;
    }
    response.setHeader('cache-control', 'no-cache');
    response.sendFile(index);
  });
}

/** Request latency for /metrics, by route pattern (never by raw URL, which would explode the labels). */
function observeRequests(metrics: MetricsService) {
  return (request: Request, response: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    response.on('finish', () => {
      const route = API_PATHS.exec(request.path)?.[1] ?? 'console';
      metrics.observeRequest(request.method, `/${route}`, response.statusCode, Number(process.hrtime.bigint() - started) / 1e9);
    });
    next();
  };
}

/** Fails start-up when any operation or route has no rule: closed by default, checked. */
export function assertEveryOperationHasARule(app: INestApplication): void {
  const rules = listOperationRules(app.get(DiscoveryService), app.get(MetadataScanner), app.get(Reflector));
  const open = rules.filter((r) => r.rule === undefined).map((r) => r.operation);
  if (open.length > 0) {
    throw new Error(`These operations declare neither @Public() nor @RequirePermission(): ${open.join(', ')}`);
  }
}

/**
 * Security headers on every answer: a content security policy that lets the console load only its
 * own scripts (recharts draws with inline styles, the favicon is a data: URL), no framing, no
 * sniffing, no referrer. HSTS and upgrading requests to https only in production, where TLS is in
 * front; on a laptop the console is plain http://localhost.
 */
function securityHeaders(config: AppConfig): ReturnType<typeof helmet> {
  const production = config.NODE_ENV === 'production';
  return helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: production ? [] : null,
      },
    },
    strictTransportSecurity: production,
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
  });
}

/** The api as a Nest application, configured but not listening. Used by main and by tests. */
export async function createApp(config: AppConfig, databaseUrl: string, log: Logger): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrl, log), {
    logger: new PinoNestLogger(log),
    bodyParser: false,
  });
  app.disable('x-powered-by');
  if (config.ROUNDHOUSE_TRUST_PROXY !== undefined) {
    // The client's address (rate limits, logs) from X-Forwarded-For, as written by the trusted balancers.
    app.set('trust proxy', config.ROUNDHOUSE_TRUST_PROXY);
  }
  app.use(securityHeaders(config));
  // brotli or gzip, as the client accepts: the console's scripts, GraphQL answers, exports.
  app.use(compression());
  app.use(requestIdMiddleware);
  app.use(databaseBudget(config.ROUNDHOUSE_REQUEST_STATEMENT_TIMEOUT_MS));
  // Sessions and KPI definitions kept per process: one round trip on the change feed per request, again after a write (request-catch-up.ts).
  app.use(oneCatchUpPerRequest());
  // Dashboards, health charts, KPI and SLO reads and exports may read the replica (database/replica-reads.ts).
  app.use(replicaReadScope());
  app.use(observeRequests(app.get(MetricsService)));
  app.use(
    pinoHttp({
      logger: log,
      genReqId: (request) => (request as Request).requestId ?? 'unknown',
      customAttributeKeys: { reqId: 'requestId' },
      autoLogging: { ignore: (request) => ['/healthz', '/readyz'].includes(pathOf(request.url)) },
      customLogLevel: (_request, response, error) => requestLogLevel(response.statusCode, error),
      serializers: {
        // The path only: a query string carries what callers send (GraphQL GET variables, filters).
        req: (req: { method: string; url: string }) => ({ method: req.method, url: pathOf(req.url) }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        err: serializeError,
      },
    }),
  );
  // One budget for every way of signing in (a password, a persona, the identity provider), per address.
  const rateLimitStores = app.get(RateLimitStores);
  await rateLimitStores.open().catch(async (error: unknown) => {
    await app.close();
    throw error;
  });
  app.use(['/auth/sign-in', '/auth/dev-sign-in', '/auth/oidc'], signInRateLimit(config.ROUNDHOUSE_SIGN_IN_RATE_LIMIT, rateLimitStores));
  // Runtime credentials that have not worked lately are limited per address before any lookup.
  const runtimeLimits = runtimeRateLimits(config.ROUNDHOUSE_INGEST_RATE_LIMIT, config.ROUNDHOUSE_INGEST_UNKNOWN_TOKEN_RATE_LIMIT, rateLimitStores);
  app.use('/ingest', runtimeLimits.credentials);
  // Ingest reads its own body (limits, gzip, NDJSON); everything else speaks JSON.
  app.use([INGEST_PATH, INGEST_V2_PATH], runtimeLimits.perToken, readIngestBody);
  // OpenTelemetry in: the same limits and body rules, refusals written as OTLP's Status.
  app.use(OTLP_TRACES_PATH, answerRefusalsWith(otlpRefusal), runtimeLimits.credentials, runtimeLimits.perToken, readIngestBody);
  app.use(jsonBody());
  app.use('/graphql', refuseDeeplyNestedDocuments);
  serveConsole(app, config.ROUNDHOUSE_CONSOLE_DIR, config.NODE_ENV === 'production');
  await app.init();
  assertEveryOperationHasARule(app);
  if (metricsClosed(config)) {
    log.info(METRICS_CLOSED_NOTE);
  }
  await app.get(JobsService).start();
  if (config.ROUNDHOUSE_COLLECTORS) {
    // Collectors follow the catalog from here on: a binding registered, edited or archived later is picked up within seconds.
    await app.get(RuntimeCollectors).follow();
  }
  return app;
}

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ipaddr from 'ipaddr.js';
import { z } from 'zod';
import { RISK_DOMAINS } from '@roundhouse/contracts';
import { OUTBOUND_ALLOW_SETTING, parseOutboundAllowList } from './outbound-allow.js';
import { parseRiskDomains } from './approval-risk-domains.js';
import { parseBurnRatePolicy } from './burn-rate-rules.js';
import { RUNTIME_VARIABLES_SETTING, RuntimeVariables, parseRuntimeVariableAllowList } from './runtime-variables.js';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

const port = (fallback: number) =>
  z.coerce
    .number({ message: 'a port number (0–65535)' })
    .int({ message: 'a port number (0–65535)' })
    .min(0, { message: 'a port number (0–65535)' })
    .max(65535, { message: 'a port number (0–65535)' })
    .default(fallback);

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** An address, a range (CIDR) or one of express's names for ranges. */
function isProxyAddress(entry: string): boolean {
  return PROXY_NAMES.includes(entry) || ipaddr.isValid(entry) || (entry.includes('/') && ipaddr.isValidCIDR(entry));
}

const flag = z.enum(['true', 'false', '1', '0'], { message: 'true or false' }).transform((value) => value === 'true' || value === '1');

/**
 * Every setting the api reads, validated at start-up. A wrong value stops start-up with a sentence
 * naming the key. Keys marked sensitive are never logged.
 */
const schema = z.object({
  /** `production` hardens defaults: dev sign-in must be off. */
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** HTTP port for the API and the console. */
  PORT: port(3000),
  /** Address to listen on. */
  HOST: z.string().default('127.0.0.1'),
  /** PostgreSQL connection string. When unset, an embedded PostgreSQL is started. Sensitive. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, message: 'a postgres:// URL' }).optional(),
  /**
   * The role that owns the tables, that migrations run as; used only with DATABASE_URL. The api runs as
   * DATABASE_URL's role, which must not own `audit_entry`; in production, when this is unset,
   * pending migrations stop start-up. Sensitive.
   */
  DATABASE_MIGRATION_URL: z.url({ protocol: /^postgres(ql)?$/, message: 'a postgres:// URL' }).optional(),
  /**
   * A streaming read replica of DATABASE_URL's database, signed in as the same api role: dashboards,
   * health charts, KPI and SLO reads and audit exports read it (database/replica-reads.ts lists them),
   * read-only; everything else reads and writes DATABASE_URL. Used only with DATABASE_URL. Sensitive.
   */
  DATABASE_REPLICA_URL: z.url({ protocol: /^postgres(ql)?$/, message: 'a postgres:// URL' }).optional(),
  /** How far behind (seconds) the read replica may be before the console says its figures are as of an earlier time. */
  ROUNDHOUSE_REPLICA_LAG_NOTICE_SECONDS: z.coerce
    .number({ message: 'a number of seconds' })
    .int({ message: 'a whole number of seconds' })
    .min(0, { message: 'at least 0' })
    .max(86_400, { message: 'at most 86400 (a day)' })
    .default(30),
  /** Folder for the embedded PostgreSQL's data and the instance lock; kept across restarts. */
  ROUNDHOUSE_DATA_DIR: z.string().default(path.join(repositoryRoot, '.data')),
  /** Port of the embedded PostgreSQL. */
  ROUNDHOUSE_EMBEDDED_PG_PORT: port(54329),
  /** Folder of catalog YAML and runbooks applied at start-up. */
  ROUNDHOUSE_CATALOG_DIR: z.string().default(path.join(repositoryRoot, 'catalog')),
  /** Built console to serve at `/`; nothing is served when the folder is missing. */
  ROUNDHOUSE_CONSOLE_DIR: z.string().default(path.join(repositoryRoot, 'apps/console/dist')),
  /** Apply catalog/ at start-up. */
  ROUNDHOUSE_APPLY_CATALOG: flag.default(true),
  /** Folder of stakeholder dashboards as code (`*.yaml`, Dashboard v1) applied at start-up. */
  ROUNDHOUSE_DASHBOARDS_DIR: z.string().default(path.join(repositoryRoot, 'dashboards')),
  /** Apply dashboards/ at start-up, right after the catalog (all or nothing). */
  ROUNDHOUSE_APPLY_DASHBOARDS: flag.default(true),
  /** Enables the dev personas sign-in. Never in production. */
  ROUNDHOUSE_DEV_SIGN_IN: flag.default(false),
  /** Secret that signs session cookies (32+ characters). Sensitive. A random one is used when unset outside production. */
  ROUNDHOUSE_SESSION_SECRET: z.string().min(32, { message: 'at least 32 characters' }).optional(),
  /**
   * Single sign-on: the identity provider's issuer (the JWT's `iss`). With the audience and JWKS URL,
   * a request carrying `Authorization: Bearer <JWT>` signed by that provider is signed in. All three or none.
   */
  ROUNDHOUSE_OIDC_ISSUER: z.string().optional(),
  /** The audience the provider's tokens must name for Roundhouse (the JWT's `aud`). */
  ROUNDHOUSE_OIDC_AUDIENCE: z.string().optional(),
  /** Where the provider publishes its signing keys (JWKS), e.g. https://id.example.com/.well-known/jwks.json. */
  ROUNDHOUSE_OIDC_JWKS_URL: z.url({ protocol: /^https?$/, message: 'an http(s) URL' }).optional(),
  /** The claim carrying the Roundhouse role: viewer, operator, owner or admin. */
  ROUNDHOUSE_OIDC_ROLE_CLAIM: z.string().default('roundhouse_role'),
  /** The claim carrying the teams (a list, or names separated by commas or spaces): owners' teams, operators' on-call teams. */
  ROUNDHOUSE_OIDC_TEAMS_CLAIM: z.string().default('roundhouse_teams'),
  /**
   * Single sign-on in the browser (authorization code flow with PKCE): the client id Roundhouse is
   * registered with at the provider (ROUNDHOUSE_OIDC_ISSUER, found by discovery). With the client
   * secret and the redirect URL, the sign-in page offers "Sign in with …".
   */
  ROUNDHOUSE_OIDC_CLIENT_ID: z.string().optional(),
  /** The client's secret at the provider (client_secret_basic). Sensitive. */
  ROUNDHOUSE_OIDC_CLIENT_SECRET: z.string().optional(),
  /**
   * Where the provider sends people back: this server's `/auth/oidc/callback`, as registered at the
   * provider, e.g. https://roundhouse.example.com/auth/oidc/callback. After signing out of the
   * provider people come back to `/sign-in` on the same origin (register it as a post-logout redirect URI).
   */
  ROUNDHOUSE_OIDC_REDIRECT_URL: z.url({ protocol: /^https?$/, message: 'an http(s) URL' }).optional(),
  /** The provider's name on the sign-in button: "Sign in with <name>", e.g. Okta. */
  ROUNDHOUSE_OIDC_DISPLAY_NAME: z.string().trim().min(1, { message: 'a name' }).max(60, { message: 'at most 60 characters' }).default('single sign-on'),
  /** Scopes asked for, separated by spaces: `openid` and those that bring the role and teams claims. */
  ROUNDHOUSE_OIDC_SCOPES: z
    .string()
    .default('openid profile email')
    .refine((value) => value.split(/\s+/).includes('openid'), { message: 'a space-separated list of scopes that includes openid' }),
  /** Collect dead letters from the brokers named in automations' runtime bindings (when their connection variable is set). */
  ROUNDHOUSE_COLLECTORS: flag.default(true),
  /**
   * Milliseconds between two reads of the catalog's runtime bindings by a process that runs
   * collectors: registering, editing or archiving an automation starts, moves or stops its
   * collector on every such process within this time.
   */
  ROUNDHOUSE_COLLECTORS_SYNC_MS: z.coerce
    .number({ message: 'a whole number of milliseconds' })
    .int({ message: 'a whole number of milliseconds' })
    .min(100, { message: 'at least 100 milliseconds' })
    .max(300_000, { message: 'at most 300000 milliseconds (5 minutes)' })
    .default(2_000),
  /**
   * Milliseconds a source's answer about what it keeps (a dead-letter queue's TTL and the messages
   * waiting in it, BullMQ's removeOnFail) is reused before it is read again, in the background, for
   * retention warnings: pages and the minute evaluator no longer ask the brokers each time.
   */
  ROUNDHOUSE_RETENTION_READ_TTL_MS: z.coerce
    .number({ message: 'a whole number of milliseconds' })
    .int({ message: 'a whole number of milliseconds' })
    .min(0, { message: 'at least 0 milliseconds' })
    .max(3_600_000, { message: 'at most 3600000 milliseconds (1 hour)' })
    .default(300_000),
  /** Run durable background jobs (pg-boss) in this process. */
  ROUNDHOUSE_JOBS: flag.default(true),
  /** Days raw runs are kept; per-minute rollups are kept regardless. */
  ROUNDHOUSE_RUN_RETENTION_DAYS: z.coerce
    .number({ message: 'a whole number of days' })
    .int({ message: 'a whole number of days' })
    .min(1, { message: 'a whole number of days' })
    .default(30),
  /**
   * Seconds a reprocess dispatch may stay unconfirmed before another worker sends it again (with the
   * same idempotency key): how soon work resumes after a process dies mid-send.
   */
  ROUNDHOUSE_REPROCESS_LEASE_SECONDS: z.coerce
    .number({ message: 'a whole number of seconds' })
    .int({ message: 'a whole number of seconds' })
    .min(2, { message: 'at least 2 seconds' })
    .max(3600, { message: 'at most 3600 seconds' })
    .default(30),
  /**
   * Burn-rate alert rules every SLO is evaluated with: `name:severity:burnRate:longWindow/shortWindow`,
   * comma-separated. Unset: the SRE workbook's `fast-burn:page:14.4:1h/5m,sustained-burn:page:6:6h/30m,slow-burn:ticket:1:3d/6h`.
   */
  ROUNDHOUSE_BURN_RATE_RULES: z.string().optional(),
  /** Slack-compatible incoming webhook that alert notifications are posted to; none are sent when unset. Sensitive (the URL is the credential). */
  ROUNDHOUSE_ALERT_WEBHOOK_URL: z.url({ protocol: /^https?$/, message: 'an http(s) URL' }).optional(),
  /** Where people reach this console, for links in notifications. */
  ROUNDHOUSE_PUBLIC_URL: z.url({ protocol: /^https?$/, message: 'an http(s) URL' }).optional(),
  /**
   * Redis that counts the rate limits (sign-in, ingest) for every api process of this deployment;
   * unset, they are counted in PostgreSQL. Keys start with `roundhouse:<cluster>:<database>:`. Sensitive.
   */
  REDIS_URL: z.url({ protocol: /^rediss?$/, message: 'a redis:// or rediss:// URL' }).optional(),
  /**
   * Balancers in front of the api whose `X-Forwarded-For` is believed, so that rate limits count per
   * client rather than per balancer: a number of hops, or addresses and ranges, comma-separated
   * (`10.0.0.0/8`, `loopback`, `linklocal`, `uniquelocal`). Unset: no proxy is trusted.
   */
  ROUNDHOUSE_TRUST_PROXY: z
    .string()
    .transform((value): number | string[] =>
      /^\d+$/.test(value.trim())
        ? Number(value.trim())
        : value
            .split(',')
            .map((entry) => entry.trim())
            .filter((entry) => entry !== ''),
    )
    .refine((value) => typeof value === 'number' || (value.length > 0 && value.every(isProxyAddress)), {
      message: 'a number of hops, or addresses and ranges separated by commas (e.g. 10.0.0.0/8, loopback)',
    })
    .optional(),
  /** Sign-in attempts a minute from one address (all api processes together); more get 429 with Retry-After. */
  ROUNDHOUSE_SIGN_IN_RATE_LIMIT: z.coerce
    .number({ message: 'a whole number of requests a minute' })
    .int({ message: 'a whole number of requests a minute' })
    .min(1, { message: 'at least 1' })
    .default(30),
  /** Ingest requests a minute with one runtime token (all api processes together; each carries up to 1,000 events); more get 429 with Retry-After. */
  ROUNDHOUSE_INGEST_RATE_LIMIT: z.coerce
    .number({ message: 'a whole number of requests a minute' })
    .int({ message: 'a whole number of requests a minute' })
    .min(1, { message: 'at least 1' })
    .default(3000),
  /**
   * Unknown, malformed or missing runtime tokens a minute from one address on /ingest (all api
   * processes together); more get 429 with Retry-After before any database read.
   */
  ROUNDHOUSE_INGEST_UNKNOWN_TOKEN_RATE_LIMIT: z.coerce
    .number({ message: 'a whole number of requests a minute' })
    .int({ message: 'a whole number of requests a minute' })
    .min(1, { message: 'at least 1' })
    .default(60),
  /** How far ahead of the server clock an ingest event's times may be; later is quarantined. */
  ROUNDHOUSE_INGEST_MAX_CLOCK_SKEW_SECONDS: z.coerce
    .number({ message: 'a whole number of seconds' })
    .int({ message: 'a whole number of seconds' })
    .min(1, { message: 'at least 1 second' })
    .max(86_400, { message: 'at most 86400 seconds (a day)' })
    .default(300),
  /**
   * How far back a runtime may date KPI measurements and dead letters (kept with no retention, so
   * last year's "before" can be backfilled and an old queue drained); older is quarantined. Runs,
   * heartbeats and resilience signals may go back ROUNDHOUSE_RUN_RETENTION_DAYS.
   */
  ROUNDHOUSE_INGEST_MAX_AGE_DAYS: z.coerce
    .number({ message: 'a whole number of days' })
    .int({ message: 'a whole number of days' })
    .min(1, { message: 'a whole number of days' })
    .max(36_500, { message: 'at most 36500 days' })
    .default(366),
  /** A reprocess or discard of more dead letters than this waits for a second person's approval. */
  ROUNDHOUSE_APPROVAL_BULK_THRESHOLD: z.coerce
    .number({ message: 'a whole number of messages' })
    .int({ message: 'a whole number of messages' })
    .min(1, { message: 'at least 1' })
    .default(100),
  /**
   * Risk domains whose automations' reprocesses and discards always wait for a second person's
   * approval, whatever their size: comma-separated (revenue, billing, inventory, regulatory, customer), or `none`.
   */
  ROUNDHOUSE_APPROVAL_RISK_DOMAINS: z
    .string()
    .default('revenue,billing')
    .refine((value) => parseRiskDomains(value) !== undefined, { message: `a comma-separated list of risk domains (${RISK_DOMAINS.join(', ')}), or none` }),
  /**
   * Milliseconds of database time one HTTP request may take in all, from its arrival: each statement
   * runs with what is left as PostgreSQL's statement_timeout, and none is sent once it is spent.
   * Background work (jobs, start-up applies, migrations) runs under the database's own setting.
   */
  ROUNDHOUSE_REQUEST_STATEMENT_TIMEOUT_MS: z.coerce
    .number({ message: 'a whole number of milliseconds' })
    .int({ message: 'a whole number of milliseconds' })
    .min(1, { message: 'at least 1' })
    .max(600_000, { message: 'at most 600000 (10 minutes)' })
    .default(5_000),
  /** The same for a GraphQL mutation, which may snapshot a large selection (a reprocess of 100,000 dead letters takes about 15 s). */
  ROUNDHOUSE_MUTATION_STATEMENT_TIMEOUT_MS: z.coerce
    .number({ message: 'a whole number of milliseconds' })
    .int({ message: 'a whole number of milliseconds' })
    .min(1, { message: 'at least 1' })
    .max(600_000, { message: 'at most 600000 (10 minutes)' })
    .default(60_000),
  /**
   * Environment variables, besides those starting with ROUNDHOUSE_RUNTIME_, that catalogs may name as
   * a runtime binding's `connection` or `signingSecret`: comma-separated. Never one of Roundhouse's
   * own settings (a listed one stops start-up).
   */
  ROUNDHOUSE_ALLOWED_RUNTIME_VARIABLES: z.string().optional(),
  /**
   * Hosts, IP addresses and CIDR ranges (comma-separated) that reprocess and alert webhooks may reach
   * although they are loopback, private, link-local or otherwise not public; every other such
   * address is refused when a webhook is sent.
   */
  ROUNDHOUSE_OUTBOUND_ALLOW: z.string().optional(),
  /**
   * When set, GET /metrics needs `Authorization: Bearer <this>` (32+ characters). Unset, /metrics
   * answers 404 in production (start-up says so) and is public elsewhere. Sensitive.
   */
  ROUNDHOUSE_METRICS_TOKEN: z.string().min(32, { message: 'at least 32 characters' }).optional(),
  /** pino level. Successful requests are logged at `debug`, failed ones at `info` (4xx) and `error` (5xx). */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * `json`: one JSON object a line, for log collectors (the default, and what production should
   * keep). `pretty`: readable lines for a person at a terminal (pino-pretty, a development
   * dependency); `npm start` picks it outside production.
   */
  LOG_FORMAT: z.enum(['json', 'pretty']).default('json'),
});

export type AppConfig = z.infer<typeof schema> & { repositoryRoot: string };

export const SENSITIVE_KEYS = [
  'DATABASE_URL',
  'DATABASE_MIGRATION_URL',
  'DATABASE_REPLICA_URL',
  'REDIS_URL',
  'ROUNDHOUSE_SESSION_SECRET',
  'ROUNDHOUSE_OIDC_CLIENT_SECRET',
  'ROUNDHOUSE_ALERT_WEBHOOK_URL',
  'ROUNDHOUSE_METRICS_TOKEN',
] as const;

/** Every variable the api reads as a setting: catalogs may never name one. */
export const SETTING_KEYS: readonly string[] = Object.keys(schema.shape);

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const key = String(issue.path[0]);
      const shown = (SENSITIVE_KEYS as readonly string[]).includes(key) ? '(hidden)' : JSON.stringify(present[key]);
      return `${key} is ${shown}: expected ${issue.message}`;
    });
    throw new ConfigError(`Invalid configuration. ${lines.join('; ')}.`);
  }
  const config = { ...parsed.data, repositoryRoot };
  const policy = parseBurnRatePolicy(config.ROUNDHOUSE_BURN_RATE_RULES);
  if (!policy.ok) {
    throw new ConfigError(`Invalid configuration. ROUNDHOUSE_BURN_RATE_RULES is ${JSON.stringify(config.ROUNDHOUSE_BURN_RATE_RULES)}: ${policy.problems.join('; ')}.`);
  }
  if (config.DATABASE_MIGRATION_URL !== undefined && config.DATABASE_URL === undefined) {
    throw new ConfigError('DATABASE_MIGRATION_URL is set but DATABASE_URL is not: set both (the api runs as DATABASE_URL), or neither for the embedded PostgreSQL.');
  }
  if (config.DATABASE_REPLICA_URL !== undefined && config.DATABASE_URL === undefined) {
    throw new ConfigError('DATABASE_REPLICA_URL is set but DATABASE_URL is not: a read replica needs the primary it copies in DATABASE_URL (the embedded PostgreSQL has none).');
  }
  if (config.NODE_ENV === 'production' && config.ROUNDHOUSE_DEV_SIGN_IN) {
    throw new ConfigError('ROUNDHOUSE_DEV_SIGN_IN is true but NODE_ENV is production: dev sign-in must be off in production.');
  }
  if (config.NODE_ENV === 'production' && config.ROUNDHOUSE_SESSION_SECRET === undefined) {
    throw new ConfigError('ROUNDHOUSE_SESSION_SECRET is required when NODE_ENV is production.');
  }
  const runtimeVariables = parseRuntimeVariableAllowList(config.ROUNDHOUSE_ALLOWED_RUNTIME_VARIABLES, SETTING_KEYS);
  if (!runtimeVariables.ok) {
    throw new ConfigError(`Invalid configuration. ${RUNTIME_VARIABLES_SETTING}: ${runtimeVariables.problems.join('; ')}.`);
  }
  const outbound = parseOutboundAllowList(config.ROUNDHOUSE_OUTBOUND_ALLOW);
  if (!outbound.ok) {
    throw new ConfigError(`Invalid configuration. ${OUTBOUND_ALLOW_SETTING}: ${outbound.problems.join('; ')}.`);
  }
  checkSingleSignOn(config);
  return config;
}

/** Keys given, of those named. */
const given = (config: AppConfig, keys: readonly (keyof AppConfig)[]) => keys.filter((key) => config[key] !== undefined);

function missingOf(config: AppConfig, keys: readonly (keyof AppConfig)[]): string[] {
  return keys.filter((key) => config[key] === undefined);
}

/**
 * Bearer tokens need the issuer, audience and JWKS URL together; browser sign-in needs the issuer,
 * client id, client secret and redirect URL together; the issuer alone is neither.
 */
function checkSingleSignOn(config: AppConfig): void {
  const bearer = ['ROUNDHOUSE_OIDC_ISSUER', 'ROUNDHOUSE_OIDC_AUDIENCE', 'ROUNDHOUSE_OIDC_JWKS_URL'] as const;
  const browser = ['ROUNDHOUSE_OIDC_ISSUER', 'ROUNDHOUSE_OIDC_CLIENT_ID', 'ROUNDHOUSE_OIDC_CLIENT_SECRET', 'ROUNDHOUSE_OIDC_REDIRECT_URL'] as const;
  const bearerMissing = missingOf(config, bearer);
  const browserMissing = missingOf(config, browser);
  const browserWanted = given(config, browser.slice(1)).length > 0;
  const bearerWanted = given(config, bearer.slice(1)).length > 0 || (config.ROUNDHOUSE_OIDC_ISSUER !== undefined && !browserWanted);
  if (bearerWanted && bearerMissing.length > 0) {
    throw new ConfigError(
      `Single sign-on needs ROUNDHOUSE_OIDC_ISSUER, ROUNDHOUSE_OIDC_AUDIENCE and ROUNDHOUSE_OIDC_JWKS_URL together; ${bearerMissing.join(' and ')} ${bearerMissing.length === 1 ? 'is' : 'are'} missing.`,
    );
  }
  if (browserWanted && browserMissing.length > 0) {
    throw new ConfigError(
      `Sign-in with the identity provider needs ROUNDHOUSE_OIDC_ISSUER, ROUNDHOUSE_OIDC_CLIENT_ID, ROUNDHOUSE_OIDC_CLIENT_SECRET and ROUNDHOUSE_OIDC_REDIRECT_URL together; ${browserMissing.join(' and ')} ${browserMissing.length === 1 ? 'is' : 'are'} missing.`,
    );
  }
  if (browserWanted && config.NODE_ENV === 'production' && !`${config.ROUNDHOUSE_OIDC_ISSUER}`.startsWith('https://')) {
    throw new ConfigError('ROUNDHOUSE_OIDC_ISSUER must be an https:// URL in production: sign-in codes and tokens travel to it.');
  }
}

export const APP_CONFIG = Symbol('APP_CONFIG');

/** Where people reach this console (ROUNDHOUSE_PUBLIC_URL, else the address it listens on), without a trailing slash. */
export function consoleUrlOf(config: Pick<AppConfig, 'ROUNDHOUSE_PUBLIC_URL' | 'HOST' | 'PORT'>): string {
  return (config.ROUNDHOUSE_PUBLIC_URL ?? `http://${config.HOST}:${config.PORT}`).replace(/\/+$/, '');
}

/** The environment variables catalogs may name, read from `env` (validated by loadConfig). */
export function runtimeVariablesOf(config: AppConfig, env: Readonly<Record<string, string | undefined>> = process.env): RuntimeVariables {
  const allowList = parseRuntimeVariableAllowList(config.ROUNDHOUSE_ALLOWED_RUNTIME_VARIABLES, SETTING_KEYS);
  return new RuntimeVariables(allowList.ok ? allowList.names : [], SETTING_KEYS, env);
}

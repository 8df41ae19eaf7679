import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, DiscoveryModule } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { AlertsModule } from './alerts/alerts.module.js';
import { AutomationStatusModule } from './automation-status/automation-status.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AccountsModule } from './accounts/accounts.module.js';
import { providePort } from './auth/index.js';
import { AutomationsService } from './automations/index.js';
import { AuthModule } from './auth/auth.module.js';
import { MAX_TOKENS, operationLimitsPlugin } from './common/graphql/operation-limits.js';
import { RateLimitsModule } from './common/http/rate-limits.module.js';
import { AutomationsModule } from './automations/automations.module.js';
import { CatalogModule } from './catalog/catalog.module.js';
import type { AppConfig } from './config/app.config.js';
import { ConfigModule } from './config/config.module.js';
import { ChangeFeed } from './database/change-feed.js';
import { dataSourceOptions } from './database/data-source.js';
import { Database } from './database/database.js';
import { mutationBudgetPlugin } from './database/mutation-budget.plugin.js';
import { ReadReplica } from './database/read-replica.js';
import { replicaReadsPlugin } from './database/replica-reads.js';
import { DataFreshnessModule } from './data-freshness/data-freshness.module.js';
import { BoundAutomations } from './runtimes/index.js';
import { RuntimesModule } from './runtimes/runtimes.module.js';
import { DashboardsModule } from './dashboards/dashboards.module.js';
import { DeadLettersModule } from './dead-letters/dead-letters.module.js';
import { DomainErrorFilter } from './errors/domain-error.filter.js';
import { ProbesModule } from './probes/probes.module.js';
import { IngestModule } from './ingest/ingest.module.js';
import { OtlpModule } from './otlp/otlp.module.js';
import { API_LOGGER } from './logging/api-logger.token.js';
import { DATABASE_URL } from './database/database-url.token.js';
import { JobsModule } from './jobs/jobs.module.js';
import { KpisModule } from './kpis/kpis.module.js';
import { QuarantineModule } from './quarantine/quarantine.module.js';
import { ReprocessModule } from './reprocess/reprocess.module.js';
import { ApprovalsModule } from './approvals/approvals.module.js';
import { KnownAutomations } from './runs/index.js';
import { RunsModule } from './runs/runs.module.js';
import { SlosModule } from './slos/slos.module.js';
import { AutomationOwners } from './tokens/index.js';
import { TokensModule } from './tokens/tokens.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { OutboundModule } from './outbound/outbound.module.js';
import { PeopleModule } from './people/people.module.js';
import { currentRequestId } from './logging/logger.js';
import { TeamsModule } from './teams/teams.module.js';

/** graphql-js's hint at a name the schema has (`Did you mean "slug"?`): a map of the schema for whoever guesses. */
const SUGGESTION = / ?Did you mean .+\?$/;

/**
 * Unexpected errors are logged whole and reach clients as a request id, never as internals. With
 * `hideSchemaDetails` (production) no message suggests names from the schema: Apollo strips them
 * from validation errors, this from the rest (a variable's wrong input field or enum value).
 */
export function formatGraphQLError(
  log: Logger,
  formatted: GraphQLFormattedError,
  error: unknown,
  options: { hideSchemaDetails: boolean } = { hideSchemaDetails: false },
): GraphQLFormattedError {
  if (formatted.extensions?.code === 'INTERNAL_SERVER_ERROR') {
    log.error({ err: unwrapResolverError(error) }, 'unexpected error in a GraphQL operation');
    return { message: `Something went wrong on our side (request id ${currentRequestId() ?? 'unknown'}).`, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  }
  const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
  return { ...formatted, message: options.hideSchemaDetails ? formatted.message.replace(SUGGESTION, '') : formatted.message, extensions };
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string, log: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DiscoveryModule,
        TypeOrmModule.forRoot(dataSourceOptions(databaseUrl)),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          autoSchemaFile: true,
          sortSchema: true,
          path: '/graphql',
          playground: false,
          introspection: config.NODE_ENV !== 'production',
          // No "Did you mean …" in production: suggestions would map the schema for anyone guessing.
          hideSchemaDetailsFromClientErrors: config.NODE_ENV === 'production',
          includeStacktraceInErrorResponses: false,
          // No HTTP caching of answers (every one depends on who asks), so no per-field cache hints to compute.
          plugins: [ApolloServerPluginCacheControlDisabled(), operationLimitsPlugin(), mutationBudgetPlugin(config.ROUNDHOUSE_MUTATION_STATEMENT_TIMEOUT_MS), replicaReadsPlugin()],
          // A document is refused while it is read, before it can nest deep enough to exhaust the parser's stack.
          parseOptions: { maxTokens: MAX_TOKENS },
          context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res }),
          formatError: (formatted, error) => formatGraphQLError(log, formatted, error, { hideSchemaDetails: config.NODE_ENV === 'production' }),
        }),
        AuditModule,
        AuthModule.forRoot([TokensModule, PeopleModule, AccountsModule, AuditModule]),
        ProbesModule,
        TeamsModule,
        AutomationsModule,
        CatalogModule,
        MetricsModule,
        IngestModule,
        OtlpModule,
        JobsModule,
        RunsModule,
        SlosModule,
        AlertsModule,
        AutomationStatusModule,
        KpisModule,
        DashboardsModule,
        QuarantineModule,
        TokensModule,
        DeadLettersModule,
        ReprocessModule,
        ApprovalsModule,
        RuntimesModule,
        OutboundModule,
        RateLimitsModule,
        DataFreshnessModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: DomainErrorFilter },
        { provide: DATABASE_URL, useValue: databaseUrl },
        { provide: API_LOGGER, useValue: log },
        ChangeFeed,
        ReadReplica,
        Database,
        // Ports of lower features that automations provide: those features import nothing of automations/.
        providePort(AutomationOwners, AutomationsService),
        providePort(BoundAutomations, AutomationsService),
        providePort(KnownAutomations, AutomationsService),
      ],
      exports: [DATABASE_URL, API_LOGGER, ChangeFeed, ReadReplica, Database, AutomationOwners, BoundAutomations, KnownAutomations],
      global: true,
    };
  }
}

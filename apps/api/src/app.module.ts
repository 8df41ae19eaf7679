import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, DiscoveryModule } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { GraphQLFormattedError } from 'graphql';
import { AuthModule } from './auth/auth.module.js';
import { AutomationsModule } from './automations/automations.module.js';
import { CatalogModule } from './catalog/catalog.module.js';
import type { AppConfig } from './config/app.config.js';
import { ConfigModule } from './config/config.module.js';
import { dataSourceOptions } from './database/data-source.js';
import { DomainErrorFilter } from './errors/domain-error.filter.js';
import { HealthModule } from './health/health.module.js';
import { currentRequestId } from './logging/logger.js';
import { TeamsModule } from './teams/teams.module.js';

/** Unexpected errors reach clients as a request id, never as internals. */
export function formatGraphQLError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (formatted.extensions?.code === 'INTERNAL_SERVER_ERROR') {
    return { message: `Something went wrong on our side (request id ${currentRequestId() ?? 'unknown'}).`, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  }
  const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
  return { ...formatted, extensions };
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
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
          includeStacktraceInErrorResponses: false,
          context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res }),
          formatError: formatGraphQLError,
        }),
        AuthModule,
        HealthModule,
        TeamsModule,
        AutomationsModule,
        CatalogModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: DomainErrorFilter }],
    };
  }
}

import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { AlertsResolver } from '../alerts/alerts.resolver.js';
import { DashboardSloAlertsResolver } from '../alerts/dashboard-slo-alerts.resolver.js';
import { AuditResolver } from '../audit/audit.resolver.js';
import { ApprovalsResolver, AutomationPendingChangeResolver } from '../approvals/approvals.resolver.js';
import { ViewerResolver } from '../auth/viewer.resolver.js';
import { AutomationStatusResolver } from '../automation-status/automation-status.resolver.js';
import { AutomationsResolver } from '../automations/automations.resolver.js';
import { DashboardsResolver } from '../dashboards/dashboards.resolver.js';
import { DataFreshnessResolver } from '../data-freshness/data-freshness.resolver.js';
import { DeadLettersResolver } from '../dead-letters/dead-letters.resolver.js';
import { RequestFailedAgainResolver } from '../reprocess/request-failed-again.resolver.js';
import { QuarantineResolver } from '../quarantine/quarantine.resolver.js';
import { KpisResolver } from '../kpis/kpis.resolver.js';
import { DeadLetterActionsResolver, ReprocessResolver } from '../reprocess/reprocess.resolver.js';
import { RunsResolver } from '../runs/runs.resolver.js';
import { RetentionWarningsResolver } from '../runtimes/retention-warnings.resolver.js';
import { SlosResolver } from '../slos/slos.resolver.js';
import { TeamsResolver } from '../teams/teams.resolver.js';
import { TokensResolver } from '../tokens/tokens.resolver.js';

/** Every resolver the api serves; the schema drift test fails when one is missing here. */
export const RESOLVERS = [
  AutomationsResolver,
  TeamsResolver,
  ViewerResolver,
  RunsResolver,
  QuarantineResolver,
  TokensResolver,
  DeadLettersResolver,
  ReprocessResolver,
  DeadLetterActionsResolver,
  SlosResolver,
  AlertsResolver,
  KpisResolver,
  DashboardsResolver,
  DashboardSloAlertsResolver,
  AuditResolver,
  ApprovalsResolver,
  AutomationPendingChangeResolver,
  AutomationStatusResolver,
  RequestFailedAgainResolver,
  RetentionWarningsResolver,
  DataFreshnessResolver,
];

/** The GraphQL schema the code defines (with each field's cost), without starting the api or touching a database. */
export async function buildCodeSchema(): Promise<GraphQLSchema> {
  const app = await NestFactory.create(GraphQLSchemaBuilderModule, { logger: false });
  await app.init();
  const schema = await app.get(GraphQLSchemaFactory).create(RESOLVERS);
  await app.close();
  return schema;
}

/** The GraphQL SDL the code defines, sorted. */
export async function generateSchemaSdl(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await buildCodeSchema()))}\n`;
}

if (process.argv[1]?.endsWith('print-schema.js') === true) {
  process.stdout.write(await generateSchemaSdl());
}

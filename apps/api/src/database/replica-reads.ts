import { AsyncLocalStorage } from 'node:async_hooks';
import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import { Kind, OperationTypeNode, type OperationDefinitionNode } from 'graphql';

/**
 * The one place that says which reads the read replica (DATABASE_REPLICA_URL) may serve: heavy reads
 * of figures a person looks at, where a few seconds' lag does no harm and the console says how far
 * behind they are (`dataFreshness`). Everything else reads the primary: every write, every
 * mutation, sign-in and sessions, background jobs (SLO evaluation, retention, reprocess dispatch:
 * they act on what they read), and whatever a person reads right after changing it (the catalog,
 * dead letters, reprocess requests, approvals, the audit trail page).
 *
 * A request is served by the replica only when it is listed here *and* the repository method it
 * calls reads with `Database.read` (database.ts); a listed request that reaches any other method reads
 * the primary, and one that tries to write fails (the replica's connections are read-only).
 */
export const REPLICA_READS = {
  /** GraphQL queries all of whose top-level fields are among these. */
  graphqlFields: [
    /** A stakeholder dashboard: every panel's KPIs, trends, SLOs, backlog and totals. */
    'dashboard',
    /** An automation's health charts, from per-minute rollups. */
    'automationHealth',
    /** KPI reports and trends. */
    'automationKpis',
    'kpiTrend',
    /** SLO statuses (error budgets, burn rates) as the console shows them; SLO evaluation reads the primary. */
    'automationSlos',
    /** How far behind the replica is (it asks both servers), so that it may come in one query with the figures. */
    'dataFreshness',
  ],
  /** HTTP routes (exact paths). */
  routes: [
    /** The audit trail as a file; the trail's page in the console reads the primary, which has what you just did. */
    '/audit/export.csv',
  ],
} as const satisfies { graphqlFields: readonly string[]; routes: readonly string[] };

interface ReadScope {
  replica: boolean;
}

const scopes = new AsyncLocalStorage<ReadScope>();

/** Whether the work under way may read the replica: a request listed in REPLICA_READS. */
export function mayReadReplica(): boolean {
  return scopes.getStore()?.replica === true;
}

/** Runs `work` as a listed read would (tests, and work that is one). */
export function withReplicaReads<T>(work: () => T): T {
  return scopes.run({ replica: true }, work);
}

/** Express middleware: every request gets its scope, replica-readable when its route is listed. */
export function replicaReadScope() {
  const routes: readonly string[] = REPLICA_READS.routes;
  return (request: Request, _response: Response, next: NextFunction): void => {
    scopes.run({ replica: request.method === 'GET' && routes.includes(request.path) }, next);
  };
}

/** Whether a GraphQL operation is a query whose every top-level field is listed (fragments at the top make it not one). */
export function isReplicaQuery(operation: OperationDefinitionNode | null | undefined): boolean {
  if (operation?.operation !== OperationTypeNode.QUERY) {
    return false;
  }
  const fields: readonly string[] = REPLICA_READS.graphqlFields;
  const selections = operation.selectionSet.selections;
  const named = selections.filter((selection) => !(selection.kind === Kind.FIELD && selection.name.value === '__typename'));
  return named.length > 0 && named.every((selection) => selection.kind === Kind.FIELD && fields.includes(selection.name.value));
}

/** Apollo plugin: a listed query's request reads the replica from the moment it is resolved. */
export function replicaReadsPlugin(): ApolloServerPlugin {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ operation }) {
          const scope = scopes.getStore();
          if (scope !== undefined) {
            scope.replica = isReplicaQuery(operation);
          }
          return Promise.resolve();
        },
      });
    },
  };
}

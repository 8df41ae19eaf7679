import type { Persona, TestApi, TestDatabase } from '../harness.js';

/**
 * How the access matrix (access-matrix.int.spec.ts) calls a GraphQL operation against a target owned
 * by a given team. The matrix calls it as anonymous and as each role, for a target of the caller's
 * own team and of another team, and checks each answer against the operation's row in policy.ts.
 *
 * Every query and mutation in the schema needs a case and a row: one without fails the build.
 */
export interface AccessCase {
  /** `Query.automations`, `Mutation.revokeRuntimeToken`. */
  operation: string;
  /** For a further case of the same operation: what is special about its target; its row in policy.ts is `operation (variant)`. */
  variant?: string;
  /** The GraphQL document; it must select only what any allowed caller may see. */
  document: string;
  /**
   * Creates a fresh target owned by `team` for one cell (so one cell's change never decides
   * another's answer) and returns the operation's variables. Runs as an admin and may call the
   * api or write to the database directly.
   */
  prepare?: (context: MatrixContext, team: string) => Record<string, unknown> | Promise<Record<string, unknown>>;
  /**
   * For operations that narrow their answer to the caller's teams instead of refusing: whether the
   * answer shows the prepared target. A team-scoped caller of another team must not see it.
   */
  sees?: (data: any) => boolean; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** For mutations separation of duties may hold: whether the answer says it waits for approval instead of applying. */
  held?: (data: any) => boolean; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** The row of policy.ts that answers for a case. */
export function rowOf(accessCase: Pick<AccessCase, 'operation' | 'variant'>): string {
  return accessCase.variant === undefined ? accessCase.operation : `${accessCase.operation} (${accessCase.variant})`;
}

export interface MatrixContext {
  api: TestApi;
  db: TestDatabase;
  /** A signed-in session cookie for a persona (cached). */
  cookie(persona: Persona): Promise<string>;
  /** Runs a GraphQL operation as the admin and throws on any error: for preparing targets. */
  asAdmin<T>(document: string, variables?: Record<string, unknown>): Promise<T>;
  /** Registers a console-sourced automation owned by `team` and returns its slug. */
  registerAutomation(team: string): Promise<string>;
  /**
   * A shipped (catalog/) automation owned by `team`; for the moved-away runtime's cells, the
   * automation that moved to `team` from the other team (policy.ts, RouteRow.movedAwayRuntime).
   */
  shippedAutomation(team: string): string;
  /** Reports a fresh pending dead letter for that automation and returns its id. */
  deadLetter(team: string): Promise<string>;
  /** Reports a fresh pending dead letter for `automation` (owned by `team`) and returns its id. */
  deadLetterOf(team: string, automation: string): Promise<string>;
}

/**
 * One HTTP route of the access matrix. Routes are called as anonymous, as each role (session
 * cookie) and as runtimes: a token of the target's team with the capability the route needs, one of
 * that team with every other capability, one of another team with the capability, and one of
 * another team naming an automation that has moved to the target's team since (policy.ts).
 */
export interface RouteAccessCase {
  /** `HTTP IngestController.events`, as listed by auth/operation-rules.ts. */
  operation: string;
  /** Creates a fresh target owned by `team` for one cell. */
  prepare?: (context: MatrixContext, team: string) => Record<string, unknown> | Promise<Record<string, unknown>>;
  /** Sends the request with the caller's `credentials` headers (a cookie, or a Bearer token, or none). */
  send: (context: MatrixContext, credentials: Record<string, string>, prepared: Record<string, unknown>, team: string) => Promise<Response>;
  /** The status an open route answers this request with when it is not 2xx (e.g. a sign-in with a wrong password). */
  answered?: number;
  /** For routes that narrow to what the caller covers instead of refusing: whether the request took effect. */
  tookEffect?: (body: any, prepared: Record<string, unknown>) => boolean; // eslint-disable-line @typescript-eslint/no-explicit-any
}

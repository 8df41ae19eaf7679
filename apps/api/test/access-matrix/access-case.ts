import type { Persona, TestApi, TestDatabase } from '../harness.js';

/**
 * One row of the access matrix (access-matrix.int.spec.ts): a GraphQL operation, and how to call it
 * against a target owned by a given team. The matrix calls it as anonymous and as each role, for a
 * target of the caller's own team and of another team, and checks the answer is refused exactly
 * when the operation's permission (auth/permissions.ts) and scope say it must be.
 *
 * Every query and mutation in the schema needs a case: one without fails the build.
 */
export interface AccessCase {
  /** `Query.automations`, `Mutation.revokeRuntimeToken`. */
  operation: string;
  /**
   * `team`: the service limits it to the caller's teams (admins: every team), so a team-scoped
   * role is refused on another team's target. `none`: the permission alone decides.
   */
  scope: 'team' | 'none';
  /** The GraphQL document; it must select only what any allowed caller may see. */
  document: string;
  /**
   * Creates a fresh target owned by `team` for one cell (so one cell's change never decides
   * another's answer) and returns the operation's variables. Runs as an admin and may call the
   * api or write to the database directly.
   */
  prepare?: (context: MatrixContext, team: string) => Promise<Record<string, unknown>>;
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
}

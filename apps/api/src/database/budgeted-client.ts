import pg from 'pg';
import { budgetSpent, currentDatabaseBudget } from './request-budget.js';

/** The statement_timeout a connection runs with: the session's own default, a number of ms, or unknown (after a rollback). */
type Timeout = 'default' | number | undefined;

// eslint-disable-next-line @typescript-eslint/unbound-method -- only ever called with .call/.apply on a client
const plainQuery = pg.Client.prototype.query as (this: pg.Client, ...args: unknown[]) => unknown;

function textOf(query: unknown): string {
  if (typeof query === 'string') {
    return query;
  }
  const text = (query as { text?: unknown } | null)?.text;
  return typeof text === 'string' ? text : '';
}

/**
 * A PostgreSQL connection of the api's pool that holds each statement to the budget of the request
 * sending it (request-budget.ts): before the statement it sets statement_timeout to what is left,
 * and a statement sent after the budget is spent is refused without reaching the database. Work
 * outside a request (jobs, start-up applies, migrations) runs with the session's own default
 * (RESET), whichever request used the connection before.
 */
export class BudgetedClient extends pg.Client {
  appliedStatementTimeout: Timeout = 'default';
}

/**
 * Whether the timeout a connection has will do for a statement that may take `wanted` ms: not
 * shorter, and longer by at most a tenth of the budget. So a request's statements in its first
 * tenth of the budget need no SET of their own (one round trip each), and none runs more than a
 * tenth of the budget past it.
 */
function closeEnough(applied: Timeout, wanted: Timeout, budgetMs: number): boolean {
  return typeof applied === 'number' && typeof wanted === 'number' && applied >= wanted && applied - wanted <= Math.ceil(budgetMs / 10);
}

function budgetedQuery(this: BudgetedClient, ...args: unknown[]): unknown {
  // A rollback always goes through, budget or not, and alone: refused, it would leave the connection
  // inside its transaction when it goes back to the pool, and every later user of it would be
  // answered "current transaction is aborted". It also takes back any SET made in the transaction.
  if (/^\s*ROLLBACK\b/i.test(textOf(args[0]))) {
    this.appliedStatementTimeout = undefined;
    return plainQuery.apply(this, args);
  }
  const budget = currentDatabaseBudget();
  const left = budget === undefined ? undefined : Math.ceil(budget.deadline - Date.now());
  // A stream (a Submittable) is never refused here: it reports its errors as events.
  const stream = typeof (args[0] as { submit?: unknown } | null)?.submit === 'function';
  if (budget !== undefined && left !== undefined && left <= 0 && !stream) {
    const error = budgetSpent(budget.ms);
    const callback = args.at(-1);
    if (typeof callback === 'function') {
      process.nextTick(() => (callback as (error: Error) => void)(error));
      return undefined;
    }
    return Promise.reject(error);
  }
  const wanted: Timeout = left === undefined ? 'default' : Math.max(1, left);
  if (wanted !== this.appliedStatementTimeout && !closeEnough(this.appliedStatementTimeout, wanted, budget?.ms ?? 0)) {
    this.appliedStatementTimeout = wanted;
    // Queued before the statement on this connection; if it fails (an aborted transaction), so does the statement.
    (plainQuery.call(this, wanted === 'default' ? 'RESET statement_timeout' : `SET statement_timeout = ${wanted}`) as Promise<unknown>).catch(() => {
      this.appliedStatementTimeout = undefined;
    });
  }
  return plainQuery.apply(this, args);
}

(BudgetedClient.prototype as unknown as { query: typeof budgetedQuery }).query = budgetedQuery;

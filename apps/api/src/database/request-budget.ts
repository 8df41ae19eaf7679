import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';
import { TooSlowError } from '../errors/domain-errors.js';

/** How much database time the work under way may still use: until `deadline` (epoch ms), of `ms` given. */
export interface DatabaseBudget {
  deadline: number;
  ms: number;
}

const budgets = new AsyncLocalStorage<DatabaseBudget>();

/** The budget of the request under way; undefined in background work (jobs, start-up, migrations, the CLI). */
export function currentDatabaseBudget(): DatabaseBudget | undefined {
  return budgets.getStore();
}

/**
 * Runs `work` with `ms` of database time from now: every statement it sends (through the api's
 * DataSource) runs with what is left as its statement_timeout, and none is sent once it is spent.
 */
export function withDatabaseBudget<T>(ms: number, work: () => T): T {
  return budgets.run({ deadline: Date.now() + ms, ms }, work);
}

/** Express middleware: a request's database work, all of it, within `ms` of its arrival. */
export function databaseBudget(ms: number) {
  return (_request: Request, _response: Response, next: NextFunction): void => {
    withDatabaseBudget(ms, next);
  };
}

/**
 * Gives the request under way `ms` from now instead, when that is longer (a GraphQL mutation), or
 * its own budget afresh (each page of a streamed export, which a slow reader may stretch).
 */
export function renewDatabaseBudget(ms?: number): void {
  const budget = budgets.getStore();
  if (budget !== undefined) {
    budget.ms = Math.max(budget.ms, ms ?? budget.ms);
    budget.deadline = Math.max(budget.deadline, Date.now() + budget.ms);
  }
}

/** What a request whose budget is spent answers. */
export function budgetSpent(ms: number | undefined = currentDatabaseBudget()?.ms): TooSlowError {
  const budget = ms === undefined ? 'its' : `its ${ms / 1000} s of`;
  return new TooSlowError(`This request used ${budget} database time and was stopped. Ask for less (a shorter range, fewer items or fields), or try again later.`);
}

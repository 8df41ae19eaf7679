import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/app.config.js';
import { budgetSpent, currentDatabaseBudget, renewDatabaseBudget, withDatabaseBudget } from './request-budget.js';

describe('the database budget settings', () => {
  it('give a request 5 s and a mutation 60 s unless set', () => {
    const config = loadConfig({});
    expect([config.ROUNDHOUSE_REQUEST_STATEMENT_TIMEOUT_MS, config.ROUNDHOUSE_MUTATION_STATEMENT_TIMEOUT_MS]).toEqual([5_000, 60_000]);
  });

  it('stop start-up with a sentence naming the setting for anything but a whole number of milliseconds', () => {
    expect(() => loadConfig({ ROUNDHOUSE_REQUEST_STATEMENT_TIMEOUT_MS: '5s' })).toThrow(
      'Invalid configuration. ROUNDHOUSE_REQUEST_STATEMENT_TIMEOUT_MS is "5s": expected a whole number of milliseconds.',
    );
    expect(() => loadConfig({ ROUNDHOUSE_MUTATION_STATEMENT_TIMEOUT_MS: '0' })).toThrow(
      'Invalid configuration. ROUNDHOUSE_MUTATION_STATEMENT_TIMEOUT_MS is "0": expected at least 1.',
    );
  });
});

describe(renewDatabaseBudget.name, () => {
  it('lengthens the budget under way, never shortens it, and does nothing outside a request', () => {
    renewDatabaseBudget(60_000);
    expect(currentDatabaseBudget()).toBeUndefined();
    withDatabaseBudget(5_000, () => {
      renewDatabaseBudget(1);
      expect(currentDatabaseBudget()?.ms).toBe(5_000);
      renewDatabaseBudget(60_000);
      expect(currentDatabaseBudget()?.ms).toBe(60_000);
      expect(budgetSpent().message).toBe('This request used its 60 s of database time and was stopped. Ask for less (a shorter range, fewer items or fields), or try again later.');
    });
  });
});

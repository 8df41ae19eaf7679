import { setTimeout } from 'node:timers/promises';
import { DataSource, QueryFailedError } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/harness.js';
import { databaseInputError } from '../errors/domain-error.filter.js';
import { TooSlowError } from '../errors/domain-errors.js';
import { dataSourceOptions } from './data-source.js';
import { withDatabaseBudget } from './request-budget.js';

/** Why a query failed, as the api answers it. */
async function failure(work: Promise<unknown>): Promise<{ code?: string; answer: unknown }> {
  try {
    await work;
  } catch (error) {
    expect(error).toBeInstanceOf(QueryFailedError);
    return { code: ((error as QueryFailedError).driverError as { code?: string }).code, answer: databaseInputError(error) };
  }
  throw new Error('the query was not stopped');
}

describe('a request’s database budget, on the api’s own connections', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    // One connection, so that background work runs on the very connection a request just used.
    const options = dataSourceOptions(db.url);
    dataSource = new DataSource({ ...options, extra: { ...(options.extra as object), max: 1 } });
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('stops a statement that runs past what is left of the budget, and says so in a sentence', async () => {
    // Answered within the request, as the api's error filter answers it.
    const stopped = await withDatabaseBudget(300, () => failure(dataSource.query('SELECT pg_sleep(5)')));
    expect(stopped.code).toBe('57014');
    expect(stopped.answer).toBeInstanceOf(TooSlowError);
    expect((stopped.answer as TooSlowError).message).toBe(
      'This request used its 0.3 s of database time and was stopped. Ask for less (a shorter range, fewer items or fields), or try again later.',
    );
  });

  it('sends no statement once the budget is spent', async () => {
    const refused = await failure(
      withDatabaseBudget(20, async () => {
        await dataSource.query('SELECT 1');
        await setTimeout(50);
        return dataSource.query(`INSERT INTO team (name, title, on_call) VALUES ('late', 'Late', '{}'::jsonb)`);
      }),
    );
    expect(refused.code).toBe('REQUEST_TIMEOUT');
    expect(refused.answer).toBeInstanceOf(TooSlowError);
    expect(await db.query(`SELECT name FROM team WHERE name = 'late'`)).toEqual([]);
  });

  it('still rolls back a transaction whose request ran out of budget, so the next user of the connection is not handed an aborted transaction', async () => {
    await db.query(`CREATE TABLE budget_probe (name text)`);
    await db.query(`GRANT SELECT, INSERT ON budget_probe TO PUBLIC`);
    const refused = await failure(
      withDatabaseBudget(200, () =>
        dataSource.transaction(async (manager) => {
          await manager.query(`INSERT INTO budget_probe (name) VALUES ('half-done')`);
          await setTimeout(250);
          return manager.query<unknown[]>('SELECT 1');
        }),
      ),
    );
    expect(refused.code).toBe('REQUEST_TIMEOUT');
    // The one connection of the pool is free again, outside any transaction, and the insert was taken back.
    expect(await dataSource.query(`SELECT name FROM budget_probe`)).toEqual([]);
    expect(await dataSource.query(`SELECT count(*)::int AS open FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`)).toEqual([
      { open: 0 },
    ]);
  });

  it('holds every statement of a request to the same deadline, not each to a fresh one', async () => {
    const stopped = await failure(
      withDatabaseBudget(1_500, async () => {
        await dataSource.query('SELECT pg_sleep(1)');
        return dataSource.query('SELECT pg_sleep(1)');
      }),
    );
    expect(stopped.code).toBe('57014');
  });

  it('gives a request its whole budget on a connection that another request used near its deadline', async () => {
    await withDatabaseBudget(60, async () => {
      await setTimeout(40);
      return dataSource.query<unknown[]>('SELECT 1');
    }).catch(() => undefined);
    await expect(withDatabaseBudget(5_000, () => dataSource.query('SELECT pg_sleep(0.3) AS slept'))).resolves.toEqual([{ slept: '' }]);
  });

  it('lets background work on the same connection run under the database’s own setting, after a request', async () => {
    await withDatabaseBudget(200, () => dataSource.query('SELECT 1'));
    expect(await dataSource.query('SHOW statement_timeout')).toEqual([{ statement_timeout: '0' }]);
    await expect(dataSource.query('SELECT pg_sleep(0.5) AS slept')).resolves.toEqual([{ slept: '' }]);
    // A transaction that a request rolled back leaves the connection to background work as well.
    await withDatabaseBudget(200, () => dataSource.transaction(async (manager) => manager.query<unknown[]>('SELECT 1/0'))).catch(() => undefined);
    await expect(dataSource.query('SELECT pg_sleep(0.5) AS slept')).resolves.toEqual([{ slept: '' }]);
  });
});

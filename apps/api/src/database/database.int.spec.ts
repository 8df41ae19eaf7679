import { afterEach, describe, expect, it } from 'vitest';
import { useTestApi } from '../../test/harness.js';
import { Database, type Transaction } from './database.js';

const TEAM = 'database-spec';

describe(Database.name, () => {
  const t = useTestApi();
  const database = () => t.api.app.get(Database);
  const insertTeam = (db: Database, name: string, tx?: Transaction) =>
    db.query<{ name: string }>(`INSERT INTO team (name, title, source, members) VALUES ($1, $1, 'console', '{}') RETURNING name`, [name], tx);
  const teamsNamed = async (prefix: string) =>
    (await t.db.query<{ name: string }>(`SELECT name FROM team WHERE name LIKE $1 ORDER BY name`, [`${prefix}%`])).map((row) => row.name);

  afterEach(async () => {
    await t.db.query(`DELETE FROM team WHERE name LIKE $1`, [`${TEAM}%`]);
  });

  it('commits every statement given the transaction when the work resolves, and answers what the work returned', async () => {
    const db = database();
    const answer = await db.transaction(async (tx) => {
      await insertTeam(db, `${TEAM}-a`, tx);
      await insertTeam(db, `${TEAM}-b`, tx);
      return 'done';
    });
    expect(answer).toBe('done');
    expect(await teamsNamed(TEAM)).toEqual([`${TEAM}-a`, `${TEAM}-b`]);
  });

  it('rolls every statement back when the work throws, and throws what it threw', async () => {
    const db = database();
    const failure = new Error('changed my mind');
    await expect(
      db.transaction(async (tx) => {
        await insertTeam(db, `${TEAM}-c`, tx);
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await teamsNamed(TEAM)).toEqual([]);
  });

  it('runs a statement given the transaction on its connection, and one without it outside, where uncommitted rows are not seen', async () => {
    const db = database();
    await db.transaction(async (tx) => {
      await insertTeam(db, `${TEAM}-d`, tx);
      expect(await db.query(`SELECT name FROM team WHERE name = $1`, [`${TEAM}-d`], tx)).toEqual([{ name: `${TEAM}-d` }]);
      expect(await db.query(`SELECT name FROM team WHERE name = $1`, [`${TEAM}-d`])).toEqual([]);
    });
  });

  it('hands out a handle with nothing inside it, which stops working when its transaction ends', async () => {
    const db = database();
    let kept: Transaction | undefined;
    await db.transaction((tx) => {
      kept = tx;
      return Promise.resolve();
    });
    expect(Object.getOwnPropertyNames(kept)).toEqual([]);
    expect(Object.getOwnPropertySymbols(kept)).toEqual([]);
    await expect(insertTeam(db, `${TEAM}-late`, kept)).rejects.toThrow('This transaction has ended');
    expect(await teamsNamed(TEAM)).toEqual([]);
  });

  it('refuses a handle it did not make: a Transaction cannot be forged outside database/', async () => {
    // @ts-expect-error an object is not a Transaction; only Database.transaction makes one
    const forged: Transaction = {};
    await expect(insertTeam(database(), `${TEAM}-forged`, forged)).rejects.toThrow('This transaction has ended');
    expect(await teamsNamed(TEAM)).toEqual([]);
  });

  it('opens the transaction at the isolation level asked for', async () => {
    const db = database();
    const level = async (isolation?: 'SERIALIZABLE') =>
      db.transaction(async (tx) => (await db.query<{ level: string }>(`SELECT current_setting('transaction_isolation') AS level`, [], tx))[0]?.level, isolation);
    expect(await level()).toBe('read committed');
    expect(await level('SERIALIZABLE')).toBe('serializable');
  });

  it('answers rows for an UPDATE … RETURNING, and how many rows changed for execute', async () => {
    const db = database();
    await insertTeam(db, `${TEAM}-e`);
    await insertTeam(db, `${TEAM}-f`);
    expect(await db.query(`UPDATE team SET title = 'Renamed' WHERE name = $1 RETURNING name, title`, [`${TEAM}-e`])).toEqual([{ name: `${TEAM}-e`, title: 'Renamed' }]);
    expect(await db.query(`UPDATE team SET title = 'Quiet' WHERE name = $1`, [`${TEAM}-e`])).toEqual([]);
    expect(await db.execute(`UPDATE team SET title = 'Both' WHERE name LIKE $1`, [`${TEAM}-%`])).toBe(2);
    expect(await db.execute(`DELETE FROM team WHERE name = $1`, [`${TEAM}-none`])).toBe(0);
  });

  it('reads the primary outside a request listed for the replica, and has no replica when none is set', async () => {
    const db = database();
    await insertTeam(db, `${TEAM}-g`);
    expect(await db.read(`SELECT name FROM team WHERE name = $1`, [`${TEAM}-g`])).toEqual([{ name: `${TEAM}-g` }]);
    expect(db.hasReplica).toBe(false);
    expect(await db.onReplica('SELECT 1 AS one')).toBeUndefined();
  });
});

import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { ReadReplica } from './read-replica.js';
import { mayHaveWritten } from './request-catch-up.js';

declare const opaque: unique symbol;

/**
 * A transaction under way, as services and repositories hold it: something to hand back to
 * `Database`, never a way in. Only `database/` can see the connection behind it, and it stops
 * working when the `Database.transaction` that made it ends.
 */
export interface Transaction {
  readonly [opaque]: 'Transaction';
}

/** How isolated a transaction is from others running beside it (PostgreSQL's levels). */
export type Isolation = 'READ COMMITTED' | 'REPEATABLE READ' | 'SERIALIZABLE';

/** Parameters of a statement, `$1`, `$2`, … in order. */
export type Params = readonly unknown[];

/** The connections of the transactions under way; a handle missing here has ended. */
const open = new WeakMap<Transaction, EntityManager>();

function runnerOf(tx: Transaction): QueryRunner {
  const runner = open.get(tx)?.queryRunner;
  if (runner === undefined || runner.isReleased) {
    throw new Error('This transaction has ended (or was never opened by Database.transaction): its work must be done inside the Database.transaction callback that made it.');
  }
  return runner;
}

/**
 * The one way the api's repositories reach PostgreSQL: plain parameterised SQL over TypeORM's
 * connections. Statements run on the primary, in `tx` when given; `read` is for the few reads the
 * read replica may serve (replica-reads.ts). Every statement answers with its rows (an
 * `UPDATE … RETURNING` too); `execute` answers how many rows a statement changed.
 */
@Injectable()
export class Database {
  constructor(
    @InjectDataSource() private readonly primary: DataSource,
    @Inject(ReadReplica) private readonly replica: ReadReplica,
  ) {}

  /** The rows `sql` returns (none for a statement without RETURNING), on the primary or in `tx`. */
  async query<Row>(sql: string, params: Params = [], tx?: Transaction): Promise<Row[]> {
    return (await this.sendToPrimary(sql, params, tx)).records as Row[];
  }

  /** How many rows `sql` inserted, changed or deleted, on the primary or in `tx`. */
  async execute(sql: string, params: Params = [], tx?: Transaction): Promise<number> {
    return (await this.sendToPrimary(sql, params, tx)).affected ?? 0;
  }

  /**
   * The rows of a read the read replica may serve: the replica's inside a request listed in
   * REPLICA_READS when DATABASE_REPLICA_URL is set, the primary's everywhere else. Never in a transaction.
   */
  async read<Row>(sql: string, params: Params = []): Promise<Row[]> {
    return (await this.run(this.replica.source(), sql, params)).records as Row[];
  }

  /** Whether a read replica is set (DATABASE_REPLICA_URL). */
  get hasReplica(): boolean {
    return this.replica.configured !== undefined;
  }

  /** The rows of `sql` asked of the read replica itself whatever the request (how far behind it is); undefined without one. */
  async onReplica<Row>(sql: string, params: Params = []): Promise<Row[] | undefined> {
    const replica = this.replica.configured;
    return replica === undefined ? undefined : ((await this.run(replica, sql, params)).records as Row[]);
  }

  /**
   * Runs `work` in one transaction on the primary: committed when it resolves, rolled back when it
   * throws. Hand `tx` to repository methods so their statements are part of it.
   */
  transaction<T>(work: (tx: Transaction) => Promise<T>, isolation?: Isolation): Promise<T> {
    const inside = async (manager: EntityManager): Promise<T> => {
      const tx = Object.freeze({}) as Transaction;
      open.set(tx, manager);
      try {
        return await work(tx);
      } finally {
        open.delete(tx);
      }
    };
    const transaction = isolation === undefined ? this.primary.transaction(inside) : this.primary.transaction(isolation, inside);
    // Committed (or not): the request's next read of a per-process copy catches up again, and so reads this change.
    return transaction.finally(mayHaveWritten);
  }

  /**
   * A statement on the primary, which may change rows (whatever its text: a SELECT may call a function
   * that writes). Once it has completed, the request's next read of a per-process copy (NotifiedCache)
   * catches up with the change feed again, so it sees the change (request-catch-up.ts); `read` never writes.
   */
  private async sendToPrimary(sql: string, params: Params, tx?: Transaction) {
    try {
      return await this.run(this.primary, sql, params, tx);
    } finally {
      mayHaveWritten();
    }
  }

  private async run(source: DataSource, sql: string, params: Params, tx?: Transaction) {
    if (tx !== undefined) {
      return runnerOf(tx).query(sql, [...params], true);
    }
    const runner = source.createQueryRunner();
    try {
      return await runner.query(sql, [...params], true);
    } finally {
      await runner.release();
    }
  }
}

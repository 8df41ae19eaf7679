import { Inject, Injectable } from '@nestjs/common';
import type { Role } from '../auth/index.js';
import type { UserAccountRow } from './user-account.js';
import { Database, type Transaction } from '../database/database.js';

export interface NewUserAccount {
  username: string;
  name: string;
  role: Role;
  teams: string[];
  passwordHash: string;
}

/** Local accounts (`user_account`). */
@Injectable()
export class AccountsRepository {
  constructor(@Inject(Database) private readonly db: Database) {}

  /** False when the username is taken. */
  async insert(tx: Transaction, account: NewUserAccount): Promise<boolean> {
    const rows = await this.db.query<unknown>(
      `INSERT INTO user_account (username, display_name, role, teams, password_hash) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (username) DO NOTHING RETURNING username`,
      [account.username, account.name, account.role, account.teams, account.passwordHash],
      tx,
    );
    return rows.length === 1;
  }

  async findByUsername(username: string): Promise<UserAccountRow | undefined> {
    const rows = await this.db.query<UserAccountRow>(`SELECT * FROM user_account WHERE username = $1`, [username]);
    return rows[0];
  }

  list(): Promise<UserAccountRow[]> {
    return this.db.query<UserAccountRow>(`SELECT * FROM user_account ORDER BY username`);
  }

  async anyEnabled(): Promise<boolean> {
    const rows = await this.db.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM user_account WHERE disabled_at IS NULL) AS any`);
    return rows[0]?.any === true;
  }

  /** Disables the account and ends its sessions. The account as it was before, or undefined when there is none; an already disabled one is left as it is. */
  async disable(tx: Transaction, username: string, at: Date): Promise<UserAccountRow | undefined> {
    const rows = await this.db.query<UserAccountRow>(`SELECT * FROM user_account WHERE username = $1 FOR UPDATE`, [username], tx);
    const before = rows[0];
    if (before !== undefined && before.disabled_at === null) {
      await this.db.query(`UPDATE user_account SET disabled_at = $2 WHERE username = $1`, [username, at], tx);
      // Its open sessions end with it (auth/sessions.repository.ts keeps them).
      await this.db.query(`UPDATE user_session SET ended_at = $2 WHERE user_id = $1 AND ended_at IS NULL`, [username, at], tx);
    }
    return before;
  }

  async recordSignIn(username: string, at: Date): Promise<void> {
    await this.db.query(`UPDATE user_account SET last_signed_in_at = $2 WHERE username = $1`, [username, at]);
  }

  /** Which of these team names exist in the catalog. */
  async existingTeams(names: readonly string[]): Promise<Set<string>> {
    const rows = await this.db.query<{ name: string }>(`SELECT name FROM team WHERE name = ANY($1::text[])`, [[...names]]);
    return new Set(rows.map((r) => r.name));
  }
}

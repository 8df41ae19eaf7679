import { Inject, Injectable } from '@nestjs/common';
import { Database } from '../database/database.js';

/**
 * The server's record of sessions: the signed cookie names one, and it counts only while its record
 * is open. Signing out ends it; disabling an account ends all of the account's.
 */
@Injectable()
export class SessionsRepository {
  constructor(@Inject(Database) private readonly db: Database) {}

  /** Records a new session (with the provider's ID token when single sign-on opened it), and forgets those that expired more than a day ago. */
  async open(id: string, userId: string, expiresAt: Date, idToken?: string): Promise<void> {
    await this.db.query(`INSERT INTO user_session (id, user_id, expires_at, id_token) VALUES ($1, $2, $3, $4)`, [id, userId, expiresAt, idToken ?? null]);
    await this.db.query(`DELETE FROM user_session WHERE expires_at < now() - interval '1 day'`);
  }

  async isOpen(id: string): Promise<boolean> {
    const rows = await this.db.query<{ open: boolean }>(`SELECT ended_at IS NULL AND expires_at > now() AS open FROM user_session WHERE id = $1`, [id]);
    return rows[0]?.open === true;
  }

  /** Ends the session; answers the provider's ID token when single sign-on opened it (forgotten here). */
  async end(id: string): Promise<{ idToken: string | undefined }> {
    const rows = await this.db.query<{ id_token: string | null }>(
      `UPDATE user_session AS s SET ended_at = now(), id_token = NULL FROM user_session AS before WHERE s.id = $1 AND before.id = s.id AND s.ended_at IS NULL RETURNING before.id_token`,
      [id],
    );
    return { idToken: rows[0]?.id_token ?? undefined };
  }
}

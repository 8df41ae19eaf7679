import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * The server's record of sessions: the signed cookie names one, and it counts only while its record
 * is open. Signing out ends it; disabling an account ends all of the account's.
 */
@Injectable()
export class SessionsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Records a new session, and forgets those that expired more than a day ago. */
  async open(id: string, userId: string, expiresAt: Date): Promise<void> {
    await this.dataSource.query(`INSERT INTO user_session (id, user_id, expires_at) VALUES ($1, $2, $3)`, [id, userId, expiresAt]);
    await this.dataSource.query(`DELETE FROM user_session WHERE expires_at < now() - interval '1 day'`);
  }

  async isOpen(id: string): Promise<boolean> {
    const rows = await this.dataSource.query<{ open: boolean }[]>(`SELECT ended_at IS NULL AND expires_at > now() AS open FROM user_session WHERE id = $1`, [id]);
    return rows[0]?.open === true;
  }

  async end(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE user_session SET ended_at = now() WHERE id = $1 AND ended_at IS NULL`, [id]);
  }
}

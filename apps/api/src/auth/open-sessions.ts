import { Inject, Injectable } from '@nestjs/common';
import { ChangeFeed, NotifiedCache } from '../database/change-feed.js';
import type { Session } from './session.js';
import { SessionsRepository } from './sessions.repository.js';

/** What PostgreSQL notifies, with the session's id, when a session ends (migration NotifySessionAndCatalogChanges). */
export const SESSION_ENDED_CHANNEL = 'roundhouse_session_ended';

/** Sessions a process remembers at most; past that it starts over (and reads each from the database again). */
const MOST_REMEMBERED = 50_000;

/**
 * Whether a session is still open, asked on every request that carries a cookie: answered from the
 * sessions this process found open before, forgotten the moment any replica ends one (sign-out, an
 * account disabled, its role or teams changed: the database notifies every replica when that
 * commits), and from the database when not remembered or while the notifications are not being
 * received. A session past its expiry is never open.
 */
@Injectable()
export class OpenSessions {
  private readonly open: NotifiedCache<true>;

  constructor(
    @Inject(ChangeFeed) feed: ChangeFeed,
    @Inject(SessionsRepository) private readonly records: SessionsRepository,
  ) {
    this.open = new NotifiedCache(feed, SESSION_ENDED_CHANNEL, MOST_REMEMBERED);
  }

  async isOpen(session: Session, now = Date.now()): Promise<boolean> {
    if (session.expiresAt.getTime() <= now) {
      return false;
    }
    const open = await this.open.get(session.id, async () => ((await this.records.isOpen(session.id)) ? true : undefined));
    return open === true;
  }

  /** Ends the session; answers the provider's ID token when single sign-on opened it. This process forgets it before answering. */
  async end(id: string): Promise<{ idToken: string | undefined }> {
    const ended = await this.records.end(id);
    this.open.forget(id);
    return ended;
  }
}

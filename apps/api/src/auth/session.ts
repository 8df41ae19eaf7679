import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { ROLES, type User } from './user.js';

export const SESSION_COOKIE = 'rh_session';
const MAX_AGE_SECONDS = 12 * 60 * 60;
/** Verified tokens a process remembers at most; past that it starts over. */
const MOST_OPENED = 50_000;

const payload = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  role: z.enum(ROLES),
  teams: z.array(z.string()),
  sid: z.uuid(),
  csrf: z.string().min(1),
  exp: z.number().int(),
});

/** A signed-in session: which one (its server record), who, and the token its POSTs must carry in `x-csrf-token`. */
export interface Session {
  id: string;
  user: User;
  csrfToken: string;
  expiresAt: Date;
}

/**
 * Signed, expiring session tokens carried in an httpOnly cookie. Each names its session, whose
 * record on the server (sessions.repository.ts) must still be open, and carries a random CSRF token
 * that the console reads from GET /auth/session and sends back on every POST.
 */
export class SessionCodec {
  /** Tokens already opened and checked, by token: a signed token always says the same, so each is verified once per process. */
  private readonly opened = new Map<string, Session>();

  constructor(private readonly secret: string) {}

  readonly maxAgeSeconds = MAX_AGE_SECONDS;

  /** A new session for `user`: its id and expiry (to record) and the cookie's value. */
  encode(user: User, now = Date.now()): { id: string; expiresAt: Date; token: string } {
    const { id, name, role, teams } = user;
    const exp = Math.floor(now / 1000) + MAX_AGE_SECONDS;
    const session = { id, name, role, teams, sid: randomUUID(), csrf: randomBytes(24).toString('base64url'), exp };
    return { id: session.sid, expiresAt: new Date(exp * 1000), token: this.seal(session) };
  }

  decode(token: string | undefined, now = Date.now()): Session | undefined {
    const session = token === undefined ? undefined : (this.opened.get(token) ?? this.verify(token));
    return session === undefined || session.expiresAt.getTime() < now ? undefined : session;
  }

  private verify(token: string): Session | undefined {
    const parsed = payload.safeParse(this.open(token));
    if (!parsed.success) {
      return undefined;
    }
    const { exp, csrf, sid, ...user } = parsed.data;
    const session = { id: sid, user, csrfToken: csrf, expiresAt: new Date(exp * 1000) };
    if (this.opened.size >= MOST_OPENED) {
      this.opened.clear();
    }
    this.opened.set(token, session);
    return session;
  }

  /** `value` as JSON, signed with the session secret: readable by anyone, changed by no one. */
  seal(value: object): string {
    const body = Buffer.from(JSON.stringify(value)).toString('base64url');
    return `${body}.${this.sign(body)}`;
  }

  /** What `seal` sealed, or undefined when the token is not one of ours or was changed. */
  open(token: string | undefined): unknown {
    const [body, signature] = token?.split('.') ?? [];
    if (body === undefined || signature === undefined || !sameSecret(this.sign(body), signature)) {
      return undefined;
    }
    try {
      return JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as unknown;
    } catch {
      return undefined;
    }
  }

  private sign(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('base64url');
  }
}

/** Compares two secrets in constant time (for their length). */
export function sameSecret(expected: string, given: string | undefined): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given ?? '');
  return a.length === b.length && timingSafeEqual(a, b);
}

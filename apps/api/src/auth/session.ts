import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { ROLES, type User } from './user.js';

export const SESSION_COOKIE = 'rh_session';
const MAX_AGE_SECONDS = 12 * 60 * 60;

const payload = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  role: z.enum(ROLES),
  teams: z.array(z.string()),
  exp: z.number().int(),
});

/** Signed, expiring session tokens carried in an httpOnly cookie. */
export class SessionCodec {
  constructor(private readonly secret: string) {}

  readonly maxAgeSeconds = MAX_AGE_SECONDS;

  encode(user: User, now = Date.now()): string {
    const body = Buffer.from(JSON.stringify({ ...user, exp: Math.floor(now / 1000) + MAX_AGE_SECONDS })).toString('base64url');
    return `${body}.${this.sign(body)}`;
  }

  decode(token: string | undefined, now = Date.now()): User | undefined {
    const [body, signature] = token?.split('.') ?? [];
    if (body === undefined || signature === undefined) {
      return undefined;
    }
    const expected = Buffer.from(this.sign(body));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      return undefined;
    }
    const parsed = payload.safeParse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
    if (!parsed.success || parsed.data.exp * 1000 < now) {
      return undefined;
    }
    const { exp: _expires, ...user } = parsed.data;
    return user;
  }

  private sign(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('base64url');
  }
}

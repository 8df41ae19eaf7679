import type { RuntimeIdentity } from './runtime-identity.js';
import type { Identity } from './request-identifier.js';
import type { User } from './user.js';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      user?: User;
      requestId?: string;
      runtime?: RuntimeIdentity;
      /** Who the request comes from, worked out once (RequestIdentifier). */
      identity?: Promise<Identity>;
    }
  }
}

import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { NotAllowedError } from '../errors/domain-errors.js';
import { RequestIdentifier } from './request-identifier.js';
import { sameSecret } from './session.js';

export const CSRF_HEADER = 'x-csrf-token';

/**
 * A POST made with the session cookie must carry the session's CSRF token in `x-csrf-token` (the
 * console reads it from GET /auth/session): another site can make a browser send the cookie, but
 * cannot read the token. Requests with a bearer token carry no cookie credential and need none.
 */
@Injectable()
export class CsrfMiddleware implements NestMiddleware {
  constructor(@Inject(RequestIdentifier) private readonly identities: RequestIdentifier) {}

  use(request: Request, _response: Response, next: NextFunction): void {
    this.identities.identify(request).then(
      (identity) => {
        const given = request.headers[CSRF_HEADER];
        if (identity.credential === 'session' && !sameSecret(identity.csrfToken ?? '', typeof given === 'string' ? given : undefined)) {
          next(
            new NotAllowedError(
              `This request lacks the session's CSRF token (the ${CSRF_HEADER} header the console sends), so it was not carried out. Reload the page and try again.`,
            ),
          );
          return;
        }
        next();
      },
      (error: unknown) => next(error),
    );
  }
}

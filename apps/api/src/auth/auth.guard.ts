import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { parse as parseCookies } from 'cookie';
import { NotAllowedError, NotSignedInError } from '../errors/domain-errors.js';
import { PERMISSION_KEY, PUBLIC_KEY, requestOf } from './decorators.js';
import { roleGrants, type Permission } from './permissions.js';
import { SESSION_COOKIE, SessionCodec } from './session.js';

/**
 * The global guard: every route and resolver is closed unless it is @Public() or the signed-in
 * user's role grants the permission it declares. One that declares nothing stays closed.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(SessionCodec) private readonly sessions: SessionCodec,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = requestOf(context);
    request.user ??= this.sessions.decode(parseCookies(request.headers.cookie ?? '')[SESSION_COOKIE]);
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) === true) {
      return true;
    }
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(PERMISSION_KEY, targets);
    if (permission === undefined) {
      throw new NotAllowedError(`${context.getClass().name}.${context.getHandler().name} declares no permission, so it is closed.`);
    }
    if (request.user === undefined) {
      throw new NotSignedInError();
    }
    if (!roleGrants(request.user.role, permission)) {
      throw new NotAllowedError(`Your role (${request.user.role}) does not allow ${permission}.`);
    }
    return true;
  }
}

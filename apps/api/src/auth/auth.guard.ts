import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { NotAllowedError, NotSignedInError } from '../errors/domain-errors.js';
import type { TokenCapability } from '@roundhouse/contracts';
import type { Request } from 'express';
import { RuntimeAuthenticator } from './identity-ports.js';
import { PERMISSION_KEY, PUBLIC_KEY, RUNTIME_CAPABILITY_KEY, requestOf } from './decorators.js';
import { roleGrants, type Permission } from './permissions.js';
import { RequestIdentifier } from './request-identifier.js';

/**
 * The global guard: every route and resolver is closed unless it is @Public(), the signed-in
 * user's role (from the session cookie, or the identity provider's bearer JWT: RequestIdentifier)
 * grants the permission it declares, or (for runtimes) a valid runtime token carries the
 * capability it declares. One that declares nothing stays closed.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(RequestIdentifier) private readonly identities: RequestIdentifier,
    @Inject(RuntimeAuthenticator) private readonly tokens: RuntimeAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = requestOf(context);
    const identity = await this.identities.identify(request);
    request.user ??= identity.user;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) === true) {
      return true;
    }
    const capability = this.reflector.getAllAndOverride<TokenCapability | undefined>(RUNTIME_CAPABILITY_KEY, targets);
    if (capability !== undefined) {
      await this.authenticateRuntime(request, capability);
      return true;
    }
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(PERMISSION_KEY, targets);
    if (permission === undefined) {
      throw new NotAllowedError(`${context.getClass().name}.${context.getHandler().name} declares no permission, so it is closed.`);
    }
    if (request.user === undefined) {
      throw identity.problem ?? new NotSignedInError();
    }
    if (!roleGrants(request.user.role, permission)) {
      throw new NotAllowedError(`Your role (${request.user.role}) does not allow ${permission}.`);
    }
    return true;
  }

  private async authenticateRuntime(request: Request, capability: TokenCapability): Promise<void> {
    const header = request.headers.authorization;
    const bearer = header?.startsWith('Bearer ') === true ? header.slice('Bearer '.length).trim() : undefined;
    const authentication = await this.tokens.authenticate(bearer);
    if (authentication.runtime === undefined) {
      throw new NotSignedInError(authentication.message);
    }
    const runtime = authentication.runtime;
    if (!runtime.capabilities.includes(capability)) {
      throw new NotAllowedError(`The token "${runtime.name}" lacks the ${capability} capability.`);
    }
    request.runtime = runtime;
  }
}

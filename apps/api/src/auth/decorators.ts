import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import type { TokenCapability } from '@roundhouse/contracts';
import type { RuntimeIdentity } from './runtime-identity.js';
import type { Permission } from './permissions.js';
import type { User } from './user.js';

export const PUBLIC_KEY = 'roundhouse:public';
export const PERMISSION_KEY = 'roundhouse:permission';
export const RUNTIME_CAPABILITY_KEY = 'roundhouse:runtime-capability';

/** Opens a route or resolver to anyone, signed in or not. Use for the very few that must be. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The permission a signed-in user needs. Every resolver and route declares one, or is @Public(). */
export const RequirePermission = (permission: Permission) => SetMetadata(PERMISSION_KEY, permission);

/** For runtimes, not people: a valid runtime token (Bearer) with this capability. */
export const RequireRuntimeToken = (capability: TokenCapability) => SetMetadata(RUNTIME_CAPABILITY_KEY, capability);

export function requestOf(context: ExecutionContext): Request {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: Request }>().req;
  }
  return context.switchToHttp().getRequest<Request>();
}

/** The signed-in user (set by the global AuthGuard). */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): User | undefined => requestOf(context).user);

/** The runtime behind the request's token (set by the global AuthGuard). */
export const CurrentRuntime = createParamDecorator((_data: unknown, context: ExecutionContext): RuntimeIdentity | undefined => requestOf(context).runtime);

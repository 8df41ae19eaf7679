import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import type { Permission } from './permissions.js';
import type { User } from './user.js';

export const PUBLIC_KEY = 'roundhouse:public';
export const PERMISSION_KEY = 'roundhouse:permission';

/** Opens a route or resolver to anyone, signed in or not. Use for the very few that must be. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The permission a signed-in user needs. Every resolver and route declares one, or is @Public(). */
export const RequirePermission = (permission: Permission) => SetMetadata(PERMISSION_KEY, permission);

export function requestOf(context: ExecutionContext): Request {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: Request }>().req;
  }
  return context.switchToHttp().getRequest<Request>();
}

/** The signed-in user (set by the global AuthGuard). */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): User | undefined => requestOf(context).user);

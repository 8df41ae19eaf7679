import { Query, Resolver } from '@nestjs/graphql';
import { NotSignedInError } from '../errors/domain-errors.js';
import { CurrentUser, RequirePermission } from './decorators.js';
import { ViewerType } from './dto/viewer.type.js';
import { roleGrants } from './permissions.js';
import type { User } from './user.js';

@Resolver(() => ViewerType)
export class ViewerResolver {
  @RequirePermission('catalog:read')
  @Query(() => ViewerType, { description: 'The signed-in person.' })
  viewer(@CurrentUser() user: User | undefined): ViewerType {
    if (user === undefined) {
      throw new NotSignedInError();
    }
    return { ...user, canRegister: roleGrants(user.role, 'automation:register') };
  }
}

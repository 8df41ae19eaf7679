import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, RequirePermission } from '../auth/decorators.js';
import type { User } from '../auth/user.js';
import type { RuntimeTokenEntity } from './runtime-token.entity.js';
import { CreatedRuntimeTokenType, CreateRuntimeTokenInput, RuntimeTokenType } from './dto/runtime-token.type.js';
import { TokensService } from './tokens.service.js';

function toType({ secretHash: _hash, ...token }: RuntimeTokenEntity): RuntimeTokenType {
  return token;
}

@Resolver(() => RuntimeTokenType)
export class TokensResolver {
  constructor(@Inject(TokensService) private readonly service: TokensService) {}

  @RequirePermission('token:manage')
  @Query(() => [RuntimeTokenType], { description: 'Runtime tokens of a team (owners: their teams; admins: any).' })
  async runtimeTokens(@CurrentUser() user: User, @Args('team', { type: () => String }) team: string): Promise<RuntimeTokenType[]> {
    return (await this.service.list(team, user)).map(toType);
  }

  @RequirePermission('token:manage')
  @Mutation(() => CreatedRuntimeTokenType)
  async createRuntimeToken(@CurrentUser() user: User, @Args('input', { type: () => CreateRuntimeTokenInput }) input: CreateRuntimeTokenInput): Promise<CreatedRuntimeTokenType> {
    const { token, secret } = await this.service.create(
      { name: input.name, team: input.team, automations: input.automations ?? [], capabilities: input.capabilities ?? ['ingest'] },
      user,
    );
    return { token: toType(token), secret };
  }

  @RequirePermission('token:manage')
  @Mutation(() => RuntimeTokenType, { description: 'Revokes at once: the next request with it is refused.' })
  async revokeRuntimeToken(@CurrentUser() user: User, @Args('id', { type: () => ID }) id: string): Promise<RuntimeTokenType> {
    return toType(await this.service.revoke(id, user));
  }
}

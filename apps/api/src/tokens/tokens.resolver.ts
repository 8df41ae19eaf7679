import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, RequirePermission, type User } from '../auth/index.js';
import { toRuntimeTokenType } from './dto/runtime-token.mapper.js';
import { CreatedRuntimeTokenType, CreateRuntimeTokenInput, RotatedRuntimeTokenType, RuntimeTokenType } from './dto/runtime-token.type.js';
import { DEFAULT_EXPIRES_IN_DAYS, DEFAULT_OVERLAP_HOURS, TokensService } from './tokens.service.js';

@Resolver(() => RuntimeTokenType)
export class TokensResolver {
  constructor(@Inject(TokensService) private readonly service: TokensService) {}

  @RequirePermission('token:manage')
  @Query(() => [RuntimeTokenType], { description: 'Runtime tokens of a team (owners: their teams; admins: any).' })
  async runtimeTokens(@CurrentUser() user: User, @Args('team', { type: () => String }) team: string): Promise<RuntimeTokenType[]> {
    const now = new Date();
    return (await this.service.list(team, user)).map((token) => toRuntimeTokenType(token, now));
  }

  @RequirePermission('token:manage')
  @Mutation(() => CreatedRuntimeTokenType)
  async createRuntimeToken(@CurrentUser() user: User, @Args('input', { type: () => CreateRuntimeTokenInput }) input: CreateRuntimeTokenInput): Promise<CreatedRuntimeTokenType> {
    const { token, secret } = await this.service.create(
      {
        name: input.name,
        team: input.team,
        automations: input.automations ?? null,
        capabilities: input.capabilities ?? ['ingest', 'dead_letters'],
        expiresInDays: input.expiresInDays ?? DEFAULT_EXPIRES_IN_DAYS,
      },
      user,
    );
    return { token: toRuntimeTokenType(token), secret };
  }

  @RequirePermission('token:manage')
  @Mutation(() => RotatedRuntimeTokenType, {
    description: 'A new token with the same name and scope (its secret shown once); the old one stays valid for the overlap, then expires.',
  })
  async rotateRuntimeToken(
    @CurrentUser() user: User,
    @Args('id', { type: () => ID }) id: string,
    @Args('overlapHours', { type: () => Int, defaultValue: DEFAULT_OVERLAP_HOURS, description: 'Hours both tokens are valid, 1 to 168.' }) overlapHours: number,
    @Args('expiresInDays', { type: () => Int, nullable: true, description: 'Days until the new token expires, 1 to 365 (default 90).' }) expiresInDays: number | null,
  ): Promise<RotatedRuntimeTokenType> {
    const rotated = await this.service.rotate(id, { overlapHours, expiresInDays: expiresInDays ?? DEFAULT_EXPIRES_IN_DAYS }, user);
    const now = new Date();
    return { token: toRuntimeTokenType(rotated.token, now), secret: rotated.secret, replaced: toRuntimeTokenType(rotated.replaced, now) };
  }

  @RequirePermission('token:manage')
  @Mutation(() => RuntimeTokenType, { description: 'Revokes at once: the next request with it is refused.' })
  async revokeRuntimeToken(@CurrentUser() user: User, @Args('id', { type: () => ID }) id: string): Promise<RuntimeTokenType> {
    return toRuntimeTokenType(await this.service.revoke(id, user));
  }
}

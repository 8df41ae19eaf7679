import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { TOKEN_CAPABILITIES, type TokenCapability } from '@roundhouse/contracts';
import { RUNTIME_TOKEN_STATES, type RuntimeTokenState } from '../runtime-token.js';

export const TokenCapabilityEnum = Object.fromEntries(TOKEN_CAPABILITIES.map((c) => [c, c])) as { [K in TokenCapability]: K };
registerEnumType(TokenCapabilityEnum, { name: 'TokenCapability' });

export const RuntimeTokenStateEnum = Object.fromEntries(RUNTIME_TOKEN_STATES.map((s) => [s, s])) as { [K in RuntimeTokenState]: K };
registerEnumType(RuntimeTokenStateEnum, {
  name: 'RuntimeTokenState',
  description: 'Whether a runtime token is accepted now.',
  valuesMap: {
    active: { description: 'Accepted until it expires.' },
    replaced: { description: 'Rotated: still accepted until the end of the overlap (its expiresAt), then refused.' },
    expired: { description: 'Past its expiry: refused.' },
    revoked: { description: 'Revoked by a person: refused.' },
  },
});

@ObjectType('RuntimeToken')
export class RuntimeTokenType {
  @Field(() => ID) id: string;
  @Field(() => String) name: string;
  @Field(() => String) team: string;
  @Field(() => Boolean, { description: 'It covers every automation of its team, present and future (then automations is empty).' }) allAutomations: boolean;
  @Field(() => [String], {
    description:
      'The automations it names, when not allAutomations. It acts only for those its team owns at the time: one that moves to another team leaves the list. Empty: it covers nothing.',
  })
  automations: string[];
  @Field(() => [TokenCapabilityEnum]) capabilities: TokenCapability[];
  @Field(() => String, { description: 'The first characters of the token, to recognise it (rh_rt_ab12…).' }) prefix: string;
  @Field(() => Date) createdAt: Date;
  @Field(() => String) createdBy: string;
  @Field(() => Date, { nullable: true, description: 'Recorded at most once a minute; empty until a runtime uses it.' }) lastUsedAt: Date | null;
  @Field(() => Date, { description: 'From then on it is refused. For a rotated token: the end of the overlap.' }) expiresAt: Date;
  @Field(() => Date, { nullable: true }) revokedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'Who revoked it.' }) revokedBy: string | null;
  @Field(() => ID, { nullable: true, description: 'The token this one was rotated from.' }) replaces: string | null;
  @Field(() => ID, { nullable: true, description: 'The token a rotation created to replace this one.' }) replacedBy: string | null;
  @Field(() => RuntimeTokenStateEnum) state: RuntimeTokenState;
}

@ObjectType('CreatedRuntimeToken')
export class CreatedRuntimeTokenType {
  @Field(() => RuntimeTokenType) token: RuntimeTokenType;
  @Field(() => String, { description: 'The whole token. Shown this once; Roundhouse keeps only its hash.' }) secret: string;
}

@ObjectType('RotatedRuntimeToken')
export class RotatedRuntimeTokenType {
  @Field(() => RuntimeTokenType, { description: 'The new token, with the same name and scope.' }) token: RuntimeTokenType;
  @Field(() => String, { description: 'The whole new token. Shown this once; Roundhouse keeps only its hash.' }) secret: string;
  @Field(() => RuntimeTokenType, { description: 'The old token, accepted until its expiresAt (the end of the overlap).' }) replaced: RuntimeTokenType;
}

@InputType()
export class CreateRuntimeTokenInput {
  @Field(() => String) name: string;
  @Field(() => String) team: string;
  @Field(() => [String], { nullable: true, description: 'The automations of the team it may act for; leave out for every automation of the team. An empty list is refused.' })
  automations?: string[] | null;
  @Field(() => [TokenCapabilityEnum], { defaultValue: ['ingest', 'dead_letters'], description: 'By default what a worker reports: runs and dead letters.' })
  capabilities?: TokenCapability[];
  @Field(() => Int, { defaultValue: 90, description: 'Days until it expires, 1 to 365.' }) expiresInDays?: number;
}

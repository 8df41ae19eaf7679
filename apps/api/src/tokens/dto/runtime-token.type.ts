import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { TOKEN_CAPABILITIES, type TokenCapability } from '@roundhouse/contracts';

export const TokenCapabilityEnum = Object.fromEntries(TOKEN_CAPABILITIES.map((c) => [c, c])) as { [K in TokenCapability]: K };
registerEnumType(TokenCapabilityEnum, { name: 'TokenCapability' });

@ObjectType('RuntimeToken')
export class RuntimeTokenType {
  @Field(() => ID) id: string;
  @Field(() => String) name: string;
  @Field(() => String) team: string;
  @Field(() => [String], { description: 'Automations it may report for; empty means every automation of the team.' }) automations: string[];
  @Field(() => [TokenCapabilityEnum]) capabilities: TokenCapability[];
  @Field(() => String, { description: 'The first characters of the token, to recognise it (rh_rt_ab12…).' }) prefix: string;
  @Field(() => Date) createdAt: Date;
  @Field(() => String) createdBy: string;
  @Field(() => Date, { nullable: true }) lastUsedAt: Date | null;
  @Field(() => Date, { nullable: true }) revokedAt: Date | null;
}

@ObjectType('CreatedRuntimeToken')
export class CreatedRuntimeTokenType {
  @Field(() => RuntimeTokenType) token: RuntimeTokenType;
  @Field(() => String, { description: 'The whole token. Shown this once; Roundhouse keeps only its hash.' }) secret: string;
}

@InputType()
export class CreateRuntimeTokenInput {
  @Field(() => String) name: string;
  @Field(() => String) team: string;
  @Field(() => [String], { defaultValue: [] }) automations?: string[];
  @Field(() => [TokenCapabilityEnum], { defaultValue: ['ingest'] }) capabilities?: TokenCapability[];
}

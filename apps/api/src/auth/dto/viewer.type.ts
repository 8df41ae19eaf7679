import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ROLES, type Role } from '../user.js';

export const RoleEnum = Object.fromEntries(ROLES.map((role) => [role, role])) as { [K in Role]: K };
registerEnumType(RoleEnum, { name: 'Role' });

@ObjectType('Viewer', { description: 'The signed-in person.' })
export class ViewerType {
  @Field(() => String) id: string;
  @Field(() => String) name: string;
  @Field(() => RoleEnum) role: Role;
  @Field(() => [String]) teams: string[];
  @Field(() => Boolean, { description: 'Whether this person may register automations.' }) canRegister: boolean;
}

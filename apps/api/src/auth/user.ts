export const ROLES = ['viewer', 'operator', 'owner', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The signed-in person. `teams` scopes what an owner may edit. */
export interface User {
  id: string;
  name: string;
  role: Role;
  teams: string[];
}

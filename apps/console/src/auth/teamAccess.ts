import type { Role } from '@/gql/graphql';

export interface TeamMember {
  role: Role;
  teams: readonly string[];
}

/**
 * Whether a person may manage a team's runtime tokens and see its quarantined reports: admins for
 * every team, owners for their own. Viewers and operators never (the api decides in the end; this
 * only keeps the console from offering what it would refuse).
 */
export function canManageTeam(person: TeamMember | undefined, team: string): boolean {
  if (!person) {
    return false;
  }
  return person.role === 'admin' || (person.role === 'owner' && person.teams.includes(team));
}

/** Whether a person manages at least one team (so the header offers tokens and quarantine). */
export function managesAnyTeam(person: TeamMember | undefined): boolean {
  if (!person) {
    return false;
  }
  return person.role === 'admin' || (person.role === 'owner' && person.teams.length > 0);
}

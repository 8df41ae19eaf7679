import { refOfKey, splitEntityKey } from '@roundhouse/contracts';
import type { TeamMemberType, TeamType } from './dto/team.type.js';
import type { Team } from './team-row.js';

/** What the catalog knows of people, by name (PeopleService.byNames). */
export type PeopleDirectory = ReadonlyMap<string, { displayName: string | null; email: string | null }>;

function memberOf(name: string, people: PeopleDirectory): TeamMemberType {
  const known = people.get(name);
  return { name, displayName: known?.displayName ?? null, email: known?.email ?? null };
}

export function toTeamType(team: Team, automationCount: number, people: PeopleDirectory): TeamType {
  return {
    name: team.name,
    title: team.title,
    description: team.description,
    email: team.email,
    slack: team.slack,
    onCall: team.onCall,
    members: team.members,
    people: [...team.members].sort().map((name) => memberOf(name, people)),
    namespace: splitEntityKey(team.name).namespace,
    ref: refOfKey('group', team.name),
    parent: team.parent,
    source: team.source,
    automationCount,
  };
}

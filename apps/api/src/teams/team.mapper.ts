import { refOfKey, splitEntityKey } from '@roundhouse/contracts';
import type { TeamType } from './dto/team.type.js';
import type { TeamEntity } from './team.entity.js';

export function toTeamType(team: TeamEntity, automationCount: number): TeamType {
  return {
    name: team.name,
    title: team.title,
    description: team.description,
    email: team.email,
    slack: team.slack,
    onCall: team.onCall,
    members: team.members,
    namespace: splitEntityKey(team.name).namespace,
    ref: refOfKey('group', team.name),
    parent: team.parent,
    source: team.source,
    automationCount,
  };
}

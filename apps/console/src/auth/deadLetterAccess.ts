import { ROLE_LABELS } from '@/shared/format/labels';
import type { TeamMember } from './teamAccess';

/**
 * Why a person may not reprocess or discard dead letters — of any automation, or (with `team`) of an
 * automation that team owns — or null when they may. Admins act everywhere; operators and owners on
 * their teams' automations; viewers never. The api decides in the end (the preview says so per
 * automation); this only keeps the console from offering what it would refuse.
 */
export function deadLetterActionBlockedReason(person: TeamMember | undefined, team?: string): string | null {
  if (!person) {
    return 'Checking what you may do…';
  }
  switch (person.role) {
    case 'admin':
      return null;
    case 'viewer':
      return `Your role (${ROLE_LABELS.viewer}) cannot reprocess or discard dead letters. An operator or owner of the automation’s team can.`;
    case 'operator':
    case 'owner':
      if (team !== undefined && !person.teams.includes(team)) {
        return `Only people on the ${team} team (or an admin) can reprocess or discard its dead letters.`;
      }
      return person.teams.length === 0 ? 'You are on no team, so there are no dead letters you may reprocess or discard.' : null;
  }
}

/**
 * Why a person may not act on dead letters of automations owned by `teams` (the workbench's scope: an
 * automation, a group, or every group shown), or null when they may act on at least one of those teams'.
 * The api refuses the rest in the end; this keeps "Reprocess all matching…" from offering what it would refuse.
 */
export function deadLetterScopeBlockedReason(person: TeamMember | undefined, teams: readonly string[]): string | null {
  const general = deadLetterActionBlockedReason(person);
  if (general !== null || person === undefined || person.role === 'admin') {
    return general;
  }
  const owners = [...new Set(teams)].sort();
  if (owners.length === 0 || owners.some((team) => person.teams.includes(team))) {
    return null;
  }
  if (owners.length === 1) {
    return deadLetterActionBlockedReason(person, owners[0]);
  }
  return `These dead letters belong to other teams (${owners.join(', ')}). Only people on those teams (or an admin) can reprocess or discard them.`;
}

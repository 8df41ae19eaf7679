import { grantsOnTeam, isTeamScoped, roleGrants, type Permission, type User } from '../auth/index.js';
import type { Automation } from './automation-row.js';
import type { EditVerdict } from './automation.mapper.js';

/** Whether `user` may change `automation` with `permission`, and if not, a sentence saying why. */
export function changeVerdict(
  automation: Pick<Automation, 'source' | 'sourceFile' | 'ownerTeam' | 'archivedAt'>,
  user: User | undefined,
  permission: Permission = 'automation:update',
): EditVerdict {
  if (automation.source === 'file') {
    return { canEdit: false, reason: `Managed in Git: ${automation.sourceFile ?? 'catalog/'}. Edit the file and the catalog will sync.` };
  }
  if (automation.archivedAt !== null) {
    return { canEdit: false, reason: 'Archived automations cannot be changed.' };
  }
  if (user === undefined || !roleGrants(user.role, permission)) {
    return { canEdit: false, reason: `Your role (${user?.role ?? 'signed out'}) cannot change automations.` };
  }
  if (isTeamScoped(user.role) && !user.teams.includes(automation.ownerTeam)) {
    return { canEdit: false, reason: `Only owners on the ${automation.ownerTeam} team can change it.` };
  }
  return { canEdit: true, reason: null };
}

/** Whether `user` may register an automation owned by `team`. */
export function mayOwn(user: User, team: string): boolean {
  return grantsOnTeam(user, 'automation:register', team);
}

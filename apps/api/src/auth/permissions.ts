import type { Role, User } from './user.js';

/** Everything a person can be allowed to do. Every mutation names one of these. */
export const PERMISSIONS = [
  'catalog:read',
  'automation:register',
  'automation:update',
  'automation:archive',
  'token:manage',
  'quarantine:read',
  'dead-letter:act',
  'dead-letter:payload',
  'alert:acknowledge',
  'audit:read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, readonly Permission[]> = {
  viewer: ['catalog:read'],
  // Reprocess and discard dead letters of their own teams' automations (the services check the team).
  // …and acknowledge their alerts.
  // Payloads in full and the audit trail, for those teams too.
  operator: ['catalog:read', 'dead-letter:act', 'dead-letter:payload', 'alert:acknowledge', 'audit:read'],
  // Owners hold these for their own teams' automations only: the services check the team.
  owner: [
    'catalog:read',
    'automation:register',
    'automation:update',
    'automation:archive',
    'token:manage',
    'quarantine:read',
    'dead-letter:act',
    'dead-letter:payload',
    'alert:acknowledge',
    'audit:read',
  ],
  admin: PERMISSIONS,
};

export function roleGrants(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

/** Roles whose permissions are limited to their own teams' automations. */
export function isTeamScoped(role: Role): boolean {
  return role !== 'admin';
}

/**
 * Whether `user` holds `permission` for something of `team`: admins for every team, everyone else
 * for the teams they are on (owners: the teams they own; operators: the teams they are on call for).
 */
export function grantsOnTeam(user: User | undefined, permission: Permission, team: string): boolean {
  return user !== undefined && roleGrants(user.role, permission) && (!isTeamScoped(user.role) || user.teams.includes(team));
}

/**
 * Whether `user` holds `permission` as someone on `team`: their role grants it and they are on the
 * team, admins included. For what separation of duties gives to a team (approving its changes and
 * its reprocesses): an admin not on the team does not hold it.
 */
export function grantsAsMember(user: User | undefined, permission: Permission, team: string): boolean {
  return user !== undefined && roleGrants(user.role, permission) && user.teams.includes(team);
}

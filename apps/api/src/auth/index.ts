/** What auth/ offers the other features: import it from here, never from the folder's other files (eslint.config.mjs, CONTRIBUTING.md "Feature boundaries"). */
export { AuthModule } from './auth.module.js';
export { CurrentRuntime, CurrentUser, Public, RequirePermission, RequireRuntimeToken } from './decorators.js';
export { LocalAccounts, RuntimeAuthenticator, SignInAudit, TeamDirectory, providePort } from './identity-ports.js';
export type { SignInRecord } from './identity-ports.js';
export { grantsAsMember, grantsOnTeam, isTeamScoped, roleGrants } from './permissions.js';
export type { Permission } from './permissions.js';
export type { RuntimeAuthentication, RuntimeIdentity, RuntimeRefusal } from './runtime-identity.js';
export { ROLES } from './user.js';
export type { Role, User } from './user.js';

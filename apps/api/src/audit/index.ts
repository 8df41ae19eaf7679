/** What audit/ offers the other features: import it from here, never from the folder's other files (eslint.config.mjs, CONTRIBUTING.md "Feature boundaries"). */
export { CLI_ACTOR, SYSTEM_ACTOR } from './audit-entry.js';
export type { AuditActor, NewAuditEntry } from './audit-entry.js';
export { AuditModule } from './audit.module.js';
export { AuditService } from './audit.service.js';

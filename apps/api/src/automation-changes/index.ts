/** What automation-changes/ offers the other features: import it from here, never from the folder's other files (eslint.config.mjs, CONTRIBUTING.md "Feature boundaries"). */
export { AutomationChangeGate } from './automation-change-gate.js';
export { AutomationChangesModule } from './automation-changes.module.js';
export { CHANGE_STATES } from './automation-changes.repository.js';
export type { ChangeRow, ChangeState } from './automation-changes.repository.js';
export { AutomationChangesService } from './automation-changes.service.js';
export { describeSloChanges } from './slo-changes.js';
export { WaitingApprovals } from './waiting-approvals.js';
export type { AutomationShift } from './waiting-approvals.js';

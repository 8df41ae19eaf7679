/** What slos/ offers the other features: import it from here, never from the folder's other files (eslint.config.mjs, CONTRIBUTING.md "Feature boundaries"). */
export type { AlertSeverity, BurnRateRuleResult } from './burn-rate-alerts.js';
export type { GoodTotal } from './error-budget.js';
export { sloCounts } from './slo-counts.js';
export { sloThresholdMs } from './slo-duration.js';
export { SlosModule } from './slos.module.js';
export { SlosService } from './slos.service.js';
export type { SloState, SloStatusResult } from './slos.service.js';

/** What tokens/ offers the other features: import it from here, never from the folder's other files (eslint.config.mjs, CONTRIBUTING.md "Feature boundaries"). */
export { AutomationOwners } from './automation-owners.js';
export { covers, runtimeActor } from './runtime-token.js';
export { TokenCoverage } from './token-coverage.js';
export type { AutomationMove } from './token-coverage.js';
export { TokenCoverageModule } from './token-coverage.module.js';
export { TokensModule } from './tokens.module.js';
export { TokensService } from './tokens.service.js';

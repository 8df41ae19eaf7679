/** What reprocess/ offers the other features: import it from here, never from the folder's other files (eslint.config.mjs, CONTRIBUTING.md "Feature boundaries"). */
export { ReprocessHolds } from './reprocess-holds.js';
export { ReprocessHoldsModule } from './reprocess-holds.module.js';
export { ReprocessModule } from './reprocess.module.js';
export { ReprocessService } from './reprocess.service.js';
export type { ReprocessAction, Route } from './reprocess.types.js';

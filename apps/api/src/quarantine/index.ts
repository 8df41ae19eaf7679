/** What quarantine/ offers the other features: import it from here, never from the folder's other files (eslint.config.mjs, CONTRIBUTING.md "Feature boundaries"). */
export { QuarantineModule } from './quarantine.module.js';

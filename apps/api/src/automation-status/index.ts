/** What automation-status/ offers the other features: import it from here, never from the folder's other files (eslint.config.mjs, CONTRIBUTING.md "Feature boundaries"). */
export { AutomationStatusModule } from './automation-status.module.js';

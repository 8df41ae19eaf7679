/** What data-freshness/ offers the other features: import it from here, never from the folder's other files (eslint.config.mjs, CONTRIBUTING.md "Feature boundaries"). */
export { DataFreshnessModule } from './data-freshness.module.js';

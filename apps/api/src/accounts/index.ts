/** What accounts/ offers the other features: import it from here, never from the folder's other files (eslint.config.mjs, CONTRIBUTING.md "Feature boundaries"). */
export { AccountsModule } from './accounts.module.js';
export { AccountsService } from './accounts.service.js';

/** What alerts/ offers the other features: import it from here, never from the folder's other files (eslint.config.mjs, CONTRIBUTING.md "Feature boundaries"). */
export { AlertsModule } from './alerts.module.js';
export { AlertsService } from './alerts.service.js';

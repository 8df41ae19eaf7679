/** What jobs/ offers the other features: import it from here, never from the folder's other files (eslint.config.mjs, CONTRIBUTING.md "Feature boundaries"). */
export { JobsModule } from './jobs.module.js';
export { JobsService } from './jobs.service.js';

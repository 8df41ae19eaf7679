/** What people/ offers the other features: import it from here, never from the folder's other files (eslint.config.mjs, CONTRIBUTING.md "Feature boundaries"). */
export { PeopleModule } from './people.module.js';
export { PeopleService } from './people.service.js';

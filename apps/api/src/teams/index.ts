/** What teams/ offers the other features: import it from here, never from the folder's other files (eslint.config.mjs, CONTRIBUTING.md "Feature boundaries"). */
export { TeamEntity } from './team.entity.js';
export { TeamsModule } from './teams.module.js';
export { TeamsService } from './teams.service.js';

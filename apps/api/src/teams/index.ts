/** What teams/ offers the other features: import it from here, never from the folder's other files (eslint.config.mjs, CONTRIBUTING.md "Feature boundaries"). */
export { TEAM_DEFINITION_COLUMN_LIST, TEAM_DEFINITION_FIELDS, teamColumns, teamDefinitionParams } from './team-row.js';
export type { Team } from './team-row.js';
export { TeamsModule } from './teams.module.js';
export { TeamsService } from './teams.service.js';

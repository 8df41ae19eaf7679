/** What automations/ offers the other features: import it from here, never from the folder's other files (eslint.config.mjs, CONTRIBUTING.md "Feature boundaries"). */
export { definitionFromV1, definitionToYaml } from './automation-definition.js';
export type { AutomationDefinition } from './automation-definition.js';
export {
  automationColumns,
  DEFINITION_COLUMN_LIST,
  definitionOf,
  definitionParams,
  EDITABLE_COLUMN_LIST,
  EDITABLE_FIELDS,
  editableParams,
  placeholders,
} from './automation-row.js';
export type { Automation } from './automation-row.js';
export { AutomationNotFoundError } from './automations.errors.js';
export { AutomationsModule } from './automations.module.js';
export { AutomationsService } from './automations.service.js';

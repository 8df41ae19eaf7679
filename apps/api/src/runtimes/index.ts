/** What runtimes/ offers the other features: import it from here, never from the folder's other files (eslint.config.mjs, CONTRIBUTING.md "Feature boundaries"). */
export { RuntimeBindingCheck } from './binding-check.js';
export { BoundAutomations } from './bound-automations.js';
export { RuntimeBindingCheckModule } from './binding-check.module.js';
export { TransportUnavailableError } from './dispatcher.js';
export type { DispatchOutcome } from './dispatcher.js';
export { RetentionWarnings } from './retention-warnings.js';
export { Runtimes } from './routes.js';
export { RuntimesModule } from './runtimes.module.js';

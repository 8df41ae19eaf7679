/** What outbound/ offers the other features: import it from here, never from the folder's other files (eslint.config.mjs, CONTRIBUTING.md "Feature boundaries"). */
export { postJson } from './http-delivery.js';
export { OutboundGuard } from './outbound-guard.js';
export { OutboundModule } from './outbound.module.js';

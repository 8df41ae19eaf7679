/** What metrics/ offers the other features: import it from here, never from the folder's other files (eslint.config.mjs, CONTRIBUTING.md "Feature boundaries"). */
export { MetricsModule } from './metrics.module.js';
export { MetricsService } from './metrics.service.js';
export type { PartitionState } from './metrics.service.js';

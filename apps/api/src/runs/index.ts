/** What runs/ offers the other features: import it from here, never from the folder's other files (eslint.config.mjs, CONTRIBUTING.md "Feature boundaries"). */
export { bucketOf, emptyHistogram, histogramSumSql, percentile } from './duration-histogram.js';
export { RunsModule } from './runs.module.js';
export { KnownAutomations } from './known-automations.js';

/** What ingest/ offers the other features: import it from here, never from the folder's other files (eslint.config.mjs, CONTRIBUTING.md "Feature boundaries"). */
export { UnreadableReport, decodeContentCoding } from './ingest-body.js';
export { IngestModule } from './ingest.module.js';
export { IngestService } from './ingest.service.js';
export { INGEST_MAX_NESTING, deepestNesting } from './storable-json.js';
export { collectedFailureTimes, timestampWindow } from './timestamp-window.js';

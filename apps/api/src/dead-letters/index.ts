/** What dead-letters/ offers the other features: import it from here, never from the folder's other files (eslint.config.mjs, CONTRIBUTING.md "Feature boundaries"). */
export { DEAD_LETTER_STATUS, deadLetterConditions, statusCondition, takenByRequest, waitingCondition } from './dead-letter-query.js';
export type { DeadLetterQuery } from './dead-letter-query.js';
export { DeadLetterIngestService } from './dead-letter-ingest.service.js';
export { DeadLettersModule } from './dead-letters.module.js';
export { DeadLettersService } from './dead-letters.service.js';
export { maskMessage } from './mask-payload.js';
export { LEGACY_PAYLOAD_ENCODING_HEADER, commandPayloadOf, toContract } from './message-body.js';

/** What otlp/ offers the other features: import it from here, never from the folder's other files (eslint.config.mjs, CONTRIBUTING.md "Feature boundaries"). */
export { SERVICE_NAME_ALLOWED, clashFound, serviceNameClashes } from './otlp-service-names.js';
export type { ServiceNameBinding } from './otlp-service-names.js';
export { OtlpModule } from './otlp.module.js';

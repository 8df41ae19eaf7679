/** What approval-policy/ offers the other features: import it from here, never from the folder's other files (eslint.config.mjs, CONTRIBUTING.md "Feature boundaries"). */
export { approvalPolicyOf, approvalReasons, dutiesChanges, wordList } from './approval-policy.js';
export type { ApprovalPolicy, DutiesView } from './approval-policy.js';

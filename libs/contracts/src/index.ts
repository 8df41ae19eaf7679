export * from './catalog/common.js';
export * from './catalog/issues.js';
export * from './catalog/team.v1.js';
export * from './catalog/backstage-group.v1alpha1.js';
export * from './catalog/team.js';
export * from './catalog/automation.v1.js';
export * from './catalog/catalog-file.js';

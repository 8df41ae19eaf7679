export * from './dashboard.v1.js';
export * from './dashboard-file.js';

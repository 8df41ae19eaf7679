/** Where a catalog entity is defined: `file` (catalog/ in Git, read-only here) or `console`. */
export type EntitySource = 'file' | 'console';

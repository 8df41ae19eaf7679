import type { EntitySource } from './entity-source.js';

/** Columns every catalog table has: where the row is defined, when it was archived, created and changed. */
export interface CatalogRecord {
  source: EntitySource;
  sourceFile: string | null;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The catalog record's columns, as `CatalogRecord` names them (`prefix` a table alias with its dot, e.g. `a.`). */
export const catalogRecordColumns = (prefix = '') =>
  `${prefix}source, ${prefix}source_file AS "sourceFile", ${prefix}archived_at AS "archivedAt", ${prefix}created_at AS "createdAt", ${prefix}updated_at AS "updatedAt"`;

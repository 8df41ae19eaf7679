import { Column, CreateDateColumn, UpdateDateColumn } from 'typeorm';
import type { EntitySource } from './entity-source.js';

/** Columns every catalog table has: where the row is defined, when it was archived, created and changed. */
export abstract class CatalogRecord {
  @Column({ type: 'text' })
  source: EntitySource;

  @Column({ type: 'text', name: 'source_file', nullable: true })
  sourceFile: string | null;

  @Column({ type: 'timestamptz', name: 'archived_at', nullable: true })
  archivedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}

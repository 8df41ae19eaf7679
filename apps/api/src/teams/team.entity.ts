import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { OnCall } from '@roundhouse/contracts';
import type { EntitySource } from '../common/entity-source.js';


@Entity({ name: 'team' })
export class TeamEntity {
  @PrimaryColumn({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Column({ type: 'text', nullable: true })
  slack: string | null;

  @Column({ type: 'jsonb', name: 'on_call', nullable: true })
  onCall: OnCall | null;

  @Column({ type: 'text', array: true })
  members: string[];

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

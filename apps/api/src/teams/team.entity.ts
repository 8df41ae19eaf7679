import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { OnCall } from '@roundhouse/contracts';
import { CatalogRecord } from '../common/catalog-record.js';


@Entity({ name: 'team' })
export class TeamEntity extends CatalogRecord {
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

  /** The parent team's name (the Backstage Group tree). */
  @Column({ type: 'text', nullable: true })
  parent: string | null;

  /** The entity as written in its file (key order kept: `json`, not `jsonb`); what an export writes back. */
  @Column({ type: 'json', nullable: true })
  definition: object | null;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';
import type {
  AutomationType,
  Kpi,
  Lifecycle,
  Link,
  PayloadPolicy,
  OnCall,
  Release,
  RiskDomain,
  RuntimeBinding,
  Slo,
} from '@roundhouse/contracts';
import { CatalogRecord } from '../common/catalog-record.js';

/** A runbook as stored: the Markdown itself, and the file it came from for file-managed automations. */
export interface StoredRunbook {
  id: string;
  title: string;
  markdown: string;
  path?: string;
}

@Entity({ name: 'automation' })
export class AutomationEntity extends CatalogRecord {
  @PrimaryColumn({ type: 'text' })
  slug: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'text' })
  type: AutomationType;

  @Column({ type: 'text' })
  lifecycle: Lifecycle;

  @Column({ type: 'text', name: 'owner_team' })
  ownerTeam: string;

  @Column({ type: 'jsonb', name: 'on_call' })
  onCall: OnCall;

  /** The Backstage System (its key) the automation belongs to. */
  @Column({ type: 'text', nullable: true })
  system: string | null;

  @Column({ type: 'text', array: true })
  systems: string[];

  @Column({ type: 'text', array: true, name: 'risk_domains' })
  riskDomains: RiskDomain[];

  @Column({ type: 'text', array: true })
  tags: string[];

  @Column({ type: 'jsonb' })
  links: Link[];

  /** Backstage `metadata.annotations`, as written. */
  @Column({ type: 'jsonb' })
  annotations: Record<string, string>;

  /** Backstage `metadata.labels`, as written. */
  @Column({ type: 'jsonb' })
  labels: Record<string, string>;

  @Column({ type: 'jsonb', nullable: true })
  runtime: RuntimeBinding | null;

  @Column({ type: 'jsonb', name: 'payload_policy', nullable: true })
  payloadPolicy: PayloadPolicy | null;

  @Column({ type: 'jsonb' })
  slos: Slo[];

  @Column({ type: 'jsonb' })
  kpis: Kpi[];

  @Column({ type: 'jsonb' })
  runbooks: StoredRunbook[];

  @Column({ type: 'jsonb' })
  releases: Release[];
}

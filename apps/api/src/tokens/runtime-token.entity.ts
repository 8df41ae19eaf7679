import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { TokenCapability } from '@roundhouse/contracts';

/** A runtime's credential. Only the secret's hash is kept; the whole token is shown once. */
@Entity({ name: 'runtime_token' })
export class RuntimeTokenEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  team: string;

  /** Every automation of the team, present and future; then `automations` is empty. */
  @Column({ type: 'boolean', name: 'all_automations' })
  allAutomations: boolean;

  /**
   * The automations it names when not `allAutomations`. It acts only for those its team owns at the
   * time; one that moves to another team leaves the list. Empty: it covers nothing.
   */
  @Column({ type: 'text', array: true })
  automations: string[];

  @Column({ type: 'text', array: true })
  capabilities: TokenCapability[];

  @Column({ type: 'bytea', name: 'secret_hash' })
  secretHash: Buffer;

  @Column({ type: 'text' })
  prefix: string;

  @Column({ type: 'text', name: 'created_by' })
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'last_used_at', nullable: true })
  lastUsedAt: Date | null;

  /** After this the token is refused. A rotation moves it to the end of the overlap. */
  @Column({ type: 'timestamptz', name: 'expires_at' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', name: 'revoked_at', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'text', name: 'revoked_by', nullable: true })
  revokedBy: string | null;

  /** The token this one was rotated from. */
  @Column({ type: 'uuid', nullable: true })
  replaces: string | null;

  /** The token a rotation created to take over from this one. */
  @Column({ type: 'uuid', name: 'replaced_by', nullable: true })
  replacedBy: string | null;
}

import type { TokenCapability } from '@roundhouse/contracts';

/** A runtime's credential. Only the secret's hash is kept; the whole token is shown once. */
export interface RuntimeToken {
  id: string;
  name: string;
  team: string;
  /** Every automation of the team, present and future; then `automations` is empty. */
  allAutomations: boolean;
  /**
   * The automations it names when not `allAutomations`. It acts only for those its team owns at the
   * time; one that moves to another team leaves the list. Empty: it covers nothing.
   */
  automations: string[];
  capabilities: TokenCapability[];
  secretHash: Buffer;
  prefix: string;
  createdBy: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  /** After this the token is refused. A rotation moves it to the end of the overlap. */
  expiresAt: Date;
  revokedAt: Date | null;
  revokedBy: string | null;
  /** The token this one was rotated from. */
  replaces: string | null;
  /** The token a rotation created to take over from this one. */
  replacedBy: string | null;
}

/** What a new token is made of: the row but what the database and later events fill in. */
export type NewRuntimeToken = Omit<RuntimeToken, 'createdAt' | 'lastUsedAt' | 'revokedAt' | 'revokedBy' | 'replacedBy'>;

/** Every column of a row, selected under its field's name, so that a selected row is the `RuntimeToken` it stores. */
export const RUNTIME_TOKEN_COLUMNS = `id, name, team, all_automations AS "allAutomations", automations, capabilities, secret_hash AS "secretHash", prefix,
  created_by AS "createdBy", created_at AS "createdAt", last_used_at AS "lastUsedAt", expires_at AS "expiresAt",
  revoked_at AS "revokedAt", revoked_by AS "revokedBy", replaces, replaced_by AS "replacedBy"`;

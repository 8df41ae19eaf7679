import type { Role } from '../auth/index.js';

/** A local account as stored: the password only as its argon2id hash. */
export interface UserAccountRow {
  username: string;
  display_name: string;
  role: Role;
  teams: string[];
  password_hash: string;
  disabled_at: Date | null;
  created_at: Date;
  last_signed_in_at: Date | null;
}

/** A local account as shown (the CLI's list): never the hash. */
export interface UserAccount {
  username: string;
  name: string;
  role: Role;
  teams: string[];
  disabledAt: Date | null;
  createdAt: Date;
  lastSignedInAt: Date | null;
}

export const toUserAccount = (row: UserAccountRow): UserAccount => ({
  username: row.username,
  name: row.display_name,
  role: row.role,
  teams: row.teams,
  disabledAt: row.disabled_at,
  createdAt: row.created_at,
  lastSignedInAt: row.last_signed_in_at,
});

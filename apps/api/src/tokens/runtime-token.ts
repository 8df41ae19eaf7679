import type { TokenCapability } from '@roundhouse/contracts';

/** A runtime that presented a valid token: what it may do, and for which automations. */
export interface RuntimeIdentity {
  tokenId: string;
  name: string;
  team: string;
  /** Empty: every automation of the team. */
  automations: string[];
  capabilities: TokenCapability[];
}

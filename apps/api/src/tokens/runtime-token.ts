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

/** Why a bearer token was refused: said to the runtime in the 401. */
export type RuntimeRefusal = 'missing' | 'unknown' | 'revoked' | 'expired';

/** The runtime behind a bearer token, or why it was refused, in a sentence for the runtime's logs. */
export type RuntimeAuthentication = { runtime: RuntimeIdentity; refusal?: undefined } | { runtime?: undefined; refusal: RuntimeRefusal; message: string };

export const RUNTIME_TOKEN_STATES = ['active', 'replaced', 'expired', 'revoked'] as const;
export type RuntimeTokenState = (typeof RUNTIME_TOKEN_STATES)[number];

/** Revoked wins over expired, expired over replaced (a rotated token still valid in its overlap). */
export function tokenState(token: { revokedAt: Date | null; expiresAt: Date; replacedBy: string | null }, now: Date): RuntimeTokenState {
  if (token.revokedAt !== null) {
    return 'revoked';
  }
  if (token.expiresAt.getTime() <= now.getTime()) {
    return 'expired';
  }
  return token.replacedBy === null ? 'active' : 'replaced';
}

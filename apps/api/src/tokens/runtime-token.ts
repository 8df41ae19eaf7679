import type { TokenCapability } from '@roundhouse/contracts';
import type { AuditActor } from '../audit/audit-entry.js';

/** A runtime that presented a valid token: what it may do, and for which automations. */
export interface RuntimeIdentity {
  tokenId: string;
  name: string;
  team: string;
  /** `all`: every automation of the team; otherwise the ones the token names. Either way see `covers`. */
  automations: 'all' | readonly string[];
  capabilities: TokenCapability[];
}

/**
 * Whether the token may act for `slug`, given the team that owns it now (undefined: no such
 * automation). A token acts only for automations its team owns at the time of use, whatever its
 * list says: an automation that moved to another team is not covered from that moment on.
 */
export function covers(runtime: Pick<RuntimeIdentity, 'team' | 'automations'>, slug: string, ownerNow: string | undefined): boolean {
  if (ownerNow !== undefined && ownerNow !== runtime.team) {
    return false;
  }
  return runtime.automations === 'all' || runtime.automations.includes(slug);
}

/** The runtime as an actor in the audit trail: its token's id and name. */
export function runtimeActor(runtime: Pick<RuntimeIdentity, 'tokenId' | 'name'>): AuditActor {
  return { id: runtime.tokenId, name: runtime.name, kind: 'runtime' };
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

import type { AuditActor } from '../audit/index.js';
import type { RuntimeIdentity } from '../auth/index.js';

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

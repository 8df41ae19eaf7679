import type { RuntimeTokenFieldsFragment, RuntimeTokenState, TokenCapability } from '@/gql/graphql';
import { formatDateTime } from '@/shared/format/dates';

export type RuntimeToken = RuntimeTokenFieldsFragment;

/** Said of a token whose named automations all moved to other teams. */
const COVERS_NOTHING = 'no automation: the ones it named moved to other teams';

/** The automations a token covers, in words: titles where known. */
export function describeScope(token: Pick<RuntimeToken, 'allAutomations' | 'automations'>, titles: ReadonlyMap<string, string>, teamTitle: string): string {
  if (token.allAutomations) {
    return `every automation of ${teamTitle}`;
  }
  if (token.automations.length === 0) {
    return COVERS_NOTHING;
  }
  return token.automations.map((slug) => titles.get(slug) ?? slug).join(', ');
}

const STOPS: Record<TokenCapability, string> = {
  ingest: 'their run reports, KPI measurements and heartbeats are refused, so health and KPIs stop updating',
  dead_letters: 'the dead letters they hand over are refused and no longer reach the workbench',
  commands: 'they no longer pick up reprocess commands, so reprocessing started here waits',
  catalog_read: 'Backstage can no longer read the automations, so its catalog keeps what it read last',
};

/** What stops working when the token is revoked, one phrase per capability. */
export function whatStops(capabilities: readonly TokenCapability[]): string[] {
  return capabilities.map((capability) => STOPS[capability]);
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** A token expiring sooner than this is highlighted, so someone rotates it in time. */
export const EXPIRY_WARNING_DAYS = 14;

export const TOKEN_STATE_LABELS: Record<RuntimeTokenState, string> = {
  active: 'Active',
  replaced: 'Expiring after rotation',
  expired: 'Expired',
  revoked: 'Revoked',
};

const LIST_ORDER: Record<RuntimeTokenState, number> = { active: 0, replaced: 1, expired: 2, revoked: 3 };

/** Tokens that still work first (active, then those ending after a rotation), then expired, then revoked; newest first within each. */
export function inListOrder(tokens: readonly RuntimeToken[]): RuntimeToken[] {
  return [...tokens].sort((a, b) => LIST_ORDER[a.state] - LIST_ORDER[b.state] || b.createdAt.localeCompare(a.createdAt));
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/** "expires in 3 days", "expired": and whether it ends soon enough to highlight. */
export function describeExpiry(token: Pick<RuntimeToken, 'expiresAt' | 'state'>, now: number = Date.now()): { text: string; soon: boolean } {
  const left = new Date(token.expiresAt).getTime() - now;
  if (token.state === 'revoked') {
    return { text: `Would have expired ${formatDateTime(token.expiresAt)}`, soon: false };
  }
  if (token.state === 'expired' || left <= 0) {
    return { text: 'Expired', soon: false };
  }
  // To the nearest day (hour): a 90-day token made a second ago expires in 90 days, not 89.
  const text =
    left >= DAY_MS - HOUR_MS / 2
      ? `Expires in ${plural(Math.max(1, Math.round(left / DAY_MS)), 'day')}`
      : left >= HOUR_MS
        ? `Expires in ${plural(Math.round(left / HOUR_MS), 'hour')}`
        : 'Expires in less than an hour';
  return { text, soon: left < EXPIRY_WARNING_DAYS * DAY_MS };
}

/** Why the token cannot be rotated, or null when it can. */
export function rotateBlockedReason(token: Pick<RuntimeToken, 'state'>): string | null {
  switch (token.state) {
    case 'revoked':
      return 'A revoked token cannot be rotated: create a new one.';
    case 'replaced':
      return 'Already rotated: rotate the token that replaced it.';
    default:
      return null;
  }
}

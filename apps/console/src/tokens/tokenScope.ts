import type { RuntimeTokenFieldsFragment, TokenCapability } from '@/gql/graphql';

export type RuntimeToken = RuntimeTokenFieldsFragment;

/** The automations a token covers, in words: titles where known. */
export function describeScope(token: Pick<RuntimeToken, 'automations'>, titles: ReadonlyMap<string, string>, teamTitle: string): string {
  if (token.automations.length === 0) {
    return `every automation of ${teamTitle}`;
  }
  return token.automations.map((slug) => titles.get(slug) ?? slug).join(', ');
}

const STOPS: Record<TokenCapability, string> = {
  ingest: 'their run reports, KPI measurements and heartbeats are refused, so health and KPIs stop updating',
  dead_letters: 'the dead letters they hand over are refused and no longer reach the workbench',
  commands: 'they no longer pick up reprocess commands, so reprocessing started here waits',
};

/** What stops working when the token is revoked, one phrase per capability. */
export function whatStops(capabilities: readonly TokenCapability[]): string[] {
  return capabilities.map((capability) => STOPS[capability]);
}

/** Active tokens first, then revoked; newest first within each. */
export function inListOrder(tokens: readonly RuntimeToken[]): RuntimeToken[] {
  return [...tokens].sort((a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null) || b.createdAt.localeCompare(a.createdAt));
}

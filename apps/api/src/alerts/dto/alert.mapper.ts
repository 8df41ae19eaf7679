import type { AlertRow } from '../alerts.repository.js';
import type { AlertType } from './alert.type.js';

/** The alert as one person sees it: `acknowledgeBlockedReason` says why they may not acknowledge it (null: they may). */
export function toAlert(row: AlertRow, acknowledgeBlockedReason: string | null): AlertType {
  const { ownerTeam: _ownerTeam, events, ...alert } = row;
  return { ...alert, events: events.map((e) => ({ at: e.at, kind: e.kind, actor: e.actor, detail: e.detail })), acknowledgeBlockedReason };
}

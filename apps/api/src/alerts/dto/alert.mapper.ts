import type { AlertRow } from '../alerts.repository.js';
import type { AlertType } from './alert.type.js';

export function toAlert(row: AlertRow): AlertType {
  const { ownerTeam: _ownerTeam, events, ...alert } = row;
  return { ...alert, events: events.map((e) => ({ at: e.at, kind: e.kind, actor: e.actor, detail: e.detail })) };
}

import type { User } from '../../auth/user.js';
import type { AlertRow } from '../alerts.repository.js';
import { AlertsService } from '../alerts.service.js';
import type { AlertType } from './alert.type.js';

/** The alert as `user` sees it: with whether they may acknowledge it. */
export function toAlert(row: AlertRow, user: User | undefined): AlertType {
  const { ownerTeam: _ownerTeam, events, ...alert } = row;
  return {
    ...alert,
    events: events.map((e) => ({ at: e.at, kind: e.kind, actor: e.actor, detail: e.detail })),
    acknowledgeBlockedReason: AlertsService.acknowledgeBlockedReason(row, user),
  };
}

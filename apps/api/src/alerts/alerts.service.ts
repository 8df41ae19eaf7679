import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/index.js';
import { isTeamScoped, roleGrants, type User } from '../auth/index.js';
import { InputError, NotAllowedError, NotFoundError } from '../errors/domain-errors.js';
import { AlertsRepository, type AlertRow, type AlertState } from './alerts.repository.js';

export const OPEN_STATES: readonly AlertState[] = ['firing', 'acknowledged'];
const MAX_FIRST = 200;
const MAX_NOTE = 1000;

@Injectable()
export class AlertsService {
  constructor(
    @Inject(AlertsRepository) private readonly alerts: AlertsRepository,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  /** Newest first; open alerts (firing or acknowledged) unless other states are asked for. */
  list(filter: { automation?: string; teams?: readonly string[]; states?: readonly AlertState[]; first?: number }): Promise<AlertRow[]> {
    const first = filter.first ?? 50;
    if (!Number.isInteger(first) || first < 1 || first > MAX_FIRST) {
      throw new InputError(`first must be a whole number from 1 to ${MAX_FIRST}.`, [{ path: 'first', message: `a whole number from 1 to ${MAX_FIRST}`, found: String(first) }]);
    }
    const states = filter.states === undefined || filter.states.length === 0 ? OPEN_STATES : filter.states;
    return this.alerts.list({ automations: filter.automation === undefined ? undefined : [filter.automation], teams: filter.teams, states, first });
  }

  /** The open alerts of these automations, newest first. */
  openFor(automations: readonly string[]): Promise<AlertRow[]> {
    return automations.length === 0 ? Promise.resolve([]) : this.alerts.list({ automations, states: OPEN_STATES, first: MAX_FIRST });
  }

  /**
   * Someone on call says "I have it". Operators and owners may acknowledge their own teams'
   * alerts, admins any. Acknowledging an alert that is already acknowledged or resolved changes
   * nothing and answers it as it stands.
   */
  /** Why `user` cannot acknowledge `alert` now, in a sentence for the console; null when they can. */
  static acknowledgeBlockedReason(alert: Pick<AlertRow, 'state' | 'ownerTeam' | 'acknowledgedBy'>, user: User | undefined): string | null {
    const denied = AlertsService.deniedReason(alert, user);
    if (denied !== null) {
      return denied;
    }
    if (alert.state === 'acknowledged') {
      return `Already acknowledged by ${alert.acknowledgedBy ?? 'someone'}.`;
    }
    return alert.state === 'resolved' ? 'Resolved: nothing to acknowledge.' : null;
  }

  /** Why `user` may never acknowledge `alert` (role or team); null when they may. */
  private static deniedReason(alert: Pick<AlertRow, 'ownerTeam'>, user: User | undefined): string | null {
    if (user === undefined || !roleGrants(user.role, 'alert:acknowledge')) {
      return `Your role (${user?.role ?? 'signed out'}) cannot acknowledge alerts: operators, owners and admins can.`;
    }
    if (isTeamScoped(user.role) && !user.teams.includes(alert.ownerTeam)) {
      return `Only operators and owners on the ${alert.ownerTeam} team, or an admin, can acknowledge this alert.`;
    }
    return null;
  }

  async acknowledge(id: string, user: User, note: string | undefined): Promise<AlertRow> {
    const trimmed = note?.trim() ?? '';
    if (trimmed.length > MAX_NOTE) {
      throw new InputError(`The note is ${trimmed.length} characters; at most ${MAX_NOTE}.`, [
        { path: 'note', message: `at most ${MAX_NOTE} characters`, found: `${trimmed.length} characters` },
      ]);
    }
    const alert = await this.alerts.get(id);
    if (alert === null) {
      throw new NotFoundError(`No alert has the id "${id}".`);
    }
    const denied = AlertsService.deniedReason(alert, user);
    if (denied !== null) {
      throw new NotAllowedError(denied);
    }
    const acknowledged = await this.alerts.acknowledge(id, user.name, trimmed === '' ? null : trimmed);
    if (acknowledged) {
      await this.audit.record({
        actor: user,
        action: 'alert.acknowledged',
        target: { kind: 'alert', id },
        automations: [alert.automation],
        teams: [alert.ownerTeam],
        reason: trimmed === '' ? null : trimmed,
        before: { state: alert.state },
        after: { state: 'acknowledged', acknowledgedBy: user.name },
        detail: { slo: alert.slo, rule: alert.rule, severity: alert.severity },
      });
    }
    return (await this.alerts.get(id)) ?? alert;
  }
}

import { Inject, Injectable } from '@nestjs/common';
import type { AlertSeverity } from '../slos/index.js';

export type { AlertSeverity };
import type { AlertDecision, OpenAlert } from './alert-evaluation.js';
import type { AlertNotice, AlertTransition } from './alert-notification.js';
import { Database, type Transaction } from '../database/database.js';

export const ALERT_STATES = ['firing', 'acknowledged', 'resolved'] as const;
export type AlertState = (typeof ALERT_STATES)[number];

export const ALERT_EVENT_KINDS = ['fired', 'acknowledged', 'resolved', 'notified', 'notification_failed'] as const;
export type AlertEventKind = (typeof ALERT_EVENT_KINDS)[number];

export interface AlertEventRow {
  at: Date;
  kind: AlertEventKind;
  actor: string | null;
  detail: string | null;
}

export interface AlertRow {
  id: string;
  automation: string;
  automationTitle: string;
  ownerTeam: string;
  slo: string;
  sloTitle: string;
  rule: string;
  severity: AlertSeverity;
  state: AlertState;
  summary: string;
  firedAt: Date;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
  resolvedAt: Date | null;
  runbook: { id: string; title: string } | null;
  events: AlertEventRow[];
}

export interface AlertFilter {
  automations?: readonly string[];
  /** Only alerts of automations these teams own. */
  teams?: readonly string[];
  states: readonly AlertState[];
  first: number;
}

/** A notification to send: one alert, one transition. */
export interface PendingNotification {
  alertId: string;
  transition: AlertTransition;
}

interface AlertDbRow {
  id: string;
  automation_slug: string;
  automation_title: string | null;
  owner_team: string | null;
  slo: string;
  slo_title: string | null;
  rule: string;
  severity: AlertSeverity;
  state: AlertState;
  summary: string;
  fired_at: Date;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  resolved_at: Date | null;
  runbook: string | null;
  runbook_title: string | null;
  events: { at: string; kind: AlertEventKind; actor: string | null; detail: string | null }[];
}

/** The alert with its automation's and SLO's titles and its runbook's, and its history oldest first. */
const ALERT_SELECT = `
  SELECT al.id::text AS id, al.automation_slug, a.title AS automation_title, a.owner_team, al.slo,
         (SELECT s->>'title' FROM jsonb_array_elements(a.slos) AS s WHERE s->>'name' = al.slo LIMIT 1) AS slo_title,
         al.rule, al.severity, al.state, al.summary, al.fired_at, al.acknowledged_at, al.acknowledged_by, al.resolved_at, al.runbook,
         (SELECT rb->>'title' FROM jsonb_array_elements(a.runbooks) AS rb WHERE rb->>'id' = al.runbook LIMIT 1) AS runbook_title,
         (SELECT coalesce(json_agg(json_build_object('at', e.at, 'kind', e.kind, 'actor', e.actor, 'detail', e.detail) ORDER BY e.id), '[]'::json)
            FROM alert_event e WHERE e.alert_id = al.id) AS events
    FROM alert al
    LEFT JOIN automation a ON a.slug = al.automation_slug`;

function toAlert(row: AlertDbRow): AlertRow {
  return {
    id: row.id,
    automation: row.automation_slug,
    automationTitle: row.automation_title ?? row.automation_slug,
    ownerTeam: row.owner_team ?? '',
    slo: row.slo,
    sloTitle: row.slo_title ?? row.slo,
    rule: row.rule,
    severity: row.severity,
    state: row.state,
    summary: row.summary,
    firedAt: new Date(row.fired_at),
    acknowledgedAt: row.acknowledged_at === null ? null : new Date(row.acknowledged_at),
    acknowledgedBy: row.acknowledged_by,
    resolvedAt: row.resolved_at === null ? null : new Date(row.resolved_at),
    runbook: row.runbook === null ? null : { id: row.runbook, title: row.runbook_title ?? row.runbook },
    events: row.events.map((e) => ({ at: new Date(e.at), kind: e.kind, actor: e.actor, detail: e.detail })),
  };
}

@Injectable()
export class AlertsRepository {
  constructor(@Inject(Database) private readonly db: Database) {}

  async openAlerts(): Promise<OpenAlert[]> {
    const rows = await this.db.query<{ id: string; automation_slug: string; slo: string; rule: string }>(
      `SELECT id::text AS id, automation_slug, slo, rule FROM alert WHERE state <> 'resolved'`,
    );
    return rows.map((r) => ({ id: r.id, automation: r.automation_slug, slo: r.slo, rule: r.rule }));
  }

  /**
   * Applies one evaluation's decisions in one transaction and answers the notifications to send
   * (only when `notify`; a resolution is announced only for an alert whose firing was).
   */
  applyDecisions(decisions: readonly AlertDecision[], now: Date, notify: boolean): Promise<PendingNotification[]> {
    return this.db.transaction(async (tx) => {
      const notifications: PendingNotification[] = [];
      for (const decision of decisions) {
        const sent = await this.applyDecision(tx, decision, now, notify);
        if (sent !== null) {
          notifications.push(sent);
        }
      }
      return notifications;
    });
  }

  private async applyDecision(tx: Transaction, decision: AlertDecision, now: Date, notify: boolean): Promise<PendingNotification | null> {
    switch (decision.kind) {
      case 'fire': {
        // Another replica may have fired the same alert a moment ago: the open-alert index keeps one.
        const [created] = await this.db.query<{ id: string }>(
          `INSERT INTO alert (automation_slug, slo, rule, severity, state, summary, runbook, fired_at, last_evaluated_at)
             VALUES ($1, $2, $3, $4, 'firing', $5, $6, $7, $7)
             ON CONFLICT (automation_slug, slo, rule) WHERE state <> 'resolved' DO NOTHING RETURNING id::text AS id`,
          [decision.automation, decision.slo, decision.rule, decision.severity, decision.summary, decision.runbook, now],
          tx,
        );
        if (created === undefined) {
          return null;
        }
        await this.addEvent(tx, created.id, 'fired', null, decision.summary, now);
        return notify ? this.queueNotification(tx, created.id, 'fired') : null;
      }
      case 'keep':
        await this.db.query(`UPDATE alert SET summary = $2, last_evaluated_at = $3 WHERE id = $1 AND state <> 'resolved'`, [decision.id, decision.summary, now], tx);
        return null;
      case 'resolve': {
        const [resolved] = await this.db.query<{ id: string }>(
          `UPDATE alert SET state = 'resolved', resolved_at = $2, last_evaluated_at = $2 WHERE id = $1 AND state <> 'resolved' RETURNING id::text AS id`,
          [decision.id, now],
          tx,
        );
        if (resolved === undefined) {
          return null;
        }
        await this.addEvent(tx, resolved.id, 'resolved', null, decision.detail, now);
        const [announced] = await this.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM alert_notification WHERE alert_id = $1 AND transition = 'fired'`, [resolved.id], tx);
        return notify && (announced?.n ?? 0) > 0 ? this.queueNotification(tx, resolved.id, 'resolved') : null;
      }
    }
  }

  private async queueNotification(tx: Transaction, alertId: string, transition: AlertTransition): Promise<PendingNotification | null> {
    const [row] = await this.db.query<{ alert_id: string }>(
      `INSERT INTO alert_notification (alert_id, transition) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING alert_id::text AS alert_id`,
      [alertId, transition],
      tx,
    );
    return row === undefined ? null : { alertId, transition };
  }

  private async addEvent(tx: Transaction, alertId: string, kind: AlertEventKind, actor: string | null, detail: string | null, at: Date = new Date()): Promise<void> {
    await this.db.query(`INSERT INTO alert_event (alert_id, at, kind, actor, detail) VALUES ($1, $2, $3, $4, $5)`, [alertId, at, kind, actor, detail], tx);
  }

  async list(filter: AlertFilter): Promise<AlertRow[]> {
    const rows = await this.db.query<AlertDbRow>(
      `${ALERT_SELECT}
        WHERE al.state = ANY($1::text[]) AND ($2::text[] IS NULL OR al.automation_slug = ANY($2::text[])) AND ($4::text[] IS NULL OR a.owner_team = ANY($4::text[]))
        ORDER BY al.fired_at DESC, al.id DESC
        LIMIT $3`,
      [filter.states, filter.automations ?? null, filter.first, filter.teams ?? null],
    );
    return rows.map(toAlert);
  }

  async get(id: string): Promise<AlertRow | null> {
    if (!/^\d{1,18}$/.test(id)) {
      return null;
    }
    const [row] = await this.db.query<AlertDbRow>(`${ALERT_SELECT} WHERE al.id = $1`, [id]);
    return row === undefined ? null : toAlert(row);
  }

  /** Marks a firing alert acknowledged by `actor`; false when it was not firing (already acknowledged or resolved). */
  acknowledge(id: string, actor: string, note: string | null): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const [row] = await this.db.query<{ id: string }>(
        `UPDATE alert SET state = 'acknowledged', acknowledged_at = now(), acknowledged_by = $2 WHERE id = $1 AND state = 'firing' RETURNING id::text AS id`,
        [id, actor],
        tx,
      );
      if (row === undefined) {
        return false;
      }
      await this.addEvent(tx, id, 'acknowledged', actor, note);
      return true;
    });
  }

  /** What a notification says, or null when the alert is gone. */
  async notice(alertId: string, transition: AlertTransition): Promise<AlertNotice | null> {
    const alert = await this.get(alertId);
    if (alert === null) {
      return null;
    }
    const [channel] = await this.db.query<{ slack: string | null }>(
      `SELECT coalesce(a.on_call->>'slack', t.slack) AS slack FROM automation a LEFT JOIN team t ON t.name = a.owner_team WHERE a.slug = $1`,
      [alert.automation],
    );
    return {
      id: alert.id,
      transition,
      automation: alert.automation,
      automationTitle: alert.automationTitle,
      slo: alert.slo,
      sloTitle: alert.sloTitle,
      rule: alert.rule,
      severity: alert.severity,
      summary: alert.summary,
      firedAt: alert.firedAt,
      resolvedAt: alert.resolvedAt,
      runbook: alert.runbook,
      channel: channel?.slack ?? null,
    };
  }

  /** The notification's state; null when it was never queued. */
  async notificationState(alertId: string, transition: AlertTransition): Promise<{ state: 'pending' | 'sent' | 'failed'; attempts: number } | null> {
    const [row] = await this.db.query<{ state: 'pending' | 'sent' | 'failed'; attempts: number }>(
      `SELECT state, attempts FROM alert_notification WHERE alert_id = $1 AND transition = $2`,
      [alertId, transition],
    );
    return row ?? null;
  }

  /** Records one try; `outcome` sent and failed are final and go into the alert's history. */
  recordNotification(alertId: string, transition: AlertTransition, outcome: 'sent' | 'retry' | 'failed', error: string | null): Promise<number> {
    return this.db.transaction(async (tx) => {
      const [row] = await this.db.query<{ attempts: number }>(
        `UPDATE alert_notification
              SET attempts = attempts + 1, last_error = $4,
                  state = CASE WHEN $3 = 'retry' THEN 'pending' ELSE $3 END,
                  sent_at = CASE WHEN $3 = 'sent' THEN now() ELSE sent_at END
            WHERE alert_id = $1 AND transition = $2 AND state = 'pending' RETURNING attempts`,
        [alertId, transition, outcome, error],
        tx,
      );
      if (row !== undefined && outcome !== 'retry') {
        const detail =
          outcome === 'sent'
            ? `The ${transition} notification was delivered (try ${row.attempts}).`
            : `The ${transition} notification was given up after ${row.attempts} tries: ${error ?? 'no reason given'}`;
        await this.addEvent(tx, alertId, outcome === 'sent' ? 'notified' : 'notification_failed', null, detail);
      }
      return row?.attempts ?? 0;
    });
  }

  /** Notifications queued but never settled (their process died): sent again by the sweep. */
  async pendingNotifications(): Promise<PendingNotification[]> {
    const rows = await this.db.query<{ alert_id: string; transition: AlertTransition }>(
      `SELECT alert_id::text AS alert_id, transition FROM alert_notification WHERE state = 'pending' ORDER BY alert_id`,
    );
    return rows.map((r) => ({ alertId: r.alert_id, transition: r.transition }));
  }
}

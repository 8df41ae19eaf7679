import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SLO alerts with their history and webhook notifications, and the per-minute dead-letter gauge
 * that gives backlog and age SLOs a time series (and so an error budget and burn rates).
 */
export class CreateAlerts1795784400000 implements MigrationInterface {
  name = 'CreateAlerts1795784400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE alert (
        id                 bigserial PRIMARY KEY,
        automation_slug    text NOT NULL,
        slo                text NOT NULL,
        rule               text NOT NULL,
        severity           text NOT NULL CHECK (severity IN ('page', 'ticket')),
        state              text NOT NULL CHECK (state IN ('firing', 'acknowledged', 'resolved')),
        summary            text NOT NULL,
        runbook            text,
        fired_at           timestamptz NOT NULL,
        acknowledged_at    timestamptz,
        acknowledged_by    text,
        resolved_at        timestamptz,
        last_evaluated_at  timestamptz NOT NULL
      )`);
    // At most one open alert per automation, SLO and rule: the evaluator updates it rather than firing again.
    await db.query(`CREATE UNIQUE INDEX alert_open_idx ON alert (automation_slug, slo, rule) WHERE state <> 'resolved'`);
    await db.query(`CREATE INDEX alert_recent_idx ON alert (fired_at DESC, id DESC)`);
    await db.query(`CREATE INDEX alert_automation_idx ON alert (automation_slug, fired_at DESC)`);

    await db.query(`
      CREATE TABLE alert_event (
        id        bigserial PRIMARY KEY,
        alert_id  bigint NOT NULL REFERENCES alert (id) ON DELETE CASCADE,
        at        timestamptz NOT NULL DEFAULT now(),
        kind      text NOT NULL CHECK (kind IN ('fired', 'acknowledged', 'resolved', 'notified', 'notification_failed')),
        actor     text,
        detail    text
      )`);
    await db.query(`CREATE INDEX alert_event_alert_idx ON alert_event (alert_id, id)`);

    // One row per alert and transition: a notification is sent once (dedupe), retried until it is.
    await db.query(`
      CREATE TABLE alert_notification (
        alert_id    bigint NOT NULL REFERENCES alert (id) ON DELETE CASCADE,
        transition  text NOT NULL CHECK (transition IN ('fired', 'resolved')),
        state       text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed')),
        attempts    integer NOT NULL DEFAULT 0,
        last_error  text,
        sent_at     timestamptz,
        CONSTRAINT alert_notification_pkey PRIMARY KEY (alert_id, transition)
      )`);

    await db.query(`
      CREATE TABLE dead_letter_backlog_minute (
        automation_slug       text NOT NULL,
        minute                timestamptz NOT NULL,
        pending               integer NOT NULL,
        oldest_pending_since  timestamptz,
        CONSTRAINT dead_letter_backlog_minute_pkey PRIMARY KEY (automation_slug, minute)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE dead_letter_backlog_minute`);
    await db.query(`DROP TABLE alert_notification`);
    await db.query(`DROP TABLE alert_event`);
    await db.query(`DROP TABLE alert`);
  }
}

import { describe, expect, it } from 'vitest';
import { notificationPayload, type AlertNotice } from './alert-notification.js';

const notice: AlertNotice = {
  id: '42',
  transition: 'fired',
  automation: 'invoice-generation',
  automationTitle: 'Invoice generation from closed-won deals',
  slo: 'invoices-succeed',
  sloTitle: '99.5% of deals invoiced <without> a touch & on time',
  rule: 'fast-burn',
  severity: 'page',
  summary: 'error budget burning 15.0× over the last 1h',
  firedAt: new Date('2026-11-27T03:12:00Z'),
  resolvedAt: null,
  runbook: { id: 'reprocess-dead-letters', title: 'Failed invoices | triage' },
  channel: '#finance-ops',
};

describe(notificationPayload.name, () => {
  it('pages in Slack’s format with the runbook linked, the channel and the alert as data', () => {
    const payload = notificationPayload(notice, 'https://roundhouse.northwind.example');
    expect(payload.text).toBe(
      '[PAGE] Invoice generation from closed-won deals: 99.5% of deals invoiced &lt;without&gt; a touch &amp; on time\n' +
        'error budget burning 15.0× over the last 1h\n' +
        'Runbook: <https://roundhouse.northwind.example/automations/invoice-generation#runbook-reprocess-dead-letters|Failed invoices ¦ triage>',
    );
    expect(payload.channel).toBe('#finance-ops');
    expect(payload.blocks).toHaveLength(3);
    expect(payload.roundhouse).toMatchObject({
      notificationId: 'roundhouse-alert-42-fired',
      severity: 'page',
      firedAt: '2026-11-27T03:12:00.000Z',
      runbook: { id: 'reprocess-dead-letters', url: 'https://roundhouse.northwind.example/automations/invoice-generation#runbook-reprocess-dead-letters' },
    });
  });

  it('announces the resolution, and says when no runbook is linked', () => {
    const payload = notificationPayload({ ...notice, transition: 'resolved', resolvedAt: new Date('2026-11-27T03:40:00Z'), runbook: null, channel: null }, 'http://localhost:3000');
    expect(String(payload.text)).toMatch(/^\[RESOLVED\] Invoice generation/);
    expect(String(payload.text)).toContain('No runbook is linked to this SLO.');
    expect(payload).not.toHaveProperty('channel');
    expect(payload.roundhouse).toMatchObject({ notificationId: 'roundhouse-alert-42-resolved', resolvedAt: '2026-11-27T03:40:00.000Z' });
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_BURN_RATE_POLICY, DEFAULT_BURN_RATE_RULES, parseBurnRatePolicy } from './burn-rate-rules.js';

describe(parseBurnRatePolicy.name, () => {
  it('reads the SRE workbook defaults when the setting is empty, and writes them in its own syntax', () => {
    expect(parseBurnRatePolicy(undefined)).toEqual({ ok: true, policy: DEFAULT_BURN_RATE_POLICY });
    expect(parseBurnRatePolicy('  ')).toEqual({ ok: true, policy: DEFAULT_BURN_RATE_POLICY });
    expect(DEFAULT_BURN_RATE_RULES).toBe('fast-burn:page:14.4:1h/5m,sustained-burn:page:6:6h/30m,slow-burn:ticket:1:3d/6h');
    expect(parseBurnRatePolicy(DEFAULT_BURN_RATE_RULES)).toEqual({ ok: true, policy: { rules: DEFAULT_BURN_RATE_POLICY.rules.map((rule) => ({ ...rule })) } });
  });

  it('reads a team’s own thresholds', () => {
    expect(parseBurnRatePolicy('page-now:page:10:2h/10m, weekly:ticket:0.5:7d/1d')).toEqual({
      ok: true,
      policy: {
        rules: [
          { name: 'page-now', severity: 'page', burnRate: 10, longWindow: '2h', shortWindow: '10m' },
          { name: 'weekly', severity: 'ticket', burnRate: 0.5, longWindow: '7d', shortWindow: '1d' },
        ],
      },
    });
  });

  it('names every problem: shape, severity, rate, windows and duplicate names', () => {
    expect(parseBurnRatePolicy('fast:page:14.4')).toEqual({
      ok: false,
      problems: ['rule 1 ("fast:page:14.4"): expected name:severity:burnRate:longWindow/shortWindow, e.g. fast-burn:page:14.4:1h/5m'],
    });
    expect(parseBurnRatePolicy('fast:sms:14.4:1h/5m')).toEqual({ ok: false, problems: ['rule 1 (fast): severity is "sms", expected page or ticket'] });
    const parsed = parseBurnRatePolicy('fast:page:zero:1h/5m,fast:page:6:5m/1h');
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? [] : parsed.problems).toEqual([
      'rules[0] (fast).burnRate: a number above 0, got NaN',
      'rules[1] (fast).shortWindow: shorter than the long window 5m, got 1h',
      'rules[1].name: a unique, non-empty name, got "fast"',
    ]);
  });
});

describe('ROUNDHOUSE_BURN_RATE_RULES', () => {
  it('stops start-up with a sentence naming the setting and the problem', async () => {
    const { loadConfig } = await import('./app.config.js');
    expect(() => loadConfig({ ROUNDHOUSE_BURN_RATE_RULES: 'fast:page:14.4:5m/1h' })).toThrow(
      'Invalid configuration. ROUNDHOUSE_BURN_RATE_RULES is "fast:page:14.4:5m/1h": rules[0] (fast).shortWindow: shorter than the long window 5m, got 1h.',
    );
    expect(loadConfig({ ROUNDHOUSE_BURN_RATE_RULES: 'page-now:page:10:2h/10m' }).ROUNDHOUSE_BURN_RATE_RULES).toBe('page-now:page:10:2h/10m');
  });

  it('never shows the alert webhook URL: it is the credential', async () => {
    const { loadConfig } = await import('./app.config.js');
    expect(() => loadConfig({ ROUNDHOUSE_ALERT_WEBHOOK_URL: 'hooks.slack.example/services/T0/B0/secret' })).toThrow(
      'ROUNDHOUSE_ALERT_WEBHOOK_URL is (hidden): expected an http(s) URL',
    );
  });
});

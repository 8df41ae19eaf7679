import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aKpi } from '@/test/factories';
import { KpiCard } from './KpiCard';

function card(title: string) {
  return screen.getByRole('article', { name: title });
}

describe(KpiCard.name, () => {
  it('tells the before/after story: baseline → target, the better direction, and how the baseline was measured', () => {
    render(<KpiCard kpi={aKpi()} />);
    const kpi = card('Close-to-invoice cycle time');

    expect(within(kpi).getByTestId('kpi-change').textContent).toBe('26 hours → 0.25 hours');
    expect(kpi.textContent).toContain('↓ Lower is better');
    expect(kpi.textContent).toContain('target 99% lower');
    expect(kpi.textContent).not.toContain('wrong way');
    expect(kpi.textContent).toContain('5 Jan 2026 – 27 Mar 2026');
    expect(kpi.textContent).toContain('Median hours from closed-won to invoice sent, Q1 2026, before launch.');
    expect(kpi.textContent).toContain('Cycle time, median (from runs)');
  });

  it('shows money in its currency, and an upward arrow when higher is better', () => {
    render(
      <KpiCard
        kpi={aKpi({
          title: 'Payouts recovered',
          unit: 'USD',
          currency: 'USD',
          direction: 'higher_is_better',
          source: 'measurement',
          baseline: { value: 1200, from: null, to: null, note: 'Finance ops ledger, March 2026.' },
          target: 4000,
        })}
      />,
    );
    const kpi = card('Payouts recovered');
    expect(within(kpi).getByTestId('kpi-change').textContent).toBe('$1,200 → $4,000');
    expect(kpi.textContent).toContain('↑ Higher is better');
    expect(kpi.textContent).toContain('target 3.3× higher');
  });

  it('flags a target that moves the wrong way', () => {
    render(<KpiCard kpi={aKpi({ title: 'Manual touches', unit: 'touches/day', baseline: { value: 3, from: null, to: null, note: 'Tally.' }, target: 41 })} />);
    expect(card('Manual touches').textContent).toContain('(the wrong way for this KPI)');
  });

  it('describes a baseline measured over a period without a single value', () => {
    render(<KpiCard kpi={aKpi({ title: 'Error rate', unit: '%', baseline: { value: null, from: '2026-02-01', to: '2026-02-28', note: 'From runs.' }, target: 0.5 })} />);
    const kpi = card('Error rate');
    expect(within(kpi).getByTestId('kpi-change').textContent).toBe('measured baseline → 0.5%');
    expect(kpi.textContent).toContain('Measured over the period · 1 Feb 2026 – 28 Feb 2026');
  });
});

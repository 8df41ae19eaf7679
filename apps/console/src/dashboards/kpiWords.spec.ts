import { describe, expect, it } from 'vitest';
import { aKpiReport } from '@/test/dashboardFactories';
import { describeDelta, describeVerdict, formatKpiValue } from './kpiWords';

describe(describeVerdict.name, () => {
  it('says how much better and how far to the target', () => {
    expect(describeVerdict(aKpiReport({ improvementPercent: 31.2, progressPercent: 74.4 }))).toBe('31% better than before; 74% of the way to the target.');
  });

  it('says worse, reached and beaten, and nothing when neither is known', () => {
    expect(describeVerdict(aKpiReport({ improvementPercent: -12, change: 'worse', progressPercent: -8 }))).toBe(
      '12% worse than before; further from the target than before.',
    );
    expect(describeVerdict(aKpiReport({ improvementPercent: 99, progressPercent: 100, targetReached: true }))).toBe('99% better than before; target reached.');
    expect(describeVerdict(aKpiReport({ improvementPercent: 2.44, progressPercent: 130, targetReached: true }))).toBe(
      '2.4% better than before; target reached and beaten (130% of the way).',
    );
    expect(describeVerdict(aKpiReport({ improvementPercent: 99.997, progressPercent: 128.6, targetReached: true }))).toBe(
      'over 99% better than before; target reached and beaten (129% of the way).',
    );
    expect(describeVerdict(aKpiReport({ improvementPercent: null, progressPercent: null }))).toBeNull();
  });
});

describe(formatKpiValue.name, () => {
  it('writes money with its period and other units after the number', () => {
    expect(formatKpiValue(410_000, 'EUR/month', 'EUR')).toBe('€410,000 per month');
    expect(formatKpiValue(26, 'hours', null)).toBe('26 hours');
    expect(formatKpiValue(4.5, '%', null)).toBe('4.5%');
  });

  it('never rounds a small value to zero, and drops cents and decimals on large ones', () => {
    expect(formatKpiValue(0.0007377576, 'hours', null)).toBe('0.00074 hours');
    expect(formatKpiValue(80_654.3702, 'EUR/month-end', 'EUR')).toBe('€80,654 per month-end');
    expect(formatKpiValue(12.5, 'EUR', 'EUR')).toBe('€12.50');
    expect(formatKpiValue(1_836.4, 'runs', null)).toBe('1,836 runs');
    expect(formatKpiValue(0, 'touches/day', null)).toBe('0 touches/day');
  });
});

describe(describeDelta.name, () => {
  it('signs the change with a real minus', () => {
    expect(describeDelta(aKpiReport())).toBe('−17.94 hours');
    expect(describeDelta(aKpiReport({ delta: 3 }))).toBe('+3 hours');
    expect(describeDelta(aKpiReport({ delta: null }))).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { aKpiReport } from '@/test/dashboardFactories';
import { daysOfData, describeDelta, describeVerdict, formatKpiValue, formatTimeQuantity } from './kpiWords';

describe(describeVerdict.name, () => {
  it('says how much better and how far to the target', () => {
    expect(describeVerdict(aKpiReport({ improvementPercent: 31.2, progressPercent: 74.4 }))).toBe('31% better than before; 74% of the way to the target.');
  });

  it('says worse, reached and beaten, and nothing when neither is known', () => {
    expect(describeVerdict(aKpiReport({ improvementPercent: -12, change: 'worse', progressPercent: -8 }))).toBe('12% worse than before; further from the target than before.');
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
    expect(formatKpiValue(80_654.3702, 'EUR/month-end', 'EUR')).toBe('€80,654 at each month-end');
    expect(formatKpiValue(12.5, 'EUR', 'EUR')).toBe('€12.50');
    expect(formatKpiValue(1_836.4, 'runs', null)).toBe('1,836 runs');
    expect(formatKpiValue(0, 'touches/day', null)).toBe('0 touches/day');
  });
});

describe(formatTimeQuantity.name, () => {
  it('picks the unit to fit the size, singular where one', () => {
    // 0.0007377576 h × 3,600 s = 2.66 s; 0.000061 d × 86,400 s = 5.27 s; 0.5 h = 30 min
    expect(formatKpiValue(0.0007377576, 'hours', null)).toBe('2.66 seconds');
    expect(formatKpiValue(0.000061, 'days', null)).toBe('5.27 seconds');
    expect(formatKpiValue(0.5, 'hours', null)).toBe('30 minutes');
    expect(formatKpiValue(0.0000001, 'hours', null)).toBe('0.36 milliseconds');
    expect(formatKpiValue(1, 'days', null)).toBe('1 day');
    expect(formatKpiValue(1, 'hours', null)).toBe('1 hour');
    expect(formatKpiValue(26, 'hours', null)).toBe('26 hours');
    expect(formatKpiValue(0, 'hours', null)).toBe('0 hours');
    expect(formatKpiValue(1, 'working days', null)).toBe('1 working day');
    expect(formatKpiValue(1, 'touches/day', null)).toBe('1 touches/day');
    expect(formatTimeQuantity(3, 'runs')).toBeNull();
  });
});

describe(daysOfData.name, () => {
  it('says how many days of a range a figure stands on', () => {
    expect(daysOfData(1, 90)).toBe('From 1 day of data in this 90-day range');
    expect(daysOfData(0.25, 90)).toBe('From less than a day of data in this 90-day range');
    expect(daysOfData(12.4, 30)).toBe('From 12 days of data in this 30-day range');
    expect(daysOfData(30, 30)).toBeNull();
  });
});

describe(describeDelta.name, () => {
  it('signs the change with a real minus', () => {
    expect(describeDelta(aKpiReport())).toBe('−17.94 hours');
    expect(describeDelta(aKpiReport({ delta: 3 }))).toBe('+3 hours');
    expect(describeDelta(aKpiReport({ delta: null }))).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { customRangeProblem, lastDayOf, rangeFromSearch, rangeKey, withRange } from './dateRange';

describe(rangeFromSearch.name, () => {
  it('reads a rolling range, fixed days, or nothing (the dashboard default)', () => {
    expect(rangeFromSearch(new URLSearchParams('last=30d'))).toEqual({ last: '30d' });
    expect(rangeFromSearch(new URLSearchParams('from=2026-09-01&to=2026-11-30'))).toEqual({ from: '2026-09-01', to: '2026-11-30' });
    expect(rangeFromSearch(new URLSearchParams('from=2026-09-01'))).toEqual({ from: '2026-09-01' });
    expect(rangeFromSearch(new URLSearchParams(''))).toBeNull();
  });

  it('passes a value it cannot judge on as written, for the api to name', () => {
    expect(rangeFromSearch(new URLSearchParams('last=forever'))).toEqual({ last: 'forever' });
  });
});

describe(withRange.name, () => {
  it('replaces whichever range was there and keeps the other parameters', () => {
    expect(withRange(new URLSearchParams('from=2026-09-01&to=2026-11-30&x=1'), { last: '7d' }).toString()).toBe('x=1&last=7d');
    expect(withRange(new URLSearchParams('last=7d'), { from: '2026-10-01', to: '2026-10-31' }).toString()).toBe('from=2026-10-01&to=2026-10-31');
    expect(withRange(new URLSearchParams('last=7d'), {}).toString()).toBe('');
  });
});

describe(rangeKey.name, () => {
  it('is the same for the same range', () => {
    expect(rangeKey({ last: '30d' })).toBe(rangeKey({ last: '30d' }));
    expect(rangeKey(null)).toBe('default');
    expect(rangeKey({ from: '2026-09-01', to: '2026-11-30' })).not.toBe(rangeKey({ from: '2026-09-01', to: '2026-11-29' }));
  });
});

describe(lastDayOf.name, () => {
  it('gives the last whole day of a range whose end is excluded', () => {
    expect(lastDayOf('2026-12-01T00:00:00.000Z')).toBe('2026-11-30');
    expect(lastDayOf('2026-11-27T09:15:00.000Z')).toBe('2026-11-27');
  });
});

describe(customRangeProblem.name, () => {
  it('asks for both days, in order', () => {
    expect(customRangeProblem('2026-09-01', '2026-11-30')).toBeNull();
    expect(customRangeProblem('2026-09-01', '2026-09-01')).toBeNull();
    expect(customRangeProblem('', '2026-11-30')).toBe('Choose both a first and a last day.');
    expect(customRangeProblem('2026-12-01', '2026-11-30')).toBe('The first day must not be after the last day.');
  });
});

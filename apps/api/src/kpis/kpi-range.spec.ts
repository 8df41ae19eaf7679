import { describe, expect, it } from 'vitest';
import { InputError } from '../errors/domain-errors.js';
import { bucketStart, rangeLabel, rangeOrDefault, resolveRange, trendPlan } from './kpi-range.js';

const DAY = 86_400_000;
const NOW = new Date('2026-11-27T13:00:00Z');

function inputErrorOf(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) {
      return error;
    }
    throw error;
  }
  return expect.fail('an InputError');
}

describe(resolveRange.name, () => {
  it('resolves a rolling range to the duration up to now, labelled in words', () => {
    expect(resolveRange({ last: '30d' }, NOW)).toEqual({
      spec: { last: '30d' },
      from: new Date(NOW.getTime() - 30 * DAY),
      to: NOW,
      days: 30,
      label: 'Last 30 days',
    });
  });

  it('resolves a fixed range to whole UTC days, both included, ignoring GraphQL nulls', () => {
    const range = resolveRange({ last: null, from: '2026-09-01', to: '2026-11-30' }, NOW);

    expect(range).toMatchObject({ from: new Date('2026-09-01T00:00:00Z'), to: new Date('2026-12-01T00:00:00Z'), days: 91, label: '1 Sep 2026 – 30 Nov 2026' });
  });

  it('names the field of a range that ends before it starts', () => {
    const error = inputErrorOf(() => resolveRange({ from: '2026-09-10', to: '2026-09-01' }, NOW));

    expect(error.fields).toEqual([
      {
        path: 'range.to',
        message: 'range.to: found "2026-09-01"; allowed: a date on or after from (2026-09-10)',
        found: '"2026-09-01"',
        allowed: 'a date on or after from (2026-09-10)',
      },
    ]);
  });

  it('refuses a range in the future with a sentence, and shows one that runs on past today', () => {
    const error = inputErrorOf(() => resolveRange({ from: '2026-12-01', to: '2026-12-31' }, NOW));

    expect(error.message).toBe(
      'The range 1 Dec 2026 – 31 Dec 2026 is in the future: nothing has been measured in it yet, so it cannot be shown. Choose dates that start today (27 Nov 2026) or earlier.',
    );
    expect(error.fields.map((f) => f.path)).toEqual(['range.from']);
    expect(inputErrorOf(() => resolveRange({ from: '2026-11-28', to: '2026-11-28' }, NOW)).fields[0]?.found).toBe('"2026-11-28"');
    // Today, and a range from today into next month, have something to show.
    expect(resolveRange({ from: '2026-11-27', to: '2026-11-27' }, NOW).days).toBe(1);
    expect(resolveRange({ from: '2026-11-01', to: '2026-12-31' }, NOW).days).toBe(61);
  });

  it.each([
    [{ last: '3 months' }, 'range.last'],
    [{ from: '2026-09-01' }, 'range.to'],
    [{ last: '30d', from: '2026-09-01', to: '2026-09-02' }, 'range.last'],
    [{}, 'range.last'],
  ])('refuses %j on %s', (args, path) => {
    expect(inputErrorOf(() => resolveRange(args, NOW)).fields.map((f) => f.path)).toEqual([path]);
  });
});

describe(rangeOrDefault.name, () => {
  it('takes the fallback when no field is given, and the range otherwise', () => {
    expect(rangeOrDefault(undefined, { last: '90d' })).toEqual({ last: '90d' });
    expect(rangeOrDefault({ last: null, from: '', to: null }, { last: '90d' })).toEqual({ last: '90d' });
    expect(rangeOrDefault({ from: '2026-09-01' }, { last: '90d' })).toEqual({ from: '2026-09-01' });
  });
});

describe(rangeLabel.name, () => {
  it.each([
    [{ last: '1h' }, 'Last hour'],
    [{ last: '90d' }, 'Last 90 days'],
    [{ from: '2026-09-01', to: '2026-09-01' }, '1 Sep 2026'],
  ])('labels %j as %s', (spec, label) => {
    expect(rangeLabel(spec)).toBe(label);
  });
});

describe(trendPlan.name, () => {
  it('starts weeks on Monday and clips the first and last bucket to the range', () => {
    // 2026-09-02 is a Wednesday; its week starts Monday 31 August.
    const plan = trendPlan({ from: new Date('2026-09-02T00:00:00Z'), to: new Date('2026-09-10T00:00:00Z') }, 'week');

    expect(plan.origin).toEqual(new Date('2026-08-31T00:00:00Z'));
    expect(plan.buckets).toEqual([
      { at: new Date('2026-08-31T00:00:00Z'), from: new Date('2026-09-02T00:00:00Z'), to: new Date('2026-09-07T00:00:00Z') },
      { at: new Date('2026-09-07T00:00:00Z'), from: new Date('2026-09-07T00:00:00Z'), to: new Date('2026-09-10T00:00:00Z') },
    ]);
  });

  it('has one point per hour over 31 days, and refuses 32 days naming the interval', () => {
    const from = new Date('2026-09-01T00:00:00Z');

    expect(trendPlan({ from, to: new Date(from.getTime() + 31 * DAY) }, 'hour').buckets).toHaveLength(744);
    const error = inputErrorOf(() => trendPlan({ from, to: new Date(from.getTime() + 32 * DAY) }, 'hour'));
    expect(error.fields[0]?.path).toBe('interval');
    expect(error.fields[0]?.allowed).toContain('an hourly trend covers at most 31 days');
  });
});

describe(bucketStart.name, () => {
  it('floors to the hour, the UTC day and the ISO week', () => {
    const at = new Date('2026-09-06T17:45:00Z'); // a Sunday

    expect(bucketStart(at, 'hour')).toEqual(new Date('2026-09-06T17:00:00Z'));
    expect(bucketStart(at, 'day')).toEqual(new Date('2026-09-06T00:00:00Z'));
    expect(bucketStart(at, 'week')).toEqual(new Date('2026-08-31T00:00:00Z'));
  });
});

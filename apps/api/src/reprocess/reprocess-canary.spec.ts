import { describe, expect, it } from 'vitest';
import type { FieldError } from '../errors/domain-errors.js';
import { checkCanary, decide, sliceSize, stageOf, type CanaryCounts } from './reprocess-canary.js';

function problemsOf(plan: Parameters<typeof checkCanary>[0], action = 'reprocess'): FieldError[] {
  const problems: FieldError[] = [];
  checkCanary(plan, action, problems);
  return problems;
}

function counts(overrides: Partial<CanaryCounts> = {}): CanaryCounts {
  return { size: 10, unsent: 0, awaiting: 0, succeeded: 7, failed: 3, rest: 90, ...overrides };
}

describe(checkCanary.name, () => {
  it('accepts a count or a percent with a threshold between 0 and 1, and no canary at all', () => {
    expect(problemsOf({ count: 10, maxFailureRate: 0.2 })).toEqual([]);
    expect(problemsOf({ percent: 5, maxFailureRate: 0 })).toEqual([]);
    expect(problemsOf({ percent: 99, count: null, maxFailureRate: 1 })).toEqual([]);
    expect(problemsOf(null)).toEqual([]);
  });

  it('names the field and what is allowed when the slice or the threshold is out of range', () => {
    expect(problemsOf({ count: 0, maxFailureRate: 0.2 }).map((p) => p.path)).toEqual(['canary.count']);
    expect(problemsOf({ percent: 100, maxFailureRate: 0.2 })).toEqual([expect.objectContaining({ path: 'canary.percent', found: '100', allowed: '1 to 99' })]);
    expect(problemsOf({ percent: 2.5, maxFailureRate: 0.2 }).map((p) => p.path)).toEqual(['canary.percent']);
    expect(problemsOf({ count: 5, maxFailureRate: 1.5 })).toEqual([expect.objectContaining({ path: 'canary.maxFailureRate', allowed: '0 to 1' })]);
    expect(problemsOf({ count: 5, maxFailureRate: -0.1 }).map((p) => p.path)).toEqual(['canary.maxFailureRate']);
  });

  it('wants exactly one of count and percent, and a reprocess (a discard has no outcomes)', () => {
    expect(problemsOf({ count: 5, percent: 10, maxFailureRate: 0.2 }).map((p) => p.path)).toEqual(['canary']);
    expect(problemsOf({ maxFailureRate: 0.2 }).map((p) => p.path)).toEqual(['canary']);
    expect(problemsOf({ count: 5, maxFailureRate: 0.2 }, 'discard')).toEqual([expect.objectContaining({ path: 'canary', found: 'discard' })]);
  });
});

describe(sliceSize.name, () => {
  it('rounds a percent up to whole messages and keeps at least one message for after the slice', () => {
    expect(sliceSize({ percent: 10, maxFailureRate: 0.2 }, 120)).toBe(12);
    expect(sliceSize({ percent: 1, maxFailureRate: 0.2 }, 37)).toBe(1);
    expect(sliceSize({ percent: 30, maxFailureRate: 0.2 }, 10)).toBe(3);
    expect(sliceSize({ count: 9, maxFailureRate: 0.2 }, 10)).toBe(9);
    expect(sliceSize({ count: 10, maxFailureRate: 0.2 }, 10)).toBe('a first slice of 10 leaves nothing for after it: the request holds 10 dead letter(s)');
    expect(sliceSize({ percent: 99, maxFailureRate: 0.2 }, 2)).toMatch(/leaves nothing for after it/);
  });
});

describe(decide.name, () => {
  it('stops above the threshold, with the numbers in words', () => {
    expect(decide({ count: 10, maxFailureRate: 0.2, size: 10 }, counts())).toEqual({
      outcome: 'stopped',
      reason: 'canary: 3 of 10 failed again (30%), above the 20% you set; the other 90 were not sent and wait again',
    });
  });

  it('continues at or below the threshold', () => {
    expect(decide({ count: 10, maxFailureRate: 0.3, size: 10 }, counts())).toEqual({
      outcome: 'passed',
      reason: 'canary: 3 of 10 failed again (30%), within the 30% you set; sending the other 90',
    });
    expect(decide({ count: 10, maxFailureRate: 0, size: 10 }, counts({ succeeded: 10, failed: 0 })).outcome).toBe('passed');
    expect(decide({ count: 10, maxFailureRate: 0, size: 10 }, counts({ succeeded: 9, failed: 1 })).outcome).toBe('stopped');
  });
});

describe(stageOf.name, () => {
  it('is sending while slice messages are unsent, waiting while outcomes are missing, then the decision', () => {
    expect(stageOf(counts({ unsent: 2, awaiting: 3 }), null, 'running')).toBe('sending');
    expect(stageOf(counts({ awaiting: 3 }), null, 'running')).toBe('waiting');
    expect(stageOf(counts({ awaiting: 3 }), null, 'paused')).toBe('waiting');
    expect(stageOf(counts(), { outcome: 'stopped', reason: '', at: '', by: null, succeeded: 7, failed: 3, awaiting: 0 }, 'cancelled')).toBe('stopped');
  });

  it('waits for approval before anything is sent, and is cancelled when the request ended before a decision', () => {
    expect(stageOf(counts({ unsent: 10, succeeded: 0, failed: 0 }), null, 'awaiting_approval')).toBe('awaiting_approval');
    expect(stageOf(counts({ unsent: 10, succeeded: 0, failed: 0 }), null, 'cancelled')).toBe('cancelled');
    expect(stageOf(counts({ awaiting: 3 }), null, 'cancelled')).toBe('cancelled');
  });
});

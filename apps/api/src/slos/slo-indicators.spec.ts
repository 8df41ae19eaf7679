import { describe, expect, it } from 'vitest';
import { backlogStatus, freshnessCounts, freshnessStatus, oldestDeadLetterStatus, successRateCounts, withinLimitCounts } from './slo-indicators.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe(successRateCounts.name, () => {
  it('counts succeeded runs among those that ended', () => {
    // 990 succeeded, 4 failed for good, 6 dead-lettered → 990 good of 1,000
    expect(successRateCounts({ succeeded: 990, failed: 4, deadLettered: 6 })).toEqual({ good: 990, total: 1_000 });
  });
});

describe(freshnessCounts.name, () => {
  it('keeps a daily job fresh when it succeeds every 24 hours against a 26-hour threshold', () => {
    // Window 0 h to 48 h: 2,880 minutes. Successes at 0 h and 24 h keep [0 h, 26 h] ∪ [24 h, 50 h] fresh.
    expect(freshnessCounts({ successes: [0, 24 * HOUR], from: 0, to: 48 * HOUR, thresholdMs: 26 * HOUR })).toEqual({ good: 2_880, total: 2_880 });
  });

  it('counts the minutes after the threshold as stale when a run is missed', () => {
    // Only the 0 h success: minutes 0 to 1,560 (26 h, inclusive: age exactly 26 h is still fresh) → 1,561
    // good; minutes 1,561 to 2,879 → 1,319 bad.
    expect(freshnessCounts({ successes: [0], from: 0, to: 48 * HOUR, thresholdMs: 26 * HOUR })).toEqual({ good: 1_561, total: 2_880 });
  });

  it('lets a success before the window keep its first minutes fresh', () => {
    // Window 0 to 10 min, threshold 5 min, success 3 min before: fresh at 0, 1 and 2 min → 3 of 10
    expect(freshnessCounts({ successes: [-3 * MINUTE], from: 0, to: 10 * MINUTE, thresholdMs: 5 * MINUTE })).toEqual({ good: 3, total: 10 });
  });

  it('counts overlapping successes once, in any order', () => {
    // Successes at 2, 0 and 1 min with a 5-min threshold keep 0 to 7 min fresh: 8 of 10
    expect(freshnessCounts({ successes: [2 * MINUTE, 0, MINUTE], from: 0, to: 10 * MINUTE, thresholdMs: 5 * MINUTE })).toEqual({ good: 8, total: 10 });
  });

  it('counts separate stretches separately', () => {
    // Threshold 2 min; successes at 0 and 6 min: fresh at 0–2 and 6–8 → 6 of 10
    expect(freshnessCounts({ successes: [0, 6 * MINUTE], from: 0, to: 10 * MINUTE, thresholdMs: 2 * MINUTE })).toEqual({ good: 6, total: 10 });
  });

  it('is all stale when nothing ever succeeded', () => {
    expect(freshnessCounts({ successes: [], from: 0, to: HOUR, thresholdMs: 15 * MINUTE })).toEqual({ good: 0, total: 60 });
  });

  it('counts nothing in an empty window, and a partial last minute as a minute', () => {
    expect(freshnessCounts({ successes: [0], from: HOUR, to: HOUR, thresholdMs: MINUTE })).toEqual({ good: 0, total: 0 });
    // 90 s: samples at 0 and 60 s
    expect(freshnessCounts({ successes: [0], from: 0, to: 90_000, thresholdMs: HOUR })).toEqual({ good: 2, total: 2 });
  });
});

describe(freshnessStatus.name, () => {
  const now = new Date('2026-09-01T12:00:00Z');
  const threshold = 26 * HOUR;

  it('has no data when nothing ever succeeded, and is not fresh', () => {
    expect(freshnessStatus(null, now, threshold)).toEqual({ noData: true, lastSuccessAt: null, ageMs: null, fresh: false, thresholdMs: threshold });
  });

  it.each([
    ['25 h', 25 * HOUR, true],
    ['exactly 26 h', 26 * HOUR, true],
    ['26 h and 1 ms', 26 * HOUR + 1, false],
  ])('a last success %s old is fresh: %s', (_label, ageMs, fresh) => {
    const lastSuccessAt = new Date(now.getTime() - ageMs);
    expect(freshnessStatus(lastSuccessAt, now, threshold)).toEqual({ noData: false, lastSuccessAt, ageMs, fresh, thresholdMs: threshold });
  });
});

describe(withinLimitCounts.name, () => {
  it('counts the minutes at or under the limit', () => {
    // backlog of at most 500: 0, 120, 499, 500 are within; 501 and 640 are not → 4 of 6
    expect(withinLimitCounts([0, 120, 499, 500, 501, 640], 500)).toEqual({ good: 4, total: 6 });
  });

  it('counts nothing without samples', () => {
    expect(withinLimitCounts([], 500)).toEqual({ good: 0, total: 0 });
  });
});

describe(backlogStatus.name, () => {
  it('says how much room is left, negative when over', () => {
    expect(backlogStatus(420, 500)).toEqual({ pending: 420, maxBacklog: 500, withinLimit: true, headroom: 80 });
    expect(backlogStatus(500, 500)).toMatchObject({ withinLimit: true, headroom: 0 });
    expect(backlogStatus(640, 500)).toMatchObject({ withinLimit: false, headroom: -140 });
  });
});

describe(oldestDeadLetterStatus.name, () => {
  const now = new Date('2026-09-01T12:00:00Z');

  it('holds the promise when nothing is pending', () => {
    expect(oldestDeadLetterStatus(null, now, 4 * HOUR)).toEqual({ oldestPendingSince: null, ageMs: null, thresholdMs: 4 * HOUR, withinLimit: true });
  });

  it('breaks it when the oldest has waited longer than the threshold', () => {
    const since = new Date('2026-09-01T07:00:00Z'); // 5 h ago, against 4 h
    expect(oldestDeadLetterStatus(since, now, 4 * HOUR)).toEqual({ oldestPendingSince: since, ageMs: 5 * HOUR, thresholdMs: 4 * HOUR, withinLimit: false });
  });
});

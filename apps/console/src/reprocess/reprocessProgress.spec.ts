import { describe, expect, it } from 'vitest';
import { LIVE_REFRESH_MS, OUTCOMES_REFRESH_MS, progressRows, refetchIntervalFor } from './reprocessProgress';
import { addSample, describeTimeRemaining, observedRate, pickedUpCount } from './reprocessEstimate';
import { describeEstimate, readVelocity } from './reprocessVelocity';

const progress = { queued: 0, dispatched: 0, acknowledged: 0, succeeded: 0, failed: 0, cancelled: 0 };

describe(refetchIntervalFor.name, () => {
  it('asks every second while a request moves, every few seconds while outcomes are due, and never once all is known', () => {
    expect(refetchIntervalFor({ state: 'running', progress })).toBe(LIVE_REFRESH_MS);
    expect(refetchIntervalFor({ state: 'paused', progress })).toBe(LIVE_REFRESH_MS);
    expect(refetchIntervalFor({ state: 'done', progress: { ...progress, acknowledged: 3, succeeded: 27 } })).toBe(OUTCOMES_REFRESH_MS);
    expect(refetchIntervalFor({ state: 'done', progress: { ...progress, succeeded: 30 } })).toBe(false);
    expect(refetchIntervalFor({ state: 'cancelled', progress: { ...progress, acknowledged: 3 } })).toBe(false);
  });
});

describe(progressRows.name, () => {
  it('gives each state its share of the snapshot, in the order messages move', () => {
    const rows = progressRows({ ...progress, queued: 1, succeeded: 3 }, 4);
    expect(rows.map((row) => [row.state, row.count, row.share])).toEqual([
      ['queued', 1, 0.25],
      ['dispatched', 0, 0],
      ['acknowledged', 0, 0],
      ['succeeded', 3, 0.75],
      ['failed', 0, 0],
      ['cancelled', 0, 0],
    ]);
    expect(progressRows(progress, 0).every((row) => row.share === 0)).toBe(true);
  });
});

describe(readVelocity.name, () => {
  it('takes whole numbers from 1 to 10,000 and says what is allowed otherwise', () => {
    expect(readVelocity(' 250 ')).toEqual({ ok: true, value: 250 });
    for (const typed of ['', '0', '10001', '2.5', 'fast']) {
      expect(readVelocity(typed)).toEqual({ ok: false, problem: 'Enter a whole number of messages per second from 1 to 10,000.' });
    }
  });
});

describe(describeEstimate.name, () => {
  it('says how long sending takes at the velocity chosen', () => {
    expect(describeEstimate(1234, 100)).toBe('About 12.3 s at 100 messages a second.');
    expect(describeEstimate(2, 100)).toBe('Under a second at 100 messages a second.');
    expect(describeEstimate(30_000, 10)).toBe('About 50 min at 10 messages a second.');
    expect(describeEstimate(0, 100)).toBe('Nothing to send.');
  });

  it('says that messages an SDK runtime pulls go at its pace, never faster than the velocity', () => {
    expect(describeEstimate(120, 5, 120)).toBe(
      "About 24 s at 5 messages a second at the most: the runtime's SDK pulls these and handles only a few at a time (4 unless its onReprocess concurrency says otherwise), so when each takes it a while, the runtime sets the pace.",
    );
    expect(describeEstimate(1200, 100, 200)).toMatch(/^About 12 s at 100 messages a second at the most: the runtime's SDK pulls 200 of these /);
    expect(describeEstimate(120, 5, 0)).toBe('About 24 s at 5 messages a second.');
  });
});

describe(describeTimeRemaining.name, () => {
  const at = (seconds: number, pickedUp: number) => ({ at: Date.UTC(2026, 11, 7, 5, 0, seconds), pickedUp });

  it('says "estimating…" until a rate is seen, then the time left at the observed pick-up rate', () => {
    expect(describeTimeRemaining(120, observedRate([]))).toBe('Time remaining: estimating…');
    expect(describeTimeRemaining(120, observedRate([at(0, 80)]))).toBe('Time remaining: estimating…');
    // Nothing picked up between two readings: no rate yet, rather than "forever".
    expect(describeTimeRemaining(120, observedRate([at(0, 80), at(2, 80)]))).toBe('Time remaining: estimating…');
    // 60 picked up in 4 s is 15 a second; 120 left is 8 s.
    expect(describeTimeRemaining(120, observedRate([at(0, 80), at(1, 90), at(4, 140)]))).toBe('About 8 s left, at the observed pick-up rate of 15 a second.');
    // 1,000 left at 2.5 a second.
    expect(describeTimeRemaining(1000, observedRate([at(0, 0), at(2, 5)]))).toBe('About 6 min 40 s left, at the observed pick-up rate of 2.5 a second.');
    expect(describeTimeRemaining(0, observedRate([at(0, 0), at(2, 5)]))).toBe('Every message has been picked up.');
  });

  it('follows the recent rate: readings older than the window drop out', () => {
    let samples = [at(0, 0)];
    samples = addSample(samples, at(10, 1000));
    for (let second = 11; second <= 50; second += 1) {
      samples = addSample(samples, at(second, 1000 + (second - 10)));
    }
    // The first fast burst is out of the window; one a second is what is seen now.
    expect(observedRate(samples)).toBeCloseTo(1, 1);
    expect(pickedUpCount({ ...progress, queued: 5, dispatched: 4, acknowledged: 3, succeeded: 2, failed: 1, cancelled: 9 })).toBe(6);
  });
});

import { describe, expect, it } from 'vitest';
import { PROFILES } from './profiles.js';
import { seeded } from './random.js';
import { planRun } from './run-plan.js';

describe(planRun.name, () => {
  const profile = PROFILES['invoice-generation'];
  if (profile === undefined) {
    throw new Error('invoice-generation has a profile');
  }

  it('mostly succeeds, and every run ends: succeeded, failed for good, or dead-lettered after its last attempt', () => {
    const random = seeded(7);
    const plans = Array.from({ length: 5_000 }, () => planRun(profile, random));
    const ends = plans.map((plan) => plan.at(-1)?.result);
    const share = (result: string) => ends.filter((end) => end === result).length / plans.length;
    expect(share('succeeded')).toBeGreaterThan(0.9);
    expect(share('failed')).toBeGreaterThan(0);
    for (const plan of plans) {
      expect(plan.length).toBeLessThanOrEqual(profile.maxAttempts);
      expect(plan.slice(0, -1).every((attempt) => attempt.result === 'retrying')).toBe(true);
      if (plan.at(-1)?.result === 'dead_lettered') {
        expect(plan).toHaveLength(profile.maxAttempts);
      }
    }
  });

  it('fails more during an incident, with the errors the field knows: rate limits and timeouts', () => {
    const calm = Array.from({ length: 2_000 }, () => planRun(profile, seeded(11))).length;
    const random = seeded(11);
    const stormy = Array.from({ length: 2_000 }, () => planRun(profile, random, { incident: true }));
    const retried = stormy.filter((plan) => plan.length > 1);
    expect(retried.length / calm).toBeGreaterThan(0.05);
    const errors = new Set(stormy.flatMap((plan) => plan.map((attempt) => attempt.error?.name).filter((name) => name !== undefined)));
    expect([...errors].sort()).toEqual(['RateLimitError', 'TimeoutError', 'ValidationError']);
  });
});

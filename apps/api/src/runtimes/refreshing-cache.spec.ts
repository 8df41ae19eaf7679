import { describe, expect, it } from 'vitest';
import { RefreshingCache } from './refreshing-cache.js';

/** A read the test finishes when it wants, counting how often it was started. */
function controlledReads() {
  const pending: { resolve: (value: string) => void; reject: (error: Error) => void }[] = [];
  let started = 0;
  return {
    read: () =>
      new Promise<string>((resolve, reject) => {
        started += 1;
        pending.push({ resolve, reject });
      }),
    finish: (value: string) => pending.shift()?.resolve(value),
    fail: (error: Error) => pending.shift()?.reject(error),
    started: () => started,
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe(RefreshingCache.name, () => {
  it('reads a key once for callers asking together, then answers from memory until the value is older than its time to live', async () => {
    let now = 0;
    const cache = new RefreshingCache<string>(60_000, 10, () => now);
    const reads = controlledReads();
    const first = cache.get('q', reads.read);
    const second = cache.get('q', reads.read);
    reads.finish('3 waiting');
    expect(await Promise.all([first, second])).toEqual(['3 waiting', '3 waiting']);
    now = 59_999;
    expect(await cache.get('q', reads.read)).toBe('3 waiting');
    expect(reads.started()).toBe(1);
  });

  it('answers an old value at once and replaces it from one read in the background', async () => {
    let now = 0;
    const cache = new RefreshingCache<string>(60_000, 10, () => now);
    const reads = controlledReads();
    const first = cache.get('q', reads.read);
    reads.finish('3 waiting');
    await first;
    now = 60_000;
    expect(await cache.get('q', reads.read)).toBe('3 waiting');
    expect(await cache.get('q', reads.read)).toBe('3 waiting');
    expect(reads.started()).toBe(2);
    reads.finish('5 waiting');
    await settle();
    expect(await cache.get('q', reads.read)).toBe('5 waiting');
    expect(reads.started()).toBe(2);
  });

  it('keeps the old value when a background read fails, and tries again at the next ask', async () => {
    let now = 0;
    const cache = new RefreshingCache<string>(1_000, 10, () => now);
    const reads = controlledReads();
    const first = cache.get('q', reads.read);
    reads.finish('3 waiting');
    await first;
    now = 5_000;
    expect(await cache.get('q', reads.read)).toBe('3 waiting');
    reads.fail(new Error('broker unreachable'));
    await settle();
    expect(await cache.get('q', reads.read)).toBe('3 waiting');
    expect(reads.started()).toBe(3);
  });

  it('gives a failed first read to its caller, and keeps nothing from it', async () => {
    const cache = new RefreshingCache<string>(1_000, 10, () => 0);
    const reads = controlledReads();
    const first = cache.get('q', reads.read);
    reads.fail(new Error('broker unreachable'));
    await expect(first).rejects.toThrow('broker unreachable');
    const again = cache.get('q', reads.read);
    reads.finish('0 waiting');
    expect(await again).toBe('0 waiting');
  });

  it('keys are read apart', async () => {
    const cache = new RefreshingCache<string>(1_000, 10, () => 0);
    const reads = controlledReads();
    const a = cache.get('a', reads.read);
    const b = cache.get('b', reads.read);
    reads.finish('a');
    reads.finish('b');
    expect(await Promise.all([a, b])).toEqual(['a', 'b']);
    expect(reads.started()).toBe(2);
  });
});

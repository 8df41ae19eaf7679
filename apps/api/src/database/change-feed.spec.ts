import { describe, expect, it } from 'vitest';
import { NotifiedCache, type ChangeFeed, type ChangeWatcher } from './change-feed.js';
import { mayHaveWritten, withOneCatchUp } from './request-catch-up.js';

/** A feed the test drives: notifications, resets, whether it is live, and when a catch-up completes. */
function fakeFeed() {
  const watchers: ChangeWatcher[] = [];
  const catchUps: ((caught: boolean) => void)[] = [];
  const feed: Pick<ChangeFeed, 'watch' | 'live' | 'caughtUp'> & { isLive: boolean; roundTrips: number } = {
    isLive: true,
    roundTrips: 0,
    watch: (_channel, watcher) => void watchers.push(watcher),
    live: () => feed.isLive,
    caughtUp: () => {
      feed.roundTrips += 1;
      return new Promise<boolean>((resolve) => catchUps.push(resolve));
    },
  };
  return {
    feed,
    notify: (key: string) => watchers.forEach((w) => w.changed(key)),
    reset: () => watchers.forEach((w) => w.reset()),
    /** Completes the pending catch-ups, delivering `before` notifications first (as PostgreSQL does). */
    catchUp: (before: string[] = []) => {
      before.forEach((key) => watchers.forEach((w) => w.changed(key)));
      catchUps.splice(0).forEach((resolve) => resolve(true));
    },
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe(NotifiedCache.name, () => {
  it('answers a remembered value after catching up with the feed, without reading it again', async () => {
    const { feed, catchUp } = fakeFeed();
    const cache = new NotifiedCache<string>(feed, 'changes', 10);
    let reads = 0;
    const load = () => Promise.resolve(`open ${++reads}`);
    expect(await cache.get('s1', load)).toBe('open 1');
    const again = cache.get('s1', load);
    await tick();
    catchUp();
    expect(await again).toBe('open 1');
    expect(reads).toBe(1);
  });

  it('reads again a value whose change was notified before the catch-up completed', async () => {
    const { feed, catchUp } = fakeFeed();
    const cache = new NotifiedCache<string>(feed, 'changes', 10);
    let reads = 0;
    const load = () => Promise.resolve(`open ${++reads}`);
    await cache.get('s1', load);
    const again = cache.get('s1', load);
    await tick();
    catchUp(['s1']);
    expect(await again).toBe('open 2');
  });

  it('keeps nothing read while a notification arrived (the read may predate the change)', async () => {
    const { feed, notify, catchUp } = fakeFeed();
    const cache = new NotifiedCache<string>(feed, 'changes', 10);
    let finish: (value: string) => void = () => undefined;
    const slow = cache.get('s1', () => new Promise<string>((resolve) => (finish = resolve)));
    notify('s1');
    finish('open, as read before the change');
    expect(await slow).toBe('open, as read before the change');
    let reads = 0;
    const next = cache.get('s1', () => Promise.resolve(`read ${++reads}`));
    await tick();
    catchUp();
    expect(await next).toBe('read 1');
  });

  it('reads through, and keeps nothing, while the feed is not live; forgets everything on a reset', async () => {
    const { feed, reset } = fakeFeed();
    const cache = new NotifiedCache<string>(feed, 'changes', 10);
    let reads = 0;
    const load = () => Promise.resolve(`read ${++reads}`);
    await cache.get('s1', load);
    reset();
    feed.isLive = false;
    expect(await cache.get('s1', load)).toBe('read 2');
    expect(await cache.get('s1', load)).toBe('read 3');
  });

  it('reads only the missing keys, in one load', async () => {
    const { feed, catchUp } = fakeFeed();
    const cache = new NotifiedCache<string>(feed, 'changes', 10);
    const asked: string[][] = [];
    const load = (missing: string[]) => {
      asked.push(missing);
      return Promise.resolve(new Map(missing.filter((key) => key !== 'gone').map((key) => [key, `def ${key}`])));
    };
    await cache.getMany(['a'], load);
    const both = cache.getMany(['a', 'b', 'gone'], load);
    await tick();
    catchUp();
    expect(await both).toEqual(
      new Map([
        ['a', 'def a'],
        ['b', 'def b'],
      ]),
    );
    expect(asked).toEqual([['a'], ['b', 'gone']]);
  });

  describe('inside a request', () => {
    it('catches up once for all the copies and keys the request asks, where each ask outside a request catches up for itself', async () => {
      const { feed, catchUp } = fakeFeed();
      const sessions = new NotifiedCache<string>(feed, 'sessions', 10);
      const definitions = new NotifiedCache<string>(feed, 'definitions', 10);
      await sessions.get('s1', () => Promise.resolve('open'));
      await definitions.get('payouts', () => Promise.resolve('3 KPIs'));

      const request = withOneCatchUp(async () => {
        const session = await sessions.get('s1', () => Promise.resolve('read again'));
        return [session, await definitions.get('payouts', () => Promise.resolve('read again')), await definitions.get('payouts', () => Promise.resolve('read again'))];
      });
      await tick();
      catchUp();
      expect(await request).toEqual(['open', '3 KPIs', '3 KPIs']);
      expect(feed.roundTrips).toBe(1);

      const outside = Promise.all([sessions.get('s1', () => Promise.resolve('read again')), definitions.get('payouts', () => Promise.resolve('read again'))]);
      await tick();
      catchUp();
      expect(await outside).toEqual(['open', '3 KPIs']);
      expect(feed.roundTrips).toBe(3);
    });

    it('reads its own write: after a statement that may write, the next ask catches up again and sees the change it brought', async () => {
      const { feed, catchUp } = fakeFeed();
      const definitions = new NotifiedCache<string>(feed, 'definitions', 10);
      let stored = '3 KPIs';
      const load = () => Promise.resolve(stored);
      await definitions.get('payouts', load);

      const request = withOneCatchUp(async () => {
        const before = await definitions.get('payouts', load);
        // The request changes the automation; the notification comes with the next round trip on the feed.
        stored = 'no KPIs';
        mayHaveWritten();
        const after = definitions.get('payouts', load);
        await tick();
        catchUp(['payouts']);
        return [before, await after];
      });
      await tick();
      catchUp();
      expect(await request).toEqual(['3 KPIs', 'no KPIs']);
      expect(feed.roundTrips).toBe(2);
    });

    it('gives each request a catch-up of its own: a change notified before the second request is seen by it', async () => {
      const { feed, catchUp } = fakeFeed();
      const definitions = new NotifiedCache<string>(feed, 'definitions', 10);
      let stored = '3 KPIs';
      const load = () => Promise.resolve(stored);
      await definitions.get('payouts', load);

      const first = withOneCatchUp(() => definitions.get('payouts', load));
      await tick();
      catchUp();
      expect(await first).toBe('3 KPIs');

      // Changed through another replica between the two requests.
      stored = 'no KPIs';
      const second = withOneCatchUp(() => definitions.get('payouts', load));
      await tick();
      catchUp(['payouts']);
      expect(await second).toBe('no KPIs');
      expect(feed.roundTrips).toBe(2);
    });
  });
});

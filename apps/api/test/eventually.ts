const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Probes until `ok` holds; fails with what was last seen after `timeoutMs`. */
export async function eventually<T>(probe: () => Promise<T>, ok: (value: T) => boolean, what: string, timeoutMs = 30_000, intervalMs = 200): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last = await probe();
  while (!ok(last)) {
    if (Date.now() > until) {
      throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)}`);
    }
    await sleep(intervalMs);
    last = await probe();
  }
  return last;
}

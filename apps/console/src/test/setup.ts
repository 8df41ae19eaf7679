import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';

beforeEach(() => {
  // jsdom does not scroll; every page change asks it to (AppLayout).
  vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
});

// A page renders after its queries resolve and React commits; on a loaded CI machine that can take
// seconds, so findBy*/waitFor wait up to 5 s (the default 1 s failed whole suites under load).
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => {
  cleanup();
});

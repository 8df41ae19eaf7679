import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { server } from './server';

beforeAll(() => {
  // A request no handler answers is printed as an error and fails, as a request to an api that is down would.
  server.listen({ onUnhandledRequest: 'error' });
});

beforeEach(() => {
  // jsdom does not scroll; every page change asks it to (AppLayout).
  vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
});

// A page renders after its queries resolve and React commits; on a loaded CI machine that can take
// seconds, so findBy*/waitFor wait up to 5 s (the default 1 s failed whole suites under load).
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => {
  cleanup();
  server.resetHandlers();
  server.events.removeAllListeners();
});

afterAll(() => {
  server.close();
});

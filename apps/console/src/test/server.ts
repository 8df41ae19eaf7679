import { setupServer } from 'msw/node';

/**
 * The fake api every console test talks to: MSW answers the requests `fetch` sends, so the console's own
 * request code (graphqlRequest, the session calls) runs as in a browser. Tests add handlers with
 * `server.use(...)` (or `mockApi`), and setup.ts removes them after each test.
 */
export const server = setupServer();

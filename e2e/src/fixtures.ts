import { test as base, type Page } from '@playwright/test';
import { signInAs, type Persona } from './console.js';

export { expect, type Page } from '@playwright/test';

/** The Roundhouse that global setup started for the journeys. */
export interface Roundhouse {
  /** Where it answers, e.g. http://localhost:43121. */
  url: string;
  /** Its data folder and ports: how `npm run catalog` reaches it and its embedded database. */
  env: Record<string, string>;
}

/** Where global setup leaves the started Roundhouse for the workers (see global-setup.ts). */
export const ROUNDHOUSE_ENV_KEY = 'ROUNDHOUSE_E2E';

interface JourneyFixtures {
  /** Signs the test's page in as `persona`, after signing out whoever was signed in; returns the page. */
  signedInAs: (persona: Persona) => Promise<Page>;
}

interface WorkerFixtures {
  roundhouse: Roundhouse;
  /** The started Roundhouse's address (also in `beforeAll`). */
  baseUrl: string;
}

/** Journeys: the shared Roundhouse, and the test's page signed in as a persona. */
export const test = base.extend<JourneyFixtures, WorkerFixtures>({
  roundhouse: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a destructured object.
    async ({}, use) => {
      const started = process.env[ROUNDHOUSE_ENV_KEY];
      if (started === undefined) {
        throw new Error('Roundhouse is not running: run the journeys through e2e/playwright.config.ts, whose global setup starts it');
      }
      await use(JSON.parse(started) as Roundhouse);
    },
    { scope: 'worker' },
  ],
  baseUrl: [
    async ({ roundhouse }, use) => {
      await use(roundhouse.url);
    },
    { scope: 'worker' },
  ],
  signedInAs: async ({ page, baseUrl }, use) => {
    await use(async (persona) => {
      await page.context().clearCookies();
      await signInAs(page, persona, baseUrl);
      return page;
    });
  },
});

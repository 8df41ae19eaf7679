import { test as base, type Page } from '@playwright/test';
import { RoundhouseClient } from '@roundhouse/sdk';
import { Admin, type RuntimeTokenToCreate } from './support/admin.js';
import { DeadLetterWorkbench } from './support/dead-letter-workbench.js';

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

/** A dev sign-in persona (see the sign-in page): an admin, an owner, on-call operators, a viewer. */
export type Persona = 'ada' | 'omar' | 'olga' | 'otto' | 'oscar' | 'vera';

interface JourneyFixtures {
  /** Signs the test's page in as `persona` through the console's dev sign-in, after signing out whoever was signed in; returns the page, on the catalog. */
  signedInAs: (persona: Persona) => Promise<Page>;
  /** The dead-letter workbench in the test's page. */
  workbench: DeadLetterWorkbench;
  /** An SDK client with a new runtime token an admin made, as a runtime is set up; shut down after the test (its events flushed) unless the test did. */
  connectRuntime: (token: RuntimeTokenToCreate) => Promise<RoundhouseClient>;
}

interface WorkerFixtures {
  roundhouse: Roundhouse;
  /** The started Roundhouse's address, for what is not the browser (also in `beforeAll`); the page's `goto('/…')` goes there too. */
  baseUrl: string;
  /** Ada, the admin, through the GraphQL API: what a person would have set up in the console before the journey (also in `beforeAll`). */
  admin: Admin;
}

/** Journeys: the shared Roundhouse, its admin, the test's page signed in as a persona, and the runtimes that report to it. */
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
  admin: [
    async ({ baseUrl }, use) => {
      await use(await Admin.signIn(baseUrl));
    },
    { scope: 'worker' },
  ],
  // Playwright's own option: every page resolves `goto('/dead-letters')` against the shared Roundhouse.
  baseURL: async ({ baseUrl }, use) => {
    await use(baseUrl);
  },
  signedInAs: async ({ page }, use) => {
    await use(async (persona) => {
      await page.context().clearCookies();
      await page.goto('/');
      await page.waitForURL(/\/sign-in/);
      await page.locator(`[data-persona="${persona}"]`).click();
      await page.getByRole('heading', { name: 'Automation catalog' }).waitFor();
      return page;
    });
  },
  workbench: async ({ page }, use) => {
    await use(new DeadLetterWorkbench(page));
  },
  connectRuntime: async ({ admin, baseUrl }, use) => {
    const clients: RoundhouseClient[] = [];
    await use(async (token) => {
      const client = new RoundhouseClient({ url: baseUrl, token: await admin.createRuntimeToken(token), onDiagnostic: () => undefined });
      clients.push(client);
      return client;
    });
    await Promise.all(clients.map((client) => client.shutdown()));
  },
});

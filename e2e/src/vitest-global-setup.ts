import type { TestProject } from 'vitest/node';
import { startRoundhouse } from './roundhouse-process.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** How `npm run catalog` reaches the running Roundhouse and its embedded database. */
    roundhouseEnv: Record<string, string>;
  }
}

/** Starts Roundhouse as `npm start` does, dev sign-in on, for every journey but those that start their own. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const roundhouse = await startRoundhouse({ ROUNDHOUSE_DEV_SIGN_IN: 'true' });
  project.provide('baseUrl', roundhouse.url);
  project.provide('roundhouseEnv', roundhouse.env);
  return () => roundhouse.stop();
}

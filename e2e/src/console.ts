import { RoundhouseClient } from '@roundhouse/sdk';
import type { Page } from '@playwright/test';

/** A dev sign-in persona (see the sign-in page): an admin, an owner, on-call operators, a viewer. */
export type Persona = 'ada' | 'omar' | 'olga' | 'otto' | 'oscar' | 'vera';

/** Signs in through the console's dev sign-in, as a person would, and waits for the catalog. */
export async function signInAs(page: Page, persona: Persona, baseUrl: string): Promise<void> {
  await page.goto(baseUrl);
  await page.waitForURL(/\/sign-in/);
  await page.locator(`[data-persona="${persona}"]`).click();
  await page.getByRole('heading', { name: 'Automation catalog' }).waitFor();
}

/** GraphQL as an admin (dev sign-in), for what a person would set up in the console beforehand. */
export async function asAdmin(baseUrl: string): Promise<<T>(query: string, variables?: Record<string, unknown>) => Promise<T>> {
  const signIn = await fetch(`${baseUrl}/auth/dev-sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"persona":"ada"}' });
  const cookie = signIn.headers.get('set-cookie')?.split(';')[0] ?? '';
  // Cookie sessions send their CSRF token on every POST, as the console does.
  const { csrfToken } = (await (await fetch(`${baseUrl}/auth/session`, { headers: { cookie } })).json()) as { csrfToken: string };
  return async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: unknown[] };
    if (body.data === undefined || body.errors !== undefined) {
      throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
    }
    return body.data;
  };
}

/** An SDK client with a runtime token an admin made for `team`'s named automations (reporting runs and dead letters unless `capabilities` say more), as a runtime is set up. */
export async function runtimeClient(
  baseUrl: string,
  token: { name: string; team: string; automations: string[]; capabilities?: ('ingest' | 'dead_letters' | 'commands')[] },
): Promise<RoundhouseClient> {
  const graphql = await asAdmin(baseUrl);
  const { createRuntimeToken } = await graphql<{ createRuntimeToken: { secret: string } }>(
    `
      mutation ($input: CreateRuntimeTokenInput!) {
        createRuntimeToken(input: $input) {
          secret
        }
      }
    `,
    { input: token },
  );
  return new RoundhouseClient({ url: baseUrl, token: createRuntimeToken.secret, onDiagnostic: () => undefined });
}

/** Finance ops, the team that owns the automations the journeys register: Omar and Olga own them, Otto and Oscar are on call. */
export const FINANCE_OPS = { owner: 'finance-ops', onCall: { name: 'Finance ops primary' } } as const;

/** An automation as an owner registers it in the console (`AutomationInput`); what a journey leaves out is filled in by `Admin.registerAutomation`. */
export interface AutomationToRegister {
  slug: string;
  title: string;
  description: string;
  owner: string;
  onCall: { name: string };
  riskDomains?: ('revenue' | 'billing' | 'inventory' | 'regulatory' | 'customer')[];
  type?: 'automation' | 'orchestration' | 'integration';
  lifecycle?: 'experimental' | 'production' | 'deprecated';
  runtime?: { kind: string };
}

/** A runtime token as an owner makes it in the console (`CreateRuntimeTokenInput`): every automation of `team` unless `automations` names some; runs and dead letters unless `capabilities` say more. */
export interface RuntimeTokenToCreate {
  name: string;
  team: string;
  automations?: string[];
  capabilities?: ('ingest' | 'dead_letters' | 'commands' | 'catalog_read')[];
}

/**
 * Ada, the admin (dev sign-in), through the console's GraphQL API: what a person would have set up in
 * the console before the journey begins. A cookie session that sends its CSRF token on every POST, as
 * the console does.
 */
export class Admin {
  private constructor(
    private readonly baseUrl: string,
    private readonly cookie: string,
    private readonly csrfToken: string,
  ) {}

  static async signIn(baseUrl: string): Promise<Admin> {
    const signIn = await fetch(`${baseUrl}/auth/dev-sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"persona":"ada"}' });
    if (!signIn.ok) {
      throw new Error(`dev sign-in as ada answered ${signIn.status}: ${await signIn.text()}`);
    }
    const cookie = signIn.headers.get('set-cookie')?.split(';')[0] ?? '';
    const { csrfToken } = (await (await fetch(`${baseUrl}/auth/session`, { headers: { cookie } })).json()) as { csrfToken: string };
    return new Admin(baseUrl, cookie, csrfToken);
  }

  /** One GraphQL operation; throws when it answers errors. */
  async graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: this.cookie, 'x-csrf-token': this.csrfToken },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: unknown[] };
    if (body.data === undefined || body.errors !== undefined) {
      throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
    }
    return body.data;
  }

  /** Registers `automation`, in production and reporting through the Roundhouse SDK unless it says otherwise. */
  async registerAutomation(automation: AutomationToRegister): Promise<void> {
    await this.graphql(
      `
        mutation Register($input: AutomationInput!) {
          registerAutomation(input: $input) {
            slug
          }
        }
      `,
      { input: { type: 'automation', lifecycle: 'production', runtime: { kind: 'sdk' }, ...automation } },
    );
  }

  /** Makes a runtime token; returns its secret, which the console shows once. */
  async createRuntimeToken(token: RuntimeTokenToCreate): Promise<string> {
    const { createRuntimeToken } = await this.graphql<{ createRuntimeToken: { secret: string } }>(
      `
        mutation ($input: CreateRuntimeTokenInput!) {
          createRuntimeToken(input: $input) {
            secret
          }
        }
      `,
      { input: token },
    );
    return createRuntimeToken.secret;
  }
}

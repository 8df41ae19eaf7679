import type { TokenCapability } from '@roundhouse/contracts';

/**
 * The few console-API calls the demo needs to set itself up, as a person would: dev sign-in, the
 * catalog, and a runtime token per team (its earlier demo tokens revoked first).
 */
export const DEMO_TOKEN_NAME = 'demo-runtime';
/** What the demo's tokens may do: report runs and dead letters, and pull reprocess commands. */
export const DEMO_TOKEN_CAPABILITIES: readonly TokenCapability[] = ['ingest', 'dead_letters', 'commands'];

export interface CatalogAutomation {
  slug: string;
  owner: { name: string };
  lifecycle: string;
  kpis: { name: string; source: string; target: number; baseline: { value: number | null } }[];
}

export class RoundhouseConsole {
  private cookie = '';
  private csrfToken = '';

  constructor(private readonly url: string) {}

  async waitUntilReady(timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const ready = await fetch(`${this.url}/readyz`)
        .then((r) => r.ok)
        .catch(() => false);
      if (ready) {
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error(`Roundhouse at ${this.url} was not ready within ${timeoutMs / 1000} s.`);
  }

  async signIn(persona: string): Promise<void> {
    const response = await fetch(`${this.url}/auth/dev-sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ persona }) });
    const cookie = response.headers.get('set-cookie');
    if (response.status !== 204 || cookie === null) {
      throw new Error(`The demo needs the dev sign-in (ROUNDHOUSE_DEV_SIGN_IN=true); signing in answered ${response.status}.`);
    }
    this.cookie = cookie.split(';')[0] ?? '';
    // A cookie session's POSTs carry its CSRF token, as the console's do.
    const session = (await (await fetch(`${this.url}/auth/session`, { headers: { cookie: this.cookie } })).json()) as { csrfToken?: string | null };
    this.csrfToken = session.csrfToken ?? '';
  }

  private async graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: this.cookie, 'x-csrf-token': this.csrfToken },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
    if (body.errors !== undefined || body.data === undefined) {
      throw new Error(`GraphQL failed: ${body.errors?.map((e) => e.message).join('; ') ?? response.status}`);
    }
    return body.data;
  }

  async automations(): Promise<CatalogAutomation[]> {
    const data = await this.graphql<{ automations: { edges: { node: CatalogAutomation }[] } }>(
      `{ automations(first: 100) { edges { node { slug lifecycle owner { name } kpis { name source target baseline { value } } } } } }`,
    );
    return data.automations.edges.map((edge) => edge.node);
  }

  /** Runs finished in the last 24 hours, to decide whether history needs filling in. */
  async throughput24h(slug: string): Promise<number> {
    const data = await this.graphql<{ automationHealth: { throughput: number } }>(`query H($slug: String!) { automationHealth(slug: $slug, window: "24h") { throughput } }`, {
      slug,
    });
    return data.automationHealth.throughput;
  }

  /**
   * The share (0–1) of the last `days` days each KPI has data for, by KPI name: a measured KPI
   * reported only since today is near 0, one with a history that long is 1.
   */
  async kpiCoverage(slug: string, days: number): Promise<Map<string, number>> {
    const data = await this.graphql<{ automationKpis: { name: string; coverage: number }[] }>(
      `query K($slug: String!, $range: DateRangeInput) { automationKpis(slug: $slug, range: $range) { name coverage } }`,
      { slug, range: { last: `${days}d` } },
    );
    return new Map(data.automationKpis.map((kpi) => [kpi.name, kpi.coverage]));
  }

  /**
   * A fresh token for the team, to report (`ingest`) and to pull the reprocess commands of its
   * automations (`commands`); the demo's earlier tokens for it are revoked.
   */
  async tokenFor(team: string): Promise<string> {
    const existing = await this.graphql<{ runtimeTokens: { id: string; name: string; revokedAt: string | null }[] }>(
      `query T($team: String!) { runtimeTokens(team: $team) { id name revokedAt } }`,
      { team },
    );
    for (const token of existing.runtimeTokens.filter((t) => t.name === DEMO_TOKEN_NAME && t.revokedAt === null)) {
      await this.graphql(`mutation R($id: ID!) { revokeRuntimeToken(id: $id) { id } }`, { id: token.id });
    }
    const created = await this.graphql<{ createRuntimeToken: { secret: string } }>(
      `mutation C($team: String!) { createRuntimeToken(input: { name: "${DEMO_TOKEN_NAME}", team: $team, capabilities: [${DEMO_TOKEN_CAPABILITIES.join(', ')}] }) { secret } }`,
      { team },
    );
    return created.createRuntimeToken.secret;
  }
}

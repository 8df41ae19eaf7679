import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { CatalogService } from '../src/catalog/catalog.service.js';
import { DashboardsService } from '../src/dashboards/dashboards.service.js';
import { listOperationRules, type OperationRule } from '../src/auth/operation-rules.js';
import { rowOf, type AccessCase, type MatrixContext, type RouteAccessCase } from './access-matrix/access-case.js';
import { cases as approvals } from './access-matrix/approvals.cases.js';
import { cases as audit, routeCases as auditRoutes } from './access-matrix/audit.cases.js';
import { cases as catalog } from './access-matrix/catalog.cases.js';
import { cases as deadLetters } from './access-matrix/dead-letters.cases.js';
import { cases as provingValue } from './access-matrix/proving-value.cases.js';
import { routeCases as routes } from './access-matrix/routes.cases.js';
import { cases as telemetry } from './access-matrix/telemetry.cases.js';
import { cases as tokens } from './access-matrix/tokens.cases.js';
import { answerOf, OPERATIONS, ROUTES, type PeopleRow, type RouteRow } from './access-matrix/policy.js';
import { automationInput } from './fixtures.js';
import { useTestApi, type GraphQLResult, type Persona } from './harness.js';
import { createToken, deadLetter, ingest } from './telemetry.js';

const ROUTE_CASES: RouteAccessCase[] = [...routes, ...auditRoutes];
const CASES: AccessCase[] = [...approvals, ...audit, ...catalog, ...deadLetters, ...provingValue, ...telemetry, ...tokens];

/** The callers' own team (the personas' team) and another team, each with a shipped automation. */
const OWN_TEAM = 'finance-ops';
const OTHER_TEAM = 'order-ops';
const SHIPPED: Record<string, string> = { [OWN_TEAM]: 'payout-reconciliation', [OTHER_TEAM]: 'order-fulfillment' };
const otherTeamThan = (team: string) => (team === OWN_TEAM ? OTHER_TEAM : OWN_TEAM);
/** The people calling, by the column of the policy that answers for them (policy.ts says who they are). */
const PEOPLE: Record<keyof PeopleRow, Persona | undefined> = { anonymous: undefined, viewer: 'vera', operator: 'otto', owner: 'omar', admin: 'ada' };
const CALLERS = Object.keys(PEOPLE) as (keyof PeopleRow)[];
/** The runtime tokens calling a route (policy.ts, RouteRow). */
const RUNTIMES = ['runtime', 'runtimeWithout', 'otherTeamRuntime', 'movedAwayRuntime'] as const;
type Runtime = (typeof RUNTIMES)[number];
const ALL_CAPABILITIES = ['ingest', 'dead_letters', 'commands', 'catalog_read'] as const;
type Capability = (typeof ALL_CAPABILITIES)[number];

type Outcome = 'permitted' | 'refused' | 'held' | `failed: ${string}`;

function outcomeOf(result: GraphQLResult<unknown>, accessCase: AccessCase): Outcome {
  const codes = (result.errors ?? []).map((e) => e.extensions?.code);
  if (codes.length > 0) {
    return codes.every((code) => code === 'UNAUTHENTICATED' || code === 'FORBIDDEN')
      ? 'refused'
      : `failed: ${result.errors?.map((e) => `${e.extensions?.code}: ${e.message}`).join('; ')}`;
  }
  if (accessCase.held?.(result.data) === true) {
    return 'held';
  }
  return accessCase.sees !== undefined && !accessCase.sees(result.data) ? 'refused' : 'permitted';
}

async function routeOutcomeOf(response: Response, routeCase: RouteAccessCase, prepared: Record<string, unknown>): Promise<Outcome> {
  const body: unknown = (response.headers.get('content-type') ?? '').includes('json') ? await response.json() : await response.text();
  if (response.status === routeCase.answered) {
    return 'permitted';
  }
  if (response.status === 401 || response.status === 403) {
    return 'refused';
  }
  if (response.status >= 400) {
    return `failed: ${response.status} ${JSON.stringify(body)}`;
  }
  return routeCase.tookEffect !== undefined && !routeCase.tookEffect(body, prepared) ? 'refused' : 'permitted';
}

describe('the access matrix: every operation × every role × own and other team, against the policy written out in policy.ts', () => {
  // Every cell signs in or calls a sign-in route: the per-address sign-in limit would answer 429 instead.
  const t = useTestApi({ ROUNDHOUSE_SIGN_IN_RATE_LIMIT: '100000' });
  const context = {} as MatrixContext;
  /** The same, targeting for each team an automation that moved to it from the other team (for `movedAwayRuntime`). */
  let movedContext: MatrixContext;
  /** Per team, tokens of the other team by capability, each naming the automation that has moved from that team to this one. */
  const movedAwayTokens = new Map<string, Map<Capability, string>>();
  let rules: Map<string, OperationRule['rule']>;
  /** Each persona's session, signed in once; a case that signs out drops it. */
  const cookies = new Map<Persona, Promise<string>>();

  beforeAll(async () => {
    const root = t.api.config.repositoryRoot;
    await t.api.app.get(CatalogService).apply(path.join(root, 'catalog'), root);
    await t.api.app.get(DashboardsService).apply(path.join(root, 'dashboards'), root);
    rules = new Map(listOperationRules(t.api.app.get(DiscoveryService), t.api.app.get(MetadataScanner), t.api.app.get(Reflector)).map((r) => [r.operation, r.rule]));
    const tokens = new Map<string, Promise<string>>();
    const cookie = (persona: Persona) => {
      if (!cookies.has(persona)) {
        cookies.set(persona, t.api.signIn(persona));
      }
      return cookies.get(persona) as Promise<string>;
    };
    const asAdmin = async <T>(document: string, variables: Record<string, unknown> = {}): Promise<T> => {
      const result = await t.api.graphql<T>(document, variables, await cookie('ada'));
      if (result.errors !== undefined || result.data === undefined || result.data === null) {
        throw new Error(`preparing failed: ${JSON.stringify(result.errors)}`);
      }
      return result.data;
    };
    const tokenOf = (team: string) => {
      if (!tokens.has(team)) {
        tokens.set(
          team,
          cookie('ada').then(async (admin) => (await createToken(t.api, admin, { team, capabilities: ['ingest', 'dead_letters'] })).secret),
        );
      }
      return tokens.get(team) as Promise<string>;
    };
    const reportDeadLetter = async (team: string, automation: string) => {
      const messageId = `matrix-${randomUUID()}`;
      const answer = await ingest(t.api, await tokenOf(team), [deadLetter(automation, { messageId })]);
      const [row] = await t.db.query<{ id: string }>(`SELECT id::text AS id FROM dead_letter WHERE message_id = $1`, [messageId]);
      if (row === undefined) {
        throw new Error(`preparing a dead letter failed: ${JSON.stringify(answer.body)}`);
      }
      return row.id;
    };
    const registerAutomation = async (team: string) => {
      const slug = `matrix-${team}-${randomUUID().slice(0, 8)}`;
      await asAdmin(`mutation($input: AutomationInput!) { registerAutomation(input: $input) { slug } }`, { input: automationInput({ slug, owner: team }) });
      return slug;
    };
    Object.assign(context, {
      api: t.api,
      db: t.db,
      cookie,
      asAdmin,
      shippedAutomation: (team: string) => SHIPPED[team] ?? '',
      registerAutomation,
      deadLetter: (team: string) => reportDeadLetter(team, SHIPPED[team] ?? ''),
      deadLetterOf: reportDeadLetter,
    } satisfies MatrixContext);

    // The team move: an automation of the other team, named by that team's tokens, then moved to this team.
    const moved = new Map<string, string>();
    for (const team of [OWN_TEAM, OTHER_TEAM]) {
      const from = otherTeamThan(team);
      // No risk domain: the admin's move applies at once (a risk-domain automation's would wait for its owners).
      const slug = `matrix-${from}-${randomUUID().slice(0, 8)}`;
      await asAdmin(`mutation($input: AutomationInput!) { registerAutomation(input: $input) { slug } }`, { input: automationInput({ slug, owner: from, riskDomains: [] }) });
      const admin = await cookie('ada');
      const named = new Map<Capability, string>();
      for (const capability of ALL_CAPABILITIES) {
        named.set(capability, (await createToken(t.api, admin, { name: `matrix ${from} ${capability}`, team: from, automations: [slug], capabilities: [capability] })).secret);
      }
      movedAwayTokens.set(team, named);
      await asAdmin(`mutation($slug: String!, $input: AutomationInput!) { updateAutomation(slug: $slug, input: $input) { slug } }`, {
        slug,
        input: automationInput({ slug, owner: team, riskDomains: [] }),
      });
      moved.set(team, slug);
    }
    movedContext = { ...context, shippedAutomation: (team) => moved.get(team) ?? '', deadLetter: (team) => reportDeadLetter(team, moved.get(team) ?? '') };
  });

  it('has a case for every query and mutation in the schema, and no case for one that is gone', () => {
    const schema = t.api.app.get(GraphQLSchemaHost).schema;
    const operations = [
      ...Object.keys(schema.getQueryType()?.getFields() ?? {}).map((name) => `Query.${name}`),
      ...Object.keys(schema.getMutationType()?.getFields() ?? {}).map((name) => `Mutation.${name}`),
    ].sort();
    const covered = CASES.map((c) => c.operation).sort();
    expect(
      operations.filter((op) => !covered.includes(op)),
      'operations without an access case',
    ).toEqual([]);
    expect(
      covered.filter((op) => !operations.includes(op)),
      'access cases for operations not in the schema',
    ).toEqual([]);
    const rows = CASES.map(rowOf).sort();
    expect(
      rows.filter((row, index) => rows.indexOf(row) !== index),
      'operations with two cases for one row',
    ).toEqual([]);
  });

  it('has a case for every HTTP route', () => {
    const routes = [...rules.keys()].filter((op) => op.startsWith('HTTP ')).sort();
    const covered = ROUTE_CASES.map((c) => c.operation).sort();
    expect(
      routes.filter((op) => !covered.includes(op)),
      'routes without an access case',
    ).toEqual([]);
    expect(
      covered.filter((op) => !routes.includes(op)),
      'access cases for routes that are gone',
    ).toEqual([]);
  });

  it('states in the policy who may call every operation and route it has a case for, and nothing else', () => {
    const stated = [...Object.keys(OPERATIONS), ...Object.keys(ROUTES)].sort();
    const called = [...CASES.map(rowOf), ...ROUTE_CASES.map((c) => c.operation)].sort();
    expect(
      called.filter((op) => !stated.includes(op)),
      'operations without a row in policy.ts',
    ).toEqual([]);
    expect(
      stated.filter((op) => !called.includes(op)),
      'rows in policy.ts for operations without a case',
    ).toEqual([]);
    expect(
      Object.keys(ROUTES).filter((op) => op in OPERATIONS),
      'operations with two rows',
    ).toEqual([]);
  });

  async function auditEntries(): Promise<number> {
    return (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_entry`))[0]?.n ?? 0;
  }

  /** The headers a caller sends: a session cookie, a runtime token, or nothing. */
  async function credentialsOf(caller: keyof PeopleRow | Runtime, team: string, capability: Capability): Promise<Record<string, string>> {
    switch (caller) {
      case 'anonymous':
        return {};
      case 'runtime':
        return bearer(await runtimeToken(team, [capability]));
      case 'runtimeWithout':
        return bearer(
          await runtimeToken(
            team,
            ALL_CAPABILITIES.filter((c) => c !== capability),
          ),
        );
      case 'otherTeamRuntime':
        return bearer(await runtimeToken(otherTeamThan(team), [capability]));
      case 'movedAwayRuntime':
        return bearer(movedAwayTokens.get(team)?.get(capability) ?? '');
      default: {
        const cookie = await context.cookie(PEOPLE[caller] as Persona);
        return { cookie, 'x-csrf-token': await t.api.csrfToken(cookie) };
      }
    }
  }

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  const runtimeTokens = new Map<string, Promise<string>>();
  function runtimeToken(team: string, capabilities: readonly Capability[]): Promise<string> {
    const key = `${team}:${capabilities.join(',')}`;
    if (!runtimeTokens.has(key)) {
      runtimeTokens.set(
        key,
        context.cookie('ada').then(async (admin) => (await createToken(t.api, admin, { team, capabilities: [...capabilities] })).secret),
      );
    }
    return runtimeTokens.get(key) as Promise<string>;
  }

  /** A person who signed out signs in again for the next cell. */
  function forgetSession(caller: keyof PeopleRow | Runtime): void {
    const persona = (PEOPLE as Record<string, Persona | undefined>)[caller];
    if (persona !== undefined) {
      cookies.delete(persona);
    }
  }

  const cellName = (caller: string, team: string) => `${caller.padEnd(16)} × ${team === OWN_TEAM ? 'own team  ' : 'other team'}`;

  it.each(ROUTE_CASES.map((c) => [c.operation, c] as const))('%s', async (operation, routeCase) => {
    expect(rules.get(operation), `${operation} has no rule: declare @RequirePermission, @RequireRuntimeToken or @Public`).toBeDefined();
    const policy = ROUTES[operation] as RouteRow;
    const expected: string[] = [];
    const actual: string[] = [];
    for (const team of [OWN_TEAM, OTHER_TEAM]) {
      for (const caller of [...CALLERS, ...RUNTIMES]) {
        const cellContext = caller === 'movedAwayRuntime' ? movedContext : context;
        const prepared = routeCase.prepare === undefined ? {} : await routeCase.prepare(cellContext, team);
        const credentials = await credentialsOf(caller, team, policy.capability ?? 'ingest');
        const entriesBefore = await auditEntries();
        const response = await routeCase.send(cellContext, credentials, prepared, team);
        if (operation === 'HTTP AuthController.signOut') {
          forgetSession(caller);
        }
        const outcome = await routeOutcomeOf(response, routeCase, prepared);
        const wanted = answerOf(policy[caller], team === OWN_TEAM);
        const audited = policy.audited === true;
        expected.push(`${cellName(caller, team)}: ${wanted}${audited && wanted === 'permitted' ? ', audited' : ''}`);
        actual.push(`${cellName(caller, team)}: ${outcome}${audited && (await auditEntries()) > entriesBefore ? ', audited' : ''}`);
      }
    }
    expect(actual).toEqual(expected);
  });

  it.each(CASES.map((c) => [rowOf(c), c] as const))('%s', async (row, accessCase) => {
    const operation = accessCase.operation;
    expect(rules.get(operation), `${operation} has no rule: declare @RequirePermission or @Public`).toBeDefined();
    const policy = OPERATIONS[row] as PeopleRow;
    const expected: string[] = [];
    const actual: string[] = [];
    for (const team of [OWN_TEAM, OTHER_TEAM]) {
      for (const caller of CALLERS) {
        const variables = accessCase.prepare === undefined ? {} : await accessCase.prepare(context, team);
        const persona = PEOPLE[caller];
        const cookie = persona === undefined ? undefined : await context.cookie(persona);
        const entriesBefore = await auditEntries();
        const result = await t.api.graphql(accessCase.document, variables, cookie);
        const outcome = outcomeOf(result, accessCase);
        // Every mutation carried out (or held for approval) is on record in the audit trail; one refused leaves nothing there.
        const mutation = operation.startsWith('Mutation.');
        const wanted = answerOf(policy[caller], team === OWN_TEAM);
        expected.push(`${cellName(caller, team)}: ${wanted}${mutation && wanted !== 'refused' ? ', audited' : ''}`);
        actual.push(`${cellName(caller, team)}: ${outcome}${mutation && (await auditEntries()) > entriesBefore ? ', audited' : ''}`);
      }
    }
    expect(actual).toEqual(expected);
  });
});

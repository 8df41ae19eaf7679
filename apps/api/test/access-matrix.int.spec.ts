import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { CatalogService } from '../src/catalog/catalog.service.js';
import { DashboardsService } from '../src/dashboards/dashboards.service.js';
import { listOperationRules, type OperationRule } from '../src/auth/operation-rules.js';
import { isTeamScoped, roleGrants, type Permission } from '../src/auth/permissions.js';
import { DEV_PERSONAS } from '../src/auth/personas.js';
import type { AccessCase, MatrixContext, RouteAccessCase } from './access-matrix/access-case.js';
import { cases as approvals } from './access-matrix/approvals.cases.js';
import { cases as audit, routeCases as auditRoutes } from './access-matrix/audit.cases.js';
import { cases as catalog } from './access-matrix/catalog.cases.js';
import { cases as deadLetters } from './access-matrix/dead-letters.cases.js';
import { cases as provingValue } from './access-matrix/proving-value.cases.js';
import { routeCases as routes } from './access-matrix/routes.cases.js';
import { cases as telemetry } from './access-matrix/telemetry.cases.js';
import { cases as tokens } from './access-matrix/tokens.cases.js';
import { automationInput } from './fixtures.js';
import { useTestApi, type GraphQLResult, type Persona } from './harness.js';
import { createToken, deadLetter, ingest } from './telemetry.js';

const ROUTE_CASES: RouteAccessCase[] = [...routes, ...auditRoutes];
const CASES: AccessCase[] = [...approvals, ...audit, ...catalog, ...deadLetters, ...provingValue, ...telemetry, ...tokens];

/** The caller's own team (the personas' team) and another team, each with a shipped automation. */
const OWN_TEAM = 'finance-ops';
const OTHER_TEAM = 'order-ops';
const SHIPPED: Record<string, string> = { [OWN_TEAM]: 'payout-reconciliation', [OTHER_TEAM]: 'order-fulfillment' };
const CALLERS: (Persona | 'anonymous')[] = ['anonymous', 'vera', 'otto', 'omar', 'ada'];
/** Runtimes calling a route: a token of the target's team with the capability the route needs, one with every other capability, one of another team. */
const RUNTIMES = ['runtime with it', 'runtime without', 'other runtime'] as const;
type Runtime = (typeof RUNTIMES)[number];
const ALL_CAPABILITIES = ['ingest', 'dead_letters', 'commands'];

type Outcome = 'permitted' | 'refused' | `failed: ${string}`;

function expectedOutcome(rule: OperationRule['rule'], caller: Persona | 'anonymous' | Runtime, scope: AccessCase['scope'], team: string): Outcome {
  if (rule !== undefined && 'public' in rule) {
    return 'permitted';
  }
  if (rule !== undefined && 'runtimeCapability' in rule) {
    return caller === 'runtime with it' ? 'permitted' : 'refused';
  }
  const persona = DEV_PERSONAS.find((p) => p.id === caller);
  if (persona === undefined || rule === undefined || !('permission' in rule) || !roleGrants(persona.role, rule.permission as Permission)) {
    return 'refused';
  }
  const onTeam = persona.teams.includes(team);
  return (scope === 'team' && isTeamScoped(persona.role) && !onTeam) || (scope === 'members' && !onTeam) ? 'refused' : 'permitted';
}

function outcomeOf(result: GraphQLResult<unknown>, accessCase: AccessCase): Outcome {
  const codes = (result.errors ?? []).map((e) => e.extensions?.code);
  if (codes.length > 0) {
    return codes.every((code) => code === 'UNAUTHENTICATED' || code === 'FORBIDDEN') ? 'refused' : `failed: ${result.errors?.map((e) => `${e.extensions?.code}: ${e.message}`).join('; ')}`;
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

describe('the access matrix: every operation × every role × own and other team, and every mutation on record', () => {
  // Every cell signs in or calls a sign-in route: the per-address sign-in limit would answer 429 instead.
  const t = useTestApi({ ROUNDHOUSE_SIGN_IN_RATE_LIMIT: '100000' });
  const context = {} as MatrixContext;
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
        tokens.set(team, cookie('ada').then(async (admin) => (await createToken(t.api, admin, { team, capabilities: ['ingest', 'dead_letters'] })).secret));
      }
      return tokens.get(team) as Promise<string>;
    };
    Object.assign(context, {
      api: t.api,
      db: t.db,
      cookie,
      asAdmin,
      shippedAutomation: (team: string) => SHIPPED[team] ?? '',
      async registerAutomation(team: string) {
        const slug = `matrix-${team}-${randomUUID().slice(0, 8)}`;
        await asAdmin(`mutation($input: AutomationInput!) { registerAutomation(input: $input) { slug } }`, { input: automationInput({ slug, owner: team }) });
        return slug;
      },
      async deadLetter(team: string) {
        const messageId = `matrix-${randomUUID()}`;
        const answer = await ingest(t.api, await tokenOf(team), [deadLetter(SHIPPED[team] ?? '', { messageId })]);
        const [row] = await t.db.query<{ id: string }>(`SELECT id::text AS id FROM dead_letter WHERE message_id = $1`, [messageId]);
        if (row === undefined) {
          throw new Error(`preparing a dead letter failed: ${JSON.stringify(answer.body)}`);
        }
        return row.id;
      },
    } satisfies MatrixContext);
  });

  it('has a case for every query and mutation in the schema, and no case for one that is gone', () => {
    const schema = t.api.app.get(GraphQLSchemaHost).schema;
    const operations = [
      ...Object.keys(schema.getQueryType()?.getFields() ?? {}).map((name) => `Query.${name}`),
      ...Object.keys(schema.getMutationType()?.getFields() ?? {}).map((name) => `Mutation.${name}`),
    ].sort();
    const covered = CASES.map((c) => c.operation).sort();
    expect(operations.filter((op) => !covered.includes(op)), 'operations without an access case').toEqual([]);
    expect(covered.filter((op) => !operations.includes(op)), 'access cases for operations not in the schema').toEqual([]);
    expect(covered.filter((op, index) => covered.indexOf(op) !== index), 'operations with two cases').toEqual([]);
  });

  it('has a case for every HTTP route', () => {
    const routes = [...rules.keys()].filter((op) => op.startsWith('HTTP ')).sort();
    const covered = ROUTE_CASES.map((c) => c.operation).sort();
    expect(routes.filter((op) => !covered.includes(op)), 'routes without an access case').toEqual([]);
    expect(covered.filter((op) => !routes.includes(op)), 'access cases for routes that are gone').toEqual([]);
  });

  it.each(ROUTE_CASES.map((c) => [c.operation, c] as const))('%s', async (operation, routeCase) => {
    const rule = rules.get(operation);
    expect(rule, `${operation} has no rule: declare @RequirePermission, @RequireRuntimeToken or @Public`).toBeDefined();
    const capability = rule !== undefined && 'runtimeCapability' in rule ? rule.runtimeCapability : 'ingest';
    const expected: string[] = [];
    const actual: string[] = [];
    for (const team of [OWN_TEAM, OTHER_TEAM]) {
      for (const caller of [...CALLERS, ...RUNTIMES]) {
        const prepared = routeCase.prepare === undefined ? {} : await routeCase.prepare(context, team);
        const credentials = await credentialsOf(caller, team, capability);
        const response = await routeCase.send(context, credentials, prepared, team);
        if (operation === 'HTTP AuthController.signOut' && (CALLERS as string[]).includes(caller) && caller !== 'anonymous') {
          cookies.delete(caller as Persona);
        }
        const outcome = await routeOutcomeOf(response, routeCase, prepared);
        const cell = `${caller.padEnd(15)} × ${team === OWN_TEAM ? 'own team  ' : 'other team'}`;
        expected.push(`${cell}: ${expectedOutcome(rule, caller, routeCase.scope, team)}`);
        actual.push(`${cell}: ${outcome}`);
      }
    }
    expect(actual).toEqual(expected);
  });

  async function auditEntries(): Promise<number> {
    return (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_entry`))[0]?.n ?? 0;
  }

  /** The headers a caller sends: a session cookie, a runtime token, or nothing. */
  async function credentialsOf(caller: Persona | 'anonymous' | Runtime, team: string, capability: string): Promise<Record<string, string>> {
    if (caller === 'anonymous') {
      return {};
    }
    if (caller === 'runtime with it' || caller === 'runtime without' || caller === 'other runtime') {
      const tokenTeam = caller === 'other runtime' ? (team === OWN_TEAM ? OTHER_TEAM : OWN_TEAM) : team;
      const capabilities = caller === 'runtime without' ? ALL_CAPABILITIES.filter((c) => c !== capability) : [capability];
      return { authorization: `Bearer ${await runtimeToken(tokenTeam, capabilities)}` };
    }
    const cookie = await context.cookie(caller);
    return { cookie, 'x-csrf-token': await t.api.csrfToken(cookie) };
  }

  const runtimeTokens = new Map<string, Promise<string>>();
  function runtimeToken(team: string, capabilities: string[]): Promise<string> {
    const key = `${team}:${capabilities.join(',')}`;
    if (!runtimeTokens.has(key)) {
      runtimeTokens.set(key, context.cookie('ada').then(async (admin) => (await createToken(t.api, admin, { team, capabilities })).secret));
    }
    return runtimeTokens.get(key) as Promise<string>;
  }

  it.each(CASES.map((c) => [c.operation, c] as const))('%s', async (operation, accessCase) => {
    const rule = rules.get(operation);
    expect(rule, `${operation} has no rule: declare @RequirePermission or @Public`).toBeDefined();
    const expected: string[] = [];
    const actual: string[] = [];
    for (const team of [OWN_TEAM, OTHER_TEAM]) {
      for (const caller of CALLERS) {
        const variables = accessCase.prepare === undefined ? {} : await accessCase.prepare(context, team);
        const cookie = caller === 'anonymous' ? undefined : await context.cookie(caller);
        const entriesBefore = await auditEntries();
        const result = await t.api.graphql(accessCase.document, variables, cookie);
        const outcome = outcomeOf(result, accessCase);
        const cell = `${caller.padEnd(9)} × ${team === OWN_TEAM ? 'own team  ' : 'other team'}`;
        // Every mutation carried out is on record in the audit trail; one refused leaves nothing there.
        const mutation = operation.startsWith('Mutation.');
        const wanted = expectedOutcome(rule, caller, accessCase.scope, team);
        expected.push(`${cell}: ${wanted}${mutation && wanted === 'permitted' ? ', audited' : ''}`);
        actual.push(`${cell}: ${outcome}${mutation && (await auditEntries()) > entriesBefore ? ', audited' : ''}`);
      }
    }
    expect(actual).toEqual(expected);
  });
});

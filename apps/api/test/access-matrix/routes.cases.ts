import { attempt, otlpRun, wholeAttempt } from '../telemetry.js';
import type { MatrixContext, RouteAccessCase } from './access-case.js';

function post(context: MatrixContext, path: string, credentials: Record<string, string>, body: unknown): Promise<Response> {
  return fetch(`${context.api.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...credentials }, body: JSON.stringify(body) });
}

function get(context: MatrixContext, path: string, credentials: Record<string, string>): Promise<Response> {
  return fetch(`${context.api.url}${path}`, { headers: credentials });
}

/** A reprocess command offered to SDK runtimes of `team`'s shipped automation, waiting to be claimed. */
async function offeredCommand(context: MatrixContext, team: string): Promise<Record<string, unknown>> {
  const deadLetter = await context.deadLetter(team);
  const slug = context.shippedAutomation(team);
  const [request] = await context.db.query<{ id: string }>(
    `INSERT INTO reprocess_request (action, requested_by, requested_by_name, reason, selection, automations, velocity, total)
     VALUES ('reprocess', 'ada', 'Ada Admin', 'access matrix', $2::jsonb, ARRAY[$1], 10, 1) RETURNING id::text AS id`,
    [slug, JSON.stringify({ kind: 'ids', ids: [deadLetter] })],
  );
  const [item] = await context.db.query<{ reprocess_id: string }>(
    `INSERT INTO reprocess_item (request_id, dead_letter_id, automation_slug, route, state, dispatched_at) VALUES ($1::bigint, $2::bigint, $3, 'sdk', 'dispatched', now()) RETURNING reprocess_id::text`,
    [request?.id, deadLetter, slug],
  );
  return { slug, reprocessId: item?.reprocess_id };
}

export const routeCases: RouteAccessCase[] = [
  {
    operation: 'HTTP IngestController.events',

    prepare: (context, team) => ({ slug: context.shippedAutomation(team) }),
    send: (context, credentials, prepared) => post(context, '/ingest/v1/events', credentials, attempt(String(prepared.slug)).slice(0, 1)),
    tookEffect: (body: { accepted: number }) => body.accepted === 1,
  },
  {
    operation: 'HTTP IngestController.eventsV2',
    prepare: (context, team) => ({ slug: context.shippedAutomation(team) }),
    send: (context, credentials, prepared) => post(context, '/ingest/v2/events', credentials, [wholeAttempt(String(prepared.slug))]),
    tookEffect: (body: { accepted: number }) => body.accepted === 1,
  },
  {
    operation: 'HTTP OtlpController.traces',

    prepare: (context, team) => ({ slug: context.shippedAutomation(team) }),
    send: (context, credentials, prepared) => post(context, '/v1/traces', credentials, otlpRun(String(prepared.slug))),
    // A whole success is an empty ExportTraceServiceResponse: no partial success to report.
    tookEffect: (body: { partialSuccess?: unknown }) => body.partialSuccess === undefined,
  },
  {
    operation: 'HTTP ReprocessCommandsController.claim',

    prepare: offeredCommand,
    send: (context, credentials, prepared) => post(context, '/ingest/v1/commands/claim', credentials, { max: 100, automations: [prepared.slug] }),
    tookEffect: (body: { commands: { reprocessId: string }[] }, prepared) => body.commands.some((c) => c.reprocessId === prepared.reprocessId),
  },
  {
    operation: 'HTTP ReprocessCommandsController.ack',

    prepare: offeredCommand,
    send: (context, credentials, prepared) => post(context, '/ingest/v1/commands/ack', credentials, { reprocessIds: [prepared.reprocessId] }),
    tookEffect: (body: { acknowledged: number }) => body.acknowledged === 1,
  },
  {
    operation: 'HTTP BackstageEntitiesController.entitiesYaml',
    prepare: (context, team) => ({ slug: context.shippedAutomation(team) }),
    send: (context, credentials) => get(context, '/catalog/backstage/entities.yaml', credentials),
    tookEffect: (body: string, prepared) => body.includes(`\n  name: ${String(prepared.slug)}\n`),
  },
  { operation: 'HTTP ProbesController.healthz', send: (context, credentials) => get(context, '/healthz', credentials) },
  { operation: 'HTTP ProbesController.readyz', send: (context, credentials) => get(context, '/readyz', credentials) },
  { operation: 'HTTP MetricsController.scrape', send: (context, credentials) => get(context, '/metrics', credentials) },
  { operation: 'HTTP AuthController.session', send: (context, credentials) => get(context, '/auth/session', credentials) },
  { operation: 'HTTP AuthController.devSignIn', send: (context, credentials) => post(context, '/auth/dev-sign-in', credentials, { persona: 'vera' }) },
  // A wrong password is answered 401 to everyone alike: the route is open, the credentials decide.
  {
    operation: 'HTTP AuthController.signIn',

    send: (context, credentials) => post(context, '/auth/sign-in', credentials, { username: 'nobody', password: 'not-a-password-at-all' }),
    answered: 401,
  },
  // Single sign-on is not configured on the matrix's api: open routes that answer 404 to everyone alike.
  { operation: 'HTTP OidcController.start', send: (context, credentials) => get(context, '/auth/oidc/start?returnTo=%2F', credentials), answered: 404 },
  { operation: 'HTTP OidcController.callback', send: (context, credentials) => get(context, '/auth/oidc/callback?code=x&state=y', credentials), answered: 404 },
  { operation: 'HTTP AuthController.signOut', send: (context, credentials) => post(context, '/auth/sign-out', credentials, {}) },
];

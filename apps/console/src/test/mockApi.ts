import type { DocumentTypeDecoration, ResultOf, VariablesOf } from '@graphql-typed-document-node/core';
import { graphql, http, HttpResponse, type RequestHandler } from 'msw';
import * as documents from '@/gql/graphql';
import type { Role } from '@/gql/graphql';
import { server } from './server';

/*
 * The fake api of the console's tests, as MSW handlers: GraphQL operations answered by name, typed from
 * the generated documents in src/gql (a new operation is mockable as soon as codegen wrote it), and the
 * cookie-session REST routes. Everything between the components and the network, fetch included, is the
 * real code. A request no handler answers errors (setup.ts: `onUnhandledRequest: 'error'`).
 */

type Documents = typeof documents;

/** The console's operations by name (`Automation` for `AutomationDocument`), each with its generated document. */
type OperationDocuments = {
  [K in keyof Documents as K extends `${infer Name}Document` ? (Documents[K] extends DocumentTypeDecoration<infer _Result, infer _Variables> ? Name : never) : never]: Documents[K];
};

export type OperationName = keyof OperationDocuments;
type Data<K extends OperationName> = ResultOf<OperationDocuments[K]>;
type Variables<K extends OperationName> = VariablesOf<OperationDocuments[K]>;

export interface GraphqlErrorBody {
  message: string;
  extensions: { code: string; fields?: { path: string | (string | number)[]; message: string; found?: unknown; allowed?: unknown }[] };
}

type Reply<K extends OperationName> = { data: Data<K> } | { errors: GraphqlErrorBody[] };

export type Handlers = { [K in OperationName]?: (variables: Variables<K>) => Reply<K> | Promise<Reply<K>> };

export interface SessionReply {
  user: { id: string; name: string; role: string; teams: string[] } | null;
  /** Shorthand for `methods.devSignIn`. */
  devSignIn?: boolean;
  /** Unset: dev sign-in only, as `devSignIn` says. */
  methods?: { local: boolean; devSignIn: boolean; oidc: boolean; singleSignOn?: { name: string; start: string } | null };
  personas?: { id: string; name: string; role: string; teams: string[] }[];
  /** Why the last sign-in with the identity provider was refused. */
  problem?: string;
  /** Signed in with the identity provider: sign-out answers 200 with this end-session address. */
  endSessionUrl?: string;
}

/** The session's CSRF token the fake api hands out with a signed-in session. */
export const CSRF_TOKEN = 'csrf-token-of-this-session';

/** A local account the fake api's POST /auth/sign-in accepts. */
export interface MockAccount {
  username: string;
  password: string;
  user: NonNullable<SessionReply['user']>;
}

/** A POST the console sent, with the CSRF token it carried (null: none). */
export interface RecordedPost {
  path: string;
  csrfToken: string | null;
}

export interface RecordedOperation {
  operationName: string;
  variables: Record<string, unknown>;
}

export const OMAR = { id: 'omar', name: 'Omar Haddad', role: 'owner', teams: ['finance-ops'] };

/** The text of an operation's generated document (whether it is a query or a mutation). */
function textOf(name: OperationName): string {
  const exported: unknown = (documents as Record<string, unknown>)[`${name}Document`];
  return String(exported);
}

/**
 * A typed MSW handler for one of the console's operations: `operation('Automation', ({ slug }) => ({ data: … }))`.
 * Query or mutation is read from the generated document, and so are the types of the variables and the reply.
 */
export function operation<K extends OperationName>(
  name: K,
  resolve: (variables: Variables<K>) => Reply<K> | Promise<Reply<K>>,
  record?: (operation: RecordedOperation) => void,
): RequestHandler {
  const handle = /^\s*mutation\b/.test(textOf(name)) ? graphql.mutation : graphql.query;
  // Matched by operation name: codegen names each document after its operation (`Automation` → AutomationDocument).
  return handle<Data<K>, Variables<K>>(name, async ({ operationName, variables }) => {
    record?.({ operationName, variables });
    return HttpResponse.json(await resolve(variables));
  });
}

const ROLES: readonly Role[] = ['admin', 'operator', 'owner', 'viewer'];

/**
 * What pages ask whatever the test is about, answered as a quiet api would: the shell's Approvals count, who is
 * signed in (`Viewer`, the session's person, allowed what their role allows), whether figures come from a lagging
 * replica (`DataFreshness`: no), and dead letters about to expire (`RetentionWarnings`: none). A test about one of
 * them passes its own handler, which wins.
 */
function defaultHandlers(signedIn: () => SessionReply['user']): Handlers {
  return {
    Approvals: () => ({ data: { approvals: { waitingForYou: 0, reprocessRequests: [], automationChanges: [] } } }),
    Viewer: () => {
      const user = signedIn();
      if (user === null) {
        return graphqlError('UNAUTHENTICATED', 'Sign in first.');
      }
      const { id, name, role, teams } = user;
      const known = ROLES.find((candidate) => candidate === role) ?? 'viewer';
      return { data: { viewer: { id, name, role: known, teams, canRegister: known === 'owner' || known === 'admin' } } };
    },
    DataFreshness: () => ({ data: { dataFreshness: { fromReplica: false, behindSeconds: 0, asOf: null, lagging: false } } }),
    RetentionWarnings: () => ({ data: { deadLetterRetentionWarnings: [] } }),
  };
}

/**
 * Starts the fake api for one test: the GraphQL operations in `handlers`, and the session routes (signed in as
 * Omar unless `session` says otherwise). Returns what the console sent, in order.
 */
export function mockApi(handlers: Handlers, options: { session?: SessionReply; onSignIn?: (persona: string) => void; accounts?: MockAccount[] } = {}) {
  let session: SessionReply = options.session ?? { user: OMAR };
  const operations: RecordedOperation[] = [];
  const posts: RecordedPost[] = [];

  const answers: Handlers = { ...defaultHandlers(() => session.user), ...handlers };
  const graphqlHandlers = (Object.keys(answers) as OperationName[]).map((name) =>
    operation(name, answers[name] as (variables: Variables<typeof name>) => Reply<typeof name>, (sent) => operations.push(sent)),
  );
  server.use(
    ...graphqlHandlers,
    http.get('/auth/session', () => {
      const { devSignIn, methods, endSessionUrl: _endSessionUrl, ...rest } = session;
      return HttpResponse.json({ ...rest, csrfToken: session.user === null ? null : CSRF_TOKEN, methods: methods ?? { local: false, devSignIn: devSignIn === true, oidc: false } });
    }),
    http.post<never, { username: string; password: string }>('/auth/sign-in', async ({ request }) => {
      const { username, password } = await request.json();
      const account = options.accounts?.find((candidate) => candidate.username === username && candidate.password === password);
      if (account === undefined) {
        return HttpResponse.json({ error: { code: 'UNAUTHENTICATED', message: 'The username or password is wrong.' } }, { status: 401 });
      }
      session = { user: account.user };
      return new HttpResponse(null, { status: 204 });
    }),
    http.post<never, { persona: string }>('/auth/dev-sign-in', async ({ request }) => {
      const { persona } = await request.json();
      const chosen = session.personas?.find((candidate) => candidate.id === persona);
      options.onSignIn?.(persona);
      session = { user: chosen ?? null };
      return new HttpResponse(null, { status: 204 });
    }),
    http.post('/auth/sign-out', () => {
      const redirectTo = session.endSessionUrl;
      session = { user: null, devSignIn: true, personas: [OMAR] };
      return redirectTo === undefined ? new HttpResponse(null, { status: 204 }) : HttpResponse.json({ redirectTo });
    }),
  );
  // Every POST as it leaves, answered or not (setup.ts removes the listener after the test).
  server.events.on('request:start', ({ request }) => {
    if (request.method === 'POST') {
      posts.push({ path: new URL(request.url).pathname, csrfToken: request.headers.get('x-csrf-token') });
    }
  });

  return {
    /** The GraphQL operations answered, in order. */
    operations,
    /** Every POST sent, in order, with its CSRF token. */
    posts,
    calls: (name: OperationName) => operations.filter((sent) => sent.operationName === name),
  };
}

export function graphqlError(code: string, message: string, fields?: GraphqlErrorBody['extensions']['fields']): { errors: GraphqlErrorBody[] } {
  return { errors: [{ message, extensions: fields ? { code, fields } : { code } }] };
}

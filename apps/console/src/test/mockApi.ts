import { vi } from 'vitest';
import type {
  AcknowledgeAlertMutation,
  AcknowledgeAlertMutationVariables,
  ApprovalsQuery,
  AutomationPendingChangeQuery,
  AutomationPendingChangeQueryVariables,
  ApproveAutomationChangeMutation,
  ApproveAutomationChangeMutationVariables,
  ApproveReprocessMutation,
  ApproveReprocessMutationVariables,
  RejectAutomationChangeMutation,
  RejectAutomationChangeMutationVariables,
  RejectReprocessMutation,
  RejectReprocessMutationVariables,
  AlertsQuery,
  AlertsQueryVariables,
  ArchiveAutomationMutation,
  AuditEntriesQuery,
  AuditEntriesQueryVariables,
  AuditActionsQuery,
  ArchiveAutomationMutationVariables,
  AutomationHealthQuery,
  AutomationHealthQueryVariables,
  AutomationKpisQuery,
  AutomationKpisQueryVariables,
  AutomationOptionsQuery,
  AutomationOptionsQueryVariables,
  AutomationQuery,
  AutomationQueryVariables,
  AutomationSlosQuery,
  AutomationSlosQueryVariables,
  CatalogAutomationsQuery,
  CatalogAutomationsQueryVariables,
  CancelReprocessMutation,
  CancelReprocessMutationVariables,
  ContinueReprocessCanaryMutation,
  ContinueReprocessCanaryMutationVariables,
  CatalogFacetsQuery,
  CreateRuntimeTokenMutation,
  CreateRuntimeTokenMutationVariables,
  DashboardQuery,
  DashboardQueryVariables,
  DashboardsQuery,
  DataFreshnessQuery,
  DeadLetterGroupsQuery,
  DeadLetterGroupsQueryVariables,
  DeadLetterQuery,
  DeadLetterQueryVariables,
  DeadLettersQuery,
  DeadLettersQueryVariables,
  ExportAutomationQuery,
  ExportAutomationQueryVariables,
  PauseReprocessMutation,
  PauseReprocessMutationVariables,
  QuarantineQuery,
  QuarantineQueryVariables,
  RegisterAutomationMutation,
  RegisterAutomationMutationVariables,
  ReprocessPreviewQuery,
  ReprocessPreviewQueryVariables,
  ReprocessRequestQuery,
  ReprocessRequestQueryVariables,
  ReprocessRequestsQuery,
  ReprocessRequestsQueryVariables,
  ResumeReprocessMutation,
  RetentionWarningsQuery,
  RetentionWarningsQueryVariables,
  ResumeReprocessMutationVariables,
  RevokeRuntimeTokenMutation,
  RevokeRuntimeTokenMutationVariables,
  RotateRuntimeTokenMutation,
  RotateRuntimeTokenMutationVariables,
  RunsQuery,
  RunsQueryVariables,
  RuntimeTokensQuery,
  RuntimeTokensQueryVariables,
  StartReprocessMutation,
  StartReprocessMutationVariables,
  TeamsQuery,
  TeamTreeQuery,
  TrailQuery,
  TrailQueryVariables,
  UpdateAutomationMutation,
  UpdateAutomationMutationVariables,
  ViewerQuery,
} from '@/gql/graphql';

/** The console's operations, by operation name, with the types codegen gave them. */
interface Operations {
  Viewer: { variables: Record<string, never>; data: ViewerQuery };
  Teams: { variables: Record<string, never>; data: TeamsQuery };
  TeamTree: { variables: Record<string, never>; data: TeamTreeQuery };
  CatalogFacets: { variables: Record<string, never>; data: CatalogFacetsQuery };
  CatalogAutomations: { variables: CatalogAutomationsQueryVariables; data: CatalogAutomationsQuery };
  Automation: { variables: AutomationQueryVariables; data: AutomationQuery };
  ExportAutomation: { variables: ExportAutomationQueryVariables; data: ExportAutomationQuery };
  RegisterAutomation: { variables: RegisterAutomationMutationVariables; data: RegisterAutomationMutation };
  UpdateAutomation: { variables: UpdateAutomationMutationVariables; data: UpdateAutomationMutation };
  ArchiveAutomation: { variables: ArchiveAutomationMutationVariables; data: ArchiveAutomationMutation };
  AutomationOptions: { variables: AutomationOptionsQueryVariables; data: AutomationOptionsQuery };
  AutomationHealth: { variables: AutomationHealthQueryVariables; data: AutomationHealthQuery };
  Runs: { variables: RunsQueryVariables; data: RunsQuery };
  Trail: { variables: TrailQueryVariables; data: TrailQuery };
  Quarantine: { variables: QuarantineQueryVariables; data: QuarantineQuery };
  RuntimeTokens: { variables: RuntimeTokensQueryVariables; data: RuntimeTokensQuery };
  CreateRuntimeToken: { variables: CreateRuntimeTokenMutationVariables; data: CreateRuntimeTokenMutation };
  RevokeRuntimeToken: { variables: RevokeRuntimeTokenMutationVariables; data: RevokeRuntimeTokenMutation };
  RotateRuntimeToken: { variables: RotateRuntimeTokenMutationVariables; data: RotateRuntimeTokenMutation };
  DeadLetterGroups: { variables: DeadLetterGroupsQueryVariables; data: DeadLetterGroupsQuery };
  DeadLetters: { variables: DeadLettersQueryVariables; data: DeadLettersQuery };
  DeadLetter: { variables: DeadLetterQueryVariables; data: DeadLetterQuery };
  RetentionWarnings: { variables: RetentionWarningsQueryVariables; data: RetentionWarningsQuery };
  ReprocessPreview: { variables: ReprocessPreviewQueryVariables; data: ReprocessPreviewQuery };
  StartReprocess: { variables: StartReprocessMutationVariables; data: StartReprocessMutation };
  PauseReprocess: { variables: PauseReprocessMutationVariables; data: PauseReprocessMutation };
  ResumeReprocess: { variables: ResumeReprocessMutationVariables; data: ResumeReprocessMutation };
  CancelReprocess: { variables: CancelReprocessMutationVariables; data: CancelReprocessMutation };
  ContinueReprocessCanary: { variables: ContinueReprocessCanaryMutationVariables; data: ContinueReprocessCanaryMutation };
  ReprocessRequest: { variables: ReprocessRequestQueryVariables; data: ReprocessRequestQuery };
  ReprocessRequests: { variables: ReprocessRequestsQueryVariables; data: ReprocessRequestsQuery };
  AuditEntries: { variables: AuditEntriesQueryVariables; data: AuditEntriesQuery };
  AuditActions: { variables: Record<string, never>; data: AuditActionsQuery };
  Dashboards: { variables: Record<string, never>; data: DashboardsQuery };
  Dashboard: { variables: DashboardQueryVariables; data: DashboardQuery };
  DataFreshness: { variables: Record<string, never>; data: DataFreshnessQuery };
  AutomationKpis: { variables: AutomationKpisQueryVariables; data: AutomationKpisQuery };
  AutomationSlos: { variables: AutomationSlosQueryVariables; data: AutomationSlosQuery };
  Alerts: { variables: AlertsQueryVariables; data: AlertsQuery };
  AcknowledgeAlert: { variables: AcknowledgeAlertMutationVariables; data: AcknowledgeAlertMutation };
  Approvals: { variables: Record<string, never>; data: ApprovalsQuery };
  AutomationPendingChange: { variables: AutomationPendingChangeQueryVariables; data: AutomationPendingChangeQuery };
  ApproveReprocess: { variables: ApproveReprocessMutationVariables; data: ApproveReprocessMutation };
  RejectReprocess: { variables: RejectReprocessMutationVariables; data: RejectReprocessMutation };
  ApproveAutomationChange: { variables: ApproveAutomationChangeMutationVariables; data: ApproveAutomationChangeMutation };
  RejectAutomationChange: { variables: RejectAutomationChangeMutationVariables; data: RejectAutomationChangeMutation };
}

export type OperationName = keyof Operations;

export interface GraphqlErrorBody {
  message: string;
  extensions: { code: string; fields?: { path: string | (string | number)[]; message: string; found?: unknown; allowed?: unknown }[] };
}

type Reply<K extends OperationName> = { data: Operations[K]['data'] } | { errors: GraphqlErrorBody[] };

export type Handlers = { [K in OperationName]?: (variables: Operations[K]['variables']) => Reply<K> | Promise<Reply<K>> };

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

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function isOperationName(name: string, handlers: Handlers): name is OperationName {
  return Object.hasOwn(handlers, name);
}

/**
 * Replaces fetch, the console's only edge, with a fake api: GraphQL operations answered by name, and
 * the cookie-session REST routes. Everything between the components and fetch is the real code.
 */
export function mockApi(handlers: Handlers, options: { session?: SessionReply; onSignIn?: (persona: string) => void; accounts?: MockAccount[] } = {}) {
  let session: SessionReply = options.session ?? { user: OMAR };
  const operations: RecordedOperation[] = [];
  const posts: RecordedPost[] = [];

  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const path = new URL(url, 'http://console.test').pathname;
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;

    if (init?.method === 'POST') {
      posts.push({ path, csrfToken: new Headers(init.headers).get('x-csrf-token') });
    }
    if (path === '/auth/session') {
      const { devSignIn, methods, endSessionUrl: _endSessionUrl, ...rest } = session;
      return json({ ...rest, csrfToken: session.user === null ? null : CSRF_TOKEN, methods: methods ?? { local: false, devSignIn: devSignIn === true, oidc: false } });
    }
    if (path === '/auth/sign-in') {
      const { username, password } = body as { username: string; password: string };
      const account = options.accounts?.find((candidate) => candidate.username === username && candidate.password === password);
      if (account === undefined) {
        return json({ error: { code: 'UNAUTHENTICATED', message: 'The username or password is wrong.' } }, 401);
      }
      session = { user: account.user };
      return new Response(null, { status: 204 });
    }
    if (path === '/auth/dev-sign-in') {
      const persona = (body as { persona: string }).persona;
      const chosen = session.personas?.find((candidate) => candidate.id === persona);
      options.onSignIn?.(persona);
      session = { user: chosen ?? null };
      return new Response(null, { status: 204 });
    }
    if (path === '/auth/sign-out') {
      const redirectTo = session.endSessionUrl;
      session = { user: null, devSignIn: true, personas: [OMAR] };
      return redirectTo === undefined ? new Response(null, { status: 204 }) : json({ redirectTo });
    }
    if (path === '/graphql') {
      const { operationName, variables } = body as RecordedOperation;
      operations.push({ operationName, variables });
      if (!isOperationName(operationName, handlers)) {
        return json({ errors: [{ message: `No mock for ${operationName}`, extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      }
      const handler = handlers[operationName] as (variables: Record<string, unknown>) => Reply<OperationName> | Promise<Reply<OperationName>>;
      return json(await handler(variables));
    }
    return json({ message: 'not found' }, 404);
  });

  vi.stubGlobal('fetch', fetchMock);
  return {
    fetchMock,
    /** The GraphQL operations sent, in order. */
    operations,
    /** Every POST sent, in order, with its CSRF token. */
    posts,
    calls: (name: OperationName) => operations.filter((operation) => operation.operationName === name),
  };
}

export function graphqlError(code: string, message: string, fields?: GraphqlErrorBody['extensions']['fields']): { errors: GraphqlErrorBody[] } {
  return { errors: [{ message, extensions: fields ? { code, fields } : { code } }] };
}

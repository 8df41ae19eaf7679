import type { Role } from '@/gql/graphql';
import { ROLE_LABELS, isOneOf } from '@/shared/format/labels';
import { ApiError, type ApiErrorCode, isApiErrorCode } from '@/shared/graphql/ApiError';

/*
 * The cookie-session REST routes (not GraphQL, so not generated): GET /auth/session,
 * POST /auth/sign-in, POST /auth/dev-sign-in, POST /auth/sign-out, and the single sign-on start
 * (a page the browser goes to, GET /auth/oidc/start). Bodies are checked here, at the edge.
 */

export interface SessionUser {
  id: string;
  name: string;
  role: Role;
  teams: string[];
}

/** Someone you can sign in as when dev sign-in is on. */
export interface Persona {
  /** What POST /auth/dev-sign-in expects as `persona`, e.g. "ada". */
  id: string;
  name: string;
  role: Role | null;
  teams: string[];
  /** What the persona is for, e.g. "Owns the finance-ops automations." */
  description: string | null;
}

/** The ways this server offers to sign in. */
export interface SignInMethods {
  /** Local accounts: a username and password. */
  local: boolean;
  /** The dev personas (never in production). */
  devSignIn: boolean;
  /** Single sign-on by bearer token: the identity provider signs people in at the proxy in front of Roundhouse. */
  oidc: boolean;
  /** Single sign-on in the browser: a "Sign in with <name>" button that goes to `start` (with `?returnTo=`). */
  singleSignOn: { name: string; start: string } | null;
}

export type Session = { signedIn: true; user: SessionUser; csrfToken: string | null } | { signedIn: false; methods: SignInMethods; personas: Persona[]; problem: string | null };

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringList(value: unknown): string[] {
  if (Array.isArray(value)) {
    return value.filter((item): item is string => typeof item === 'string');
  }
  return typeof value === 'string' ? [value] : [];
}

function parseUser(raw: JsonObject): SessionUser {
  const role = typeof raw.role === 'string' ? raw.role : '';
  if (typeof raw.id !== 'string' || !isOneOf(ROLE_LABELS, role)) {
    throw new ApiError({ code: 'UNEXPECTED_RESPONSE', message: 'The session response has a user without an id or a known role.' });
  }
  return { id: raw.id, name: typeof raw.name === 'string' ? raw.name : raw.id, role, teams: stringList(raw.teams) };
}

function parsePersona(raw: unknown): Persona | undefined {
  if (typeof raw === 'string') {
    return { id: raw, name: raw, role: null, teams: [], description: null };
  }
  if (!isObject(raw)) {
    return undefined;
  }
  const id = [raw.id, raw.persona, raw.key].find((value): value is string => typeof value === 'string');
  if (id === undefined) {
    return undefined;
  }
  const role = typeof raw.role === 'string' && isOneOf(ROLE_LABELS, raw.role) ? raw.role : null;
  return {
    id,
    name: typeof raw.name === 'string' ? raw.name : id,
    role,
    teams: stringList(raw.teams ?? raw.team),
    description: typeof raw.description === 'string' ? raw.description : null,
  };
}

export function parseSession(body: unknown): Session {
  if (!isObject(body)) {
    throw new ApiError({ code: 'UNEXPECTED_RESPONSE', message: 'The session response is not a JSON object.' });
  }
  if (isObject(body.user)) {
    return { signedIn: true, user: parseUser(body.user), csrfToken: typeof body.csrfToken === 'string' ? body.csrfToken : null };
  }
  const personas = Array.isArray(body.personas) ? body.personas.map(parsePersona).filter((p) => p !== undefined) : [];
  const methods = isObject(body.methods) ? body.methods : {};
  return {
    signedIn: false,
    methods: { local: methods.local === true, devSignIn: methods.devSignIn === true, oidc: methods.oidc === true, singleSignOn: parseSingleSignOn(methods.singleSignOn) },
    personas,
    problem: typeof body.problem === 'string' && body.problem !== '' ? body.problem : null,
  };
}

function parseSingleSignOn(raw: unknown): SignInMethods['singleSignOn'] {
  if (!isObject(raw) || typeof raw.name !== 'string' || typeof raw.start !== 'string' || !raw.start.startsWith('/') || raw.start.startsWith('//')) {
    return null;
  }
  return { name: raw.name, start: raw.start };
}

const STATUS_CODES: Partial<Record<number, ApiErrorCode>> = { 400: 'BAD_USER_INPUT', 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND' };

/** fetch, with network failures and error statuses turned into ApiErrors. */
export async function authFetch(path: string, init: RequestInit = {}): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'include', ...init });
  } catch (cause) {
    throw new ApiError({ code: 'NETWORK', message: cause instanceof Error ? cause.message : 'The request failed.' });
  }
  if (response.ok) {
    return response;
  }
  // The api answers errors as { error: { code, message, fields } }.
  let code: ApiErrorCode = STATUS_CODES[response.status] ?? 'UNEXPECTED_RESPONSE';
  let message = `${path} answered ${response.status} ${response.statusText}`.trim();
  try {
    const body: unknown = await response.json();
    const error = isObject(body) && isObject(body.error) ? body.error : undefined;
    if (typeof error?.message === 'string') {
      message = error.message;
    }
    if (typeof error?.code === 'string' && isApiErrorCode(error.code)) {
      code = error.code;
    }
  } catch {
    // No JSON body: keep the status line.
  }
  throw new ApiError({ code, message, status: response.status });
}

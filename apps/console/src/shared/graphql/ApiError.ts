/**
 * The error codes the api puts in a GraphQL error's `extensions.code`, plus two of our own for
 * failures that never reached a resolver: NETWORK (no response) and UNEXPECTED_RESPONSE.
 */
export const API_ERROR_CODES = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'FILE_MANAGED',
  'UNAUTHENTICATED',
  'INTERNAL_SERVER_ERROR',
  'NETWORK',
  'UNEXPECTED_RESPONSE',
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** One problem with one input field, as the api reports it for BAD_USER_INPUT. */
export interface ApiFieldError {
  /** Where in the input, e.g. `kpis[0].baseline.note` or `slug`. */
  path: string;
  message: string;
  /** The value the api found, when it says. */
  found?: string;
  /** What would have been accepted, when it says. */
  allowed?: string;
}

export interface ApiErrorInit {
  code: ApiErrorCode;
  message: string;
  fields?: readonly ApiFieldError[];
  status?: number;
  /** The code exactly as the server sent it, when it is one we do not know. */
  rawCode?: string;
}

/** Everything the console's data layer throws: one class, switch on `code`. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly fields: readonly ApiFieldError[];
  readonly status: number | undefined;
  readonly rawCode: string | undefined;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.name = 'ApiError';
    this.code = init.code;
    this.fields = init.fields ?? [];
    this.status = init.status;
    this.rawCode = init.rawCode;
  }
}

export function isApiErrorCode(code: string): code is ApiErrorCode {
  return (API_ERROR_CODES as readonly string[]).includes(code);
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export function hasErrorCode(error: unknown, code: ApiErrorCode): boolean {
  return isApiError(error) && error.code === code;
}

/** Errors that will not go away by asking again. */
export function isPermanentError(error: unknown): boolean {
  if (!isApiError(error)) {
    return false;
  }
  switch (error.code) {
    case 'BAD_USER_INPUT':
    case 'NOT_FOUND':
    case 'CONFLICT':
    case 'FORBIDDEN':
    case 'FILE_MANAGED':
    case 'UNAUTHENTICATED':
      return true;
    case 'INTERNAL_SERVER_ERROR':
    case 'NETWORK':
    case 'UNEXPECTED_RESPONSE':
      return false;
  }
}

/** A sentence for people: what went wrong, without stack traces or codes. */
export function describeError(error: unknown): string {
  if (!isApiError(error)) {
    return error instanceof Error ? error.message : 'Something went wrong.';
  }
  switch (error.code) {
    case 'NETWORK':
      return 'The Roundhouse api could not be reached. Check your connection and try again.';
    case 'UNEXPECTED_RESPONSE':
    case 'INTERNAL_SERVER_ERROR':
      return error.message || 'The Roundhouse api failed to answer.';
    case 'UNAUTHENTICATED':
      return 'Your session has ended. Sign in again.';
    case 'BAD_USER_INPUT':
    case 'NOT_FOUND':
    case 'CONFLICT':
    case 'FORBIDDEN':
    case 'FILE_MANAGED':
      return error.message;
  }
}

import type { TypedDocumentString } from '@/gql/graphql';
import { ApiError } from './ApiError';
import { csrfHeaders } from './csrfToken';
import { parseGraphqlErrors } from './parseGraphqlErrors';

export const GRAPHQL_ENDPOINT = '/graphql';

const OPERATION_NAME = /\b(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/;

interface GraphqlResponseBody {
  data?: unknown;
  errors?: unknown;
}

function isResponseBody(value: unknown): value is GraphqlResponseBody {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function readBody(response: Response): Promise<GraphqlResponseBody> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new ApiError({
      code: response.status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'UNEXPECTED_RESPONSE',
      message: `The api answered ${response.status} ${response.statusText} without a GraphQL response.`,
      status: response.status,
    });
  }
  if (!isResponseBody(body)) {
    throw new ApiError({ code: 'UNEXPECTED_RESPONSE', message: 'The api answered with something that is not GraphQL.', status: response.status });
  }
  return body;
}

/**
 * Sends one typed operation to the api (POST /graphql, session cookie and its CSRF token included) and returns its
 * data, or throws an ApiError carrying the GraphQL error's `extensions.code` and field problems.
 */
export async function graphqlRequest<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  ...[variables]: TVariables extends Record<string, never> ? [] : [TVariables]
): Promise<TResult> {
  const query = document.toString();
  let response: Response;
  try {
    response = await fetch(GRAPHQL_ENDPOINT, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...csrfHeaders() },
      body: JSON.stringify({ query, variables: variables ?? {}, operationName: OPERATION_NAME.exec(query)?.[1] }),
    });
  } catch (cause) {
    throw new ApiError({ code: 'NETWORK', message: cause instanceof Error ? cause.message : 'The request failed.' });
  }

  const body = await readBody(response);
  if (Array.isArray(body.errors) && body.errors.length > 0) {
    throw parseGraphqlErrors(body.errors, response.status);
  }
  if (body.data === undefined || body.data === null) {
    throw new ApiError({ code: 'UNEXPECTED_RESPONSE', message: 'The api answered without data.', status: response.status });
  }
  // The server validated the response against the same schema the document was typed from.
  return body.data as TResult;
}

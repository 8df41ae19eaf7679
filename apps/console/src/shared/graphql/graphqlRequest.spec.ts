import { describe, expect, it, vi } from 'vitest';
import { ViewerDocument } from '@/gql/graphql';
import { ApiError } from './ApiError';
import { graphqlRequest } from './graphqlRequest';

function respond(body: unknown, status = 200) {
  const fetchMock = vi.fn((_url: string, _init: RequestInit) =>
    Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

async function failure(): Promise<ApiError> {
  const error: unknown = await graphqlRequest(ViewerDocument).catch((caught: unknown) => caught);
  if (!(error instanceof ApiError)) {
    throw new Error('expected an ApiError');
  }
  return error;
}

describe(graphqlRequest.name, () => {
  it('posts the operation as JSON with the session cookie and returns its data', async () => {
    const viewer = { id: 'ada', name: 'Ada', role: 'admin', teams: [], canRegister: true };
    const fetchMock = respond({ data: { viewer } });

    await expect(graphqlRequest(ViewerDocument)).resolves.toEqual({ viewer });

    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/graphql');
    expect(init?.method).toBe('POST');
    expect(init?.credentials).toBe('include');
    expect(typeof init?.body === 'string' ? JSON.parse(init.body) : undefined).toMatchObject({ operationName: 'Viewer', variables: {} });
  });

  it('turns BAD_USER_INPUT into an ApiError with the field problems, whatever the path notation', async () => {
    respond({
      data: null,
      errors: [
        {
          message: 'Invalid automation',
          extensions: {
            code: 'BAD_USER_INPUT',
            fields: [
              { path: 'kpis[0].baseline.note', message: 'Required', found: '', allowed: 'a sentence' },
              { path: ['slos', 1, 'threshold'], message: 'a duration', found: 15, allowed: ['15m', '1h'] },
            ],
          },
        },
      ],
    });

    const error = await failure();
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe('Invalid automation');
    expect(error.fields).toEqual([
      { path: 'kpis[0].baseline.note', message: 'Required', found: '', allowed: 'a sentence' },
      { path: 'slos[1].threshold', message: 'a duration', found: '15', allowed: '15m, 1h' },
    ]);
  });

  it('keeps codes it does not know, and reports a network failure as NETWORK', async () => {
    respond({ errors: [{ message: 'Cannot query field', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] }, 400);
    const unknown = await failure();
    expect(unknown.code).toBe('UNEXPECTED_RESPONSE');
    expect(unknown.rawCode).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(unknown.status).toBe(400);

    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    );
    expect((await failure()).code).toBe('NETWORK');
  });
});

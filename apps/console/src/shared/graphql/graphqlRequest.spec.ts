import { http, HttpResponse, type JsonBodyType } from 'msw';
import { describe, expect, it } from 'vitest';
import { ViewerDocument } from '@/gql/graphql';
import { server } from '@/test/server';
import { ApiError } from './ApiError';
import { graphqlRequest } from './graphqlRequest';

/** The api answers every POST /graphql with `body`; returns the requests it received. */
function respond(body: JsonBodyType, status = 200): Request[] {
  const received: Request[] = [];
  server.use(
    http.post('/graphql', ({ request }) => {
      received.push(request.clone());
      return HttpResponse.json(body, { status });
    }),
  );
  return received;
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
    const received = respond({ data: { viewer } });

    await expect(graphqlRequest(ViewerDocument)).resolves.toEqual({ viewer });

    const [request] = received;
    expect(request?.url).toBe(new URL('/graphql', window.location.href).href);
    expect(request?.method).toBe('POST');
    expect(request?.credentials).toBe('include');
    expect(request?.headers.get('content-type')).toBe('application/json');
    expect(await request?.json()).toMatchObject({ operationName: 'Viewer', variables: {} });
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

    server.use(http.post('/graphql', () => HttpResponse.error()));
    expect((await failure()).code).toBe('NETWORK');
  });
});

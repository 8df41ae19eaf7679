// The benchmarks' HTTP side: POSTs over keep-alive connections and a signed-in dev session
// (cookie and CSRF token, as the console sends them).
import http from 'node:http';

const REQUEST_TIMEOUT_MS = 120_000;

function send(agent, baseUrl, path, method, headers, body) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${baseUrl}${path}`,
      { method, agent, headers: { 'content-type': 'application/json', ...headers, ...(body === undefined ? {} : { 'content-length': body.length }) } },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error(`no answer from ${path} within ${REQUEST_TIMEOUT_MS / 1000} s`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** One POST of `body` (a Buffer) over `agent`; answers status, headers and the body as a Buffer. JSON unless `headers` say otherwise. */
export function post(agent, baseUrl, path, headers, body) {
  return send(agent, baseUrl, path, 'POST', headers, body);
}

/**
 * Signs in as a dev persona over keep-alive connections (`maxSockets` of them). Answers `post` with
 * the session's cookie and CSRF token, `graphql` that throws on any error, and `close`.
 */
export async function devSession(baseUrl, persona, { maxSockets = 1 } = {}) {
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  const signIn = await post(agent, baseUrl, '/auth/dev-sign-in', {}, Buffer.from(JSON.stringify({ persona })));
  const cookie = [signIn.headers['set-cookie'] ?? []]
    .flat()
    .find((c) => c.startsWith('rh_session='))
    ?.split(';')[0];
  if (signIn.status !== 204 || cookie === undefined) {
    throw new Error(`dev sign-in as ${persona} answered ${signIn.status}: ${signIn.body.toString('utf8')}`);
  }
  const session = await send(agent, baseUrl, '/auth/session', 'GET', { cookie });
  const headers = { cookie, 'x-csrf-token': JSON.parse(session.body.toString('utf8')).csrfToken };
  const postWithSession = (path, body) => post(agent, baseUrl, path, headers, body);
  return {
    post: postWithSession,
    async graphql(query, variables = {}) {
      const res = await postWithSession('/graphql', Buffer.from(JSON.stringify({ query, variables })));
      const parsed = JSON.parse(res.body.toString('utf8'));
      if (res.status !== 200 || parsed.errors !== undefined || parsed.data === null || parsed.data === undefined) {
        throw new Error(`GraphQL answered ${res.status}: ${res.body.toString('utf8').slice(0, 2000)}`);
      }
      return parsed.data;
    },
    close: () => agent.destroy(),
  };
}

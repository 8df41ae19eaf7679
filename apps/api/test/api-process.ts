import { spawn, type ChildProcess, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';

const MAIN = path.resolve(import.meta.dirname, '../dist/main.js');

/** Starts the built api (`dist/main.js`) as its own process; resolves once it listens. */
export function startApiProcess(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, LOG_LEVEL: 'warn', ROUNDHOUSE_JOBS: 'false', ROUNDHOUSE_CONSOLE_DIR: '/nonexistent', ROUNDHOUSE_DEV_SIGN_IN: 'true', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Roundhouse is running at')) {
        resolve(child);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', () => reject(new Error(`the api exited: ${output}`)));
  });
}

/** Stops an api process (SIGTERM, or SIGKILL for a crash) and waits for it to exit. */
export function stopApiProcess(child: ChildProcess | undefined, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child === undefined || child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

export interface LaunchedApi {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/**
 * Starts the built api as `npm start` would, with only the given settings on top of this process's
 * environment (not its DATABASE_URL: the embedded PostgreSQL unless the test says otherwise), and
 * keeps what it prints.
 */
export function launchApi(env: Record<string, string>): LaunchedApi {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, [MAIN], { env: { ...inherited, LOG_LEVEL: 'warn', ...env } });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** The URL a launched api prints once it listens; throws when it exits first. */
export async function waitForUrl(started: LaunchedApi): Promise<string> {
  for (let i = 0; i < 600; i += 1) {
    const match = /Roundhouse is running at (http:\/\/\S+)/.exec(started.stdout());
    if (match?.[1] !== undefined) {
      return match[1];
    }
    if (started.child.exitCode !== null) {
      throw new Error(`exited early: ${started.stderr()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no URL printed: ${started.stderr()}`);
}

/** Signs in to an api process as a dev persona; answers the session cookie. */
export async function signIn(url: string, persona: string): Promise<string> {
  const response = await fetch(`${url}/auth/dev-sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ persona }) });
  return response.headers.get('set-cookie')?.split(';')[0] ?? '';
}

/** A GraphQL operation on an api process, with the session's CSRF token; throws with the errors when there is no data. */
export async function graphql<T>(url: string, cookie: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const session = (await (await fetch(`${url}/auth/session`, { headers: { cookie } })).json()) as { csrfToken: string };
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': session.csrfToken },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.data === undefined || body.data === null) {
    throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  }
  return body.data;
}

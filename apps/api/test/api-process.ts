import { spawn, type ChildProcess } from 'node:child_process';
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

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eventually } from './eventually.js';

/** Whether Debian's haproxy is installed (`.ci/run` installs it). */
export const haproxyInstalled = spawnSync('sh', ['-c', 'command -v haproxy'], { stdio: 'ignore' }).status === 0;

/**
 * The balancer configuration a test runs: the same choices as docker/haproxy.cfg (round robin,
 * a replica taken out when /readyz fails, a request that found a dead replica tried on another unless
 * it is a POST other than ingest that the replica may have acted on,
 * the client's address passed on in X-Forwarded-For, /metrics not served: it is one replica's),
 * with loopback addresses instead of the compose service's.
 */
function configuration(port: number, backends: readonly number[]): string {
  return `global
  maxconn 4096

defaults
  mode http
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  retries 3
  option redispatch
  retry-on conn-failure empty-response
  option forwardfor

frontend roundhouse
  bind 127.0.0.1:${port}
  http-request deny deny_status 404 if { path -i -m reg ^/+metrics/*$ }
  default_backend api

backend api
  balance roundrobin
  http-request disable-l7-retry if METH_POST !{ path_beg /ingest/ }
  option httpchk GET /readyz
  http-check expect status 200
  default-server inter 500ms fall 2 rise 2
${backends.map((backend, index) => `  server api${index + 1} 127.0.0.1:${backend} check`).join('\n')}
`;
}

/** HAProxy in front of api processes on loopback ports, started and stopped by a test. */
export class HaProxy {
  private process: ChildProcess | undefined;
  private dir: string | undefined;
  private output = '';

  constructor(
    readonly port: number,
    private readonly backends: readonly number[],
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts HAProxy in the foreground (`-db`) and resolves once it answers through a replica. */
  async start(): Promise<void> {
    this.dir = await mkdtemp(path.join(tmpdir(), 'rh-haproxy-'));
    const file = path.join(this.dir, 'haproxy.cfg');
    await writeFile(file, configuration(this.port, this.backends));
    const check = spawnSync('haproxy', ['-c', '-q', '-f', file], { encoding: 'utf8' });
    if (check.status !== 0) {
      throw new Error(`haproxy refused its configuration: ${check.stderr}`);
    }
    const child = spawn('haproxy', ['-db', '-f', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.process = child;
    await eventually(
      () =>
        fetch(`${this.url}/readyz`).then(
          (response) => response.status,
          () => 0,
        ),
      (status) => status === 200 || child.exitCode !== null,
      'HAProxy to answer',
      15_000,
    );
    if (child.exitCode !== null) {
      throw new Error(`haproxy exited: ${this.output}`);
    }
  }

  /** What HAProxy printed (servers going down and up). */
  log(): string {
    return this.output;
  }

  async stop(): Promise<void> {
    const child = this.process;
    if (child !== undefined && child.exitCode === null && child.signalCode === null) {
      await new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      });
    }
    this.process = undefined;
    if (this.dir !== undefined) {
      await rm(this.dir, { recursive: true, force: true });
    }
  }
}

import { createServer, type Server, type Socket, connect as connectTcp } from 'node:net';

/**
 * A TCP proxy in front of a broker: `cut()` closes every connection underneath its clients (a
 * broker restart, a network failure); `stop()` also refuses new ones (the broker is down) until
 * `start()` again.
 */
export class TcpProxy {
  private readonly sockets = new Set<Socket>();
  private server: Server | undefined;

  constructor(
    readonly port: number,
    private readonly upstream: { host: string; port: number },
  ) {}

  start(): Promise<void> {
    const server = createServer((client) => {
      const upstream = connectTcp(this.upstream.port, this.upstream.host);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('error', () => socket.destroy());
        socket.on('close', () => {
          this.sockets.delete(socket);
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    this.server = server;
    return new Promise((resolve) => server.listen(this.port, '127.0.0.1', () => resolve()));
  }

  cut(): void {
    this.sockets.forEach((socket) => socket.destroy());
  }

  async stop(): Promise<void> {
    this.cut();
    const server = this.server;
    this.server = undefined;
    await new Promise<void>((resolve) => (server === undefined ? resolve() : server.close(() => resolve())));
  }
}

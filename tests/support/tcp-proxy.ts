import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy in front of a database server, to make the faults a network makes: `hang()` keeps every
 * connection open but passes nothing on (a paused server, a black hole), `refuse()` drops every
 * connection and refuses new ones (a stopped server), `heal()` ends both.
 */
export class TcpProxy {
  private mode: 'pass' | 'hang' | 'refuse' = 'pass';
  private readonly sockets = new Set<Socket>();
  private readonly held: (() => void)[] = [];

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    let proxy: TcpProxy | undefined;
    const server = createServer((client) => proxy?.accept(client, target));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    proxy = new TcpProxy(server, typeof address === 'object' && address ? address.port : 0);
    return proxy;
  }

  hang(): void {
    this.mode = 'hang';
  }

  refuse(): void {
    this.mode = 'refuse';
    for (const s of this.sockets) s.destroy();
  }

  /** Back to passing bytes; what was held while hung goes on now, in order. */
  heal(): void {
    this.mode = 'pass';
    for (const send of this.held.splice(0)) send();
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket, target: { host: string; port: number }): void {
    if (this.mode === 'refuse') return void client.destroy();
    const upstream = connect(target.port, target.host);
    for (const s of [client, upstream]) {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
      s.on('error', () => undefined);
    }
    const forward = (to: Socket) => (data: Buffer) => {
      const send = () => void (to.destroyed || to.write(data));
      if (this.mode === 'hang') this.held.push(send);
      else send();
    };
    client.on('data', forward(upstream));
    upstream.on('data', forward(client));
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  }
}

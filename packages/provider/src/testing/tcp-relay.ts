import { connect, createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';

/** One client connection and its upstream one; bytes held while the relay is frozen. */
interface Pair {
  readonly client: Socket;
  upstream: Socket | undefined;
  readonly held: { toUpstream: Buffer[]; toClient: Buffer[] };
}

/**
 * A TCP relay on 127.0.0.1 in front of a server, for specs: `freeze()` makes
 * the server look as a stopped process does (connections stay open and new
 * ones are accepted, nothing is answered), `thaw()` delivers what was held.
 */
export class TcpRelay {
  private readonly pairs = new Set<Pair>();
  private frozen = false;

  private constructor(
    private readonly server: Server,
    private readonly target: number,
  ) {}

  /** Starts a relay to `127.0.0.1:target`. */
  static async start(target: number): Promise<TcpRelay> {
    const server = createServer();
    const relay = new TcpRelay(server, target);
    server.on('connection', (client) => relay.accept(client));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return relay;
  }

  /** The port clients connect to. */
  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** Stops forwarding in both directions; bytes are held, as a stopped process's kernel holds them. */
  freeze(): void {
    this.frozen = true;
  }

  /** Forwards again, held bytes first. */
  thaw(): void {
    this.frozen = false;
    for (const pair of this.pairs) {
      pair.upstream ??= this.connectUpstream(pair);
      for (const chunk of pair.held.toUpstream.splice(0)) pair.upstream.write(chunk);
      for (const chunk of pair.held.toClient.splice(0)) pair.client.write(chunk);
    }
  }

  async close(): Promise<void> {
    for (const pair of this.pairs) {
      pair.client.destroy();
      pair.upstream?.destroy();
    }
    await new Promise((resolve) => this.server.close(resolve));
  }

  private accept(client: Socket): void {
    const pair: Pair = { client, upstream: undefined, held: { toUpstream: [], toClient: [] } };
    this.pairs.add(pair);
    const end = (): void => {
      this.pairs.delete(pair);
      client.destroy();
      pair.upstream?.destroy();
    };
    client.on('data', (chunk: Buffer) => (this.frozen || !pair.upstream ? pair.held.toUpstream.push(chunk) : pair.upstream.write(chunk)));
    client.on('close', end);
    client.on('error', end);
    if (!this.frozen) pair.upstream = this.connectUpstream(pair);
  }

  private connectUpstream(pair: Pair): Socket {
    const upstream = connect(this.target, '127.0.0.1');
    upstream.on('data', (chunk: Buffer) => (this.frozen ? pair.held.toClient.push(chunk) : pair.client.write(chunk)));
    upstream.on('close', () => pair.client.destroy());
    upstream.on('error', () => pair.client.destroy());
    // Whatever the client sent before the upstream connection existed.
    for (const chunk of pair.held.toUpstream.splice(0)) upstream.write(chunk);
    return upstream;
  }
}

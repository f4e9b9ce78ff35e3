import { Server, ServerCredentials } from '@grpc/grpc-js';
import type { ServerWritableStream } from '@grpc/grpc-js';
import { flagSyncService } from '../remote/flag-sync-service.js';
import type { SyncFlagsRequest, SyncFlagsResponse } from '../remote/flag-sync-service.js';

/**
 * A typed fake of flagd's sync service on a real gRPC server (127.0.0.1, a
 * free port): sends its configuration on every new stream and pushes each
 * change; `stop()` then `start()` is an outage on the same port.
 */
export class FakeFlagdSync {
  readonly requests: SyncFlagsRequest[] = [];
  private readonly streams = new Set<ServerWritableStream<SyncFlagsRequest, SyncFlagsResponse>>();
  private server: Server | undefined;
  port = 0;

  constructor(private configuration: string) {}

  async start(): Promise<void> {
    const server = new Server();
    server.addService(flagSyncService(), {
      SyncFlags: (call: ServerWritableStream<SyncFlagsRequest, SyncFlagsResponse>) => {
        this.requests.push(call.request);
        this.streams.add(call);
        call.on('cancelled', () => this.streams.delete(call));
        call.write({ flagConfiguration: this.configuration });
      },
    });
    this.port = await new Promise<number>((resolve, reject) =>
      server.bindAsync(`127.0.0.1:${this.port}`, ServerCredentials.createInsecure(), (error, port) => (error ? reject(error) : resolve(port))),
    );
    this.server = server;
  }

  /** Sends a new configuration to every open stream, as flagd does on a change. */
  push(configuration: string): void {
    this.configuration = configuration;
    for (const call of this.streams) call.write({ flagConfiguration: configuration });
  }

  stop(): void {
    this.streams.clear();
    this.server?.forceShutdown();
    this.server = undefined;
  }
}

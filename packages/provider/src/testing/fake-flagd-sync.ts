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
  /** Every stream request received, in order. */
  readonly requests: SyncFlagsRequest[] = [];
  private readonly streams = new Set<ServerWritableStream<SyncFlagsRequest, SyncFlagsResponse>>();
  private server: Server | undefined;
  /** The port it listens on; chosen by the system on the first start, kept on a restart. */
  port = 0;

  /** @param configuration The `flag_configuration` sent to every new stream. */
  constructor(private configuration: string) {}

  /** Listens on 127.0.0.1. */
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

  /** Shuts the server down at once, streams included. */
  stop(): void {
    this.streams.clear();
    this.server?.forceShutdown();
    this.server = undefined;
  }
}

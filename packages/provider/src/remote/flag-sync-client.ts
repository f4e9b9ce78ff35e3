import { readFileSync } from 'node:fs';
import { Client, credentials, status } from '@grpc/grpc-js';
import type { ClientReadableStream } from '@grpc/grpc-js';
import type { FlagdSyncConfig } from './flagd-sync-options.js';
import { flagSyncService } from './flag-sync-service.js';
import type { SyncFlagsRequest, SyncFlagsResponse } from './flag-sync-service.js';

/** A gRPC client of flagd's sync service: one channel, one `SyncFlags` stream at a time. */
export interface FlagSyncClient {
  /** Opens a `SyncFlags` stream; flagd sends the whole configuration first, then again on every change. */
  syncFlags(request: SyncFlagsRequest): ClientReadableStream<SyncFlagsResponse>;
  /**
   * Asks flagd for any answer on the channel's connection (`GetMetadata`; a
   * flagd without it answers UNIMPLEMENTED, which proves as much). Rejects
   * only when `deadlineMs` passes without an answer; a broken connection
   * resolves, since the stream reports that itself.
   */
  ping(deadlineMs: number): Promise<void>;
  /** Closes the channel. */
  close(): void;
}

/** A method every flagd sync service has had; its answer is not read. */
const PING_PATH = '/flagd.sync.v1.FlagSyncService/GetMetadata';

/** Connects to flagd's sync port (or socket), with the channel's reconnection backoff matched to the layer's. */
export function createFlagSyncClient(config: FlagdSyncConfig): FlagSyncClient {
  const method = flagSyncService().SyncFlags!;
  const address = config.socketPath ? `unix:${config.socketPath}` : `${config.host}:${config.port}`;
  const channelCredentials = config.tls ? credentials.createSsl(config.certPath ? readFileSync(config.certPath) : undefined) : credentials.createInsecure();
  const channel = new Client(address, channelCredentials, {
    // gRPC's own reconnection waits up to 120 s by default; a flagd that is back should be used within a second.
    'grpc.initial_reconnect_backoff_ms': config.retryBackoffMs,
    'grpc.min_reconnect_backoff_ms': config.retryBackoffMs,
    'grpc.max_reconnect_backoff_ms': config.retryBackoffMaxMs,
    ...(config.keepAliveTime > 0 ? { 'grpc.keepalive_time_ms': config.keepAliveTime } : {}),
  });
  return {
    syncFlags: (request) => channel.makeServerStreamRequest<SyncFlagsRequest, SyncFlagsResponse>(method.path, method.requestSerialize, method.responseDeserialize, request),
    ping: (deadlineMs) =>
      new Promise<void>((resolve, reject) => {
        const empty = (): Buffer => Buffer.alloc(0);
        channel.makeUnaryRequest(PING_PATH, empty, (bytes: Buffer) => bytes, {}, { deadline: Date.now() + deadlineMs }, (error) =>
          error?.code === status.DEADLINE_EXCEEDED ? reject(error) : resolve(),
        );
      }),
    close: () => channel.close(),
  };
}

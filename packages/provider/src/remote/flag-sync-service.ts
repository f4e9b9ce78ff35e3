import { fileURLToPath } from 'node:url';
import type { ServiceDefinition } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';

/** The hand-written subset of flagd's sync API (see the comment in the file). */
export const FLAGD_SYNC_PROTO = fileURLToPath(new URL('./flagd-sync.proto', import.meta.url));

/** `flagd.sync.v1.SyncFlagsRequest`, as proto-loader presents it (camelCase fields). */
export interface SyncFlagsRequest {
  readonly providerId: string;
  readonly selector: string;
}

/** `flagd.sync.v1.SyncFlagsResponse`: only the field Cutover reads. */
export interface SyncFlagsResponse {
  readonly flagConfiguration: string;
}

let definition: ServiceDefinition | undefined;

/**
 * `flagd.sync.v1.FlagSyncService`, loaded once from the .proto: the client
 * builds its stub from it, and the specs serve it from a fake flagd.
 */
export function flagSyncService(): ServiceDefinition {
  // defaults: an absent string field reads as '' (proto3), so a response always has flagConfiguration.
  definition ??= loadSync(FLAGD_SYNC_PROTO, { defaults: true })['flagd.sync.v1.FlagSyncService'] as ServiceDefinition;
  return definition;
}

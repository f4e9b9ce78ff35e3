import type { ServiceDefinition } from '@grpc/grpc-js';
import { fromJSON } from '@grpc/proto-loader';

/** `flagd.sync.v1.SyncFlagsRequest`, as proto-loader presents it (camelCase fields). */
export interface SyncFlagsRequest {
  readonly providerId: string;
  readonly selector: string;
}

/** `flagd.sync.v1.SyncFlagsResponse`: only the field Cutover reads. */
export interface SyncFlagsResponse {
  readonly flagConfiguration: string;
}

/**
 * flagd's flag sync API (`flagd.sync.v1`, upstream buf.build/open-feature/flagd
 * `flagd/sync/v1/sync.proto`), written out by hand with only the fields Cutover
 * reads: proto3 skips the fields a reader does not declare, so flagd's full
 * messages decode into these. Kept as a protobuf.js JSON descriptor rather than
 * a .proto file so the built package needs no file next to its code.
 */
const FLAGD_SYNC_V1: Parameters<typeof fromJSON>[0] = {
  nested: {
    flagd: {
      nested: {
        sync: {
          nested: {
            v1: {
              nested: {
                SyncFlagsRequest: { fields: { providerId: { type: 'string', id: 1 }, selector: { type: 'string', id: 2 } } },
                SyncFlagsResponse: { fields: { flagConfiguration: { type: 'string', id: 1 } } },
                FlagSyncService: { methods: { SyncFlags: { requestType: 'SyncFlagsRequest', responseType: 'SyncFlagsResponse', responseStream: true, comment: '' } } },
              },
            },
          },
        },
      },
    },
  },
};

let definition: ServiceDefinition | undefined;

/**
 * `flagd.sync.v1.FlagSyncService`, built once: the client builds its stub from
 * it, and the specs serve it from a fake flagd.
 */
export function flagSyncService(): ServiceDefinition {
  // defaults: an absent string field reads as '' (proto3), so a response always has flagConfiguration.
  definition ??= fromJSON(FLAGD_SYNC_V1, { defaults: true })['flagd.sync.v1.FlagSyncService'] as ServiceDefinition;
  return definition;
}

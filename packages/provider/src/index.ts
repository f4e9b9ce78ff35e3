export { CutoverProvider } from './cutover-provider.js';
export type { TrackEvent, TrackListener } from './track-listeners.js';
export type { EnvFlagStatus } from './layers/env-flag-status.js';
export type { EnvFlagMapping } from './layers/env-flag-mapping.js';
export type { BooleanStages, CombinedStages, StageMapping, StageRule } from './stages/stage-mapping.js';
export {
  CutoverProviderOptionError,
  DEFAULT_CUTOVER_PROVIDER_CONFIG,
  resolveCutoverProviderConfig,
} from './cutover-provider-options.js';
export type { CutoverProviderConfig, CutoverProviderOptions } from './cutover-provider-options.js';
export type { FlagSnapshotEntry } from './flag-snapshot.js';
export type { Layer } from './layer.js';
export type { LayerName, LayerResolution } from './layer-resolution.js';
export type { FlagType } from './flags/compiled-flag.js';
export type { FlagDefinition, FlagFileDocument, MetadataValue } from './flags/flag-definition.js';
export { FlagFileError } from './flags/flag-file-error.js';
export type { FlagFileProblem } from './flags/flag-file-error.js';
export { parseFlagFile } from './flags/parse-flag-file.js';
export { FLAG_FILE_LIMITS } from './flags/flag-file-limits.js';
export type { ParseFlagFileOptions } from './flags/parse-flag-file.js';
export { flagEntries } from './flags/flag-entries.js';
export type { FlagEntry } from './flags/flag-entries.js';
export { describeProblem } from './flags/flag-file-error.js';
export type { FlagSet } from './flags/flag-set.js';
export { ROLLBACK_OVERLAY_FILE, ROLLED_BACK } from './layers/rollback-layer.js';
export { envName } from './layers/env-value.js';
export { bucketFor, bucketOf } from './hashing/bucket.js';
export { BUCKETINGS } from './hashing/bucketing-versions.js';
export type { Bucketing, BucketingVersion, FractionalVariant } from './hashing/bucketing.js';
export { murmur3 } from './hashing/murmur3.js';
export { flagdRemote } from './remote/flagd-remote.js';
export type { FlagdLayer } from './remote/flagd-remote.js';
export { FlagdSyncLayer } from './remote/flagd-sync-layer.js';
export { DEFAULT_FLAGD_SYNC_CONFIG, resolveFlagdSyncConfig } from './remote/flagd-sync-options.js';
export type { FlagdSyncConfig, FlagdSyncOptions } from './remote/flagd-sync-options.js';
export { FlagdRemoteLayer } from './remote/flagd-remote-layer.js';
export type { FlagdClient } from './remote/flagd-client.js';
export { DEFAULT_FLAGD_REMOTE_CONFIG, resolveFlagdRemoteConfig } from './remote/flagd-remote-options.js';
export { FlagdRemoteOptionError } from './remote/flagd-remote-option-error.js';
export type { FlagdPassThroughOptions, FlagdRemoteConfig, FlagdRemoteOptions } from './remote/flagd-remote-options.js';
export type { LayerHost } from './layer.js';
export { readFlagMappings } from './flag-mappings-file.js';
export type { FlagMappings } from './flag-mappings-file.js';

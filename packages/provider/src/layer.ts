import type { EvaluationContext, EventContext, ProviderEvents } from '@openfeature/server-sdk';
import type { FlagType } from './flags/compiled-flag.js';
import type { BucketingVersion } from './hashing/bucketing.js';
import type { LayerName, LayerResolution } from './layer-resolution.js';

/**
 * One source of flag values. The provider asks its layers in order of
 * precedence; the first that answers wins, `undefined` passes to the next.
 * Local layers answer synchronously; a remote one may return a promise.
 */
export interface Layer {
  readonly name: LayerName;
  resolve(flagKey: string, context: EvaluationContext, type: FlagType): LayerResolution | undefined | Promise<LayerResolution | undefined>;
  /** For a layer with a connection: false while it cannot answer and the layers below answer in its place. */
  readonly available?: boolean;
  /** Called once by the provider that owns a layer with a life of its own (a connection), before `initialize`. */
  attach?(host: LayerHost): void;
  /** Run by the provider's `initialize`; resolves (never rejects) when the source is merely unreachable. */
  initialize?(): Promise<void>;
  /** Run by the provider's `onClose`. */
  onClose?(): Promise<void>;
}

/** What a provider gives the layers it owns. */
export interface LayerHost {
  /** Emits a provider event (READY, STALE, ERROR, CONFIGURATION_CHANGED) as the provider's own. */
  emit(event: ProviderEvents, details?: EventContext): void;
  /** The flag files' answer, for a layer that cannot answer now and must say that the files did. */
  fallback(flagKey: string, context: EvaluationContext): LayerResolution | undefined;
  /** The provider's `bucketing`, for a layer that evaluates flags itself (flagd's sync stream). */
  readonly bucketing: BucketingVersion;
}

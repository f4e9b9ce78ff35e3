import { ErrorCode, OpenFeatureEventEmitter, ProviderEvents } from '@openfeature/server-sdk';
import type { EvaluationContext, FlagValue, JsonValue, Logger, Provider, ResolutionDetails, TrackingEventDetails } from '@openfeature/server-sdk';
import { resolveCutoverProviderConfig } from './cutover-provider-options.js';
import type { CutoverProviderConfig, CutoverProviderOptions } from './cutover-provider-options.js';
import type { FlagType } from './flags/compiled-flag.js';
import type { FlagDefinition } from './flags/flag-definition.js';
import { describeProblem } from './flags/flag-file-error.js';
import type { FlagFileError, FlagFileProblem } from './flags/flag-file-error.js';
import { flagFileErrorEvent } from './flags/flag-file-error-event.js';
import { FlagFileStore } from './flags/flag-file-store.js';
import { snapshotEntryOf } from './flag-snapshot.js';
import type { FlagSnapshotEntry } from './flag-snapshot.js';
import { BUCKETINGS } from './hashing/bucketing-versions.js';
import { LayerChain } from './layer-chain.js';
import type { LayerResolution } from './layer-resolution.js';
import { ContextLayer } from './layers/context-layer.js';
import { EnvLayer } from './layers/env-layer.js';
import { EnvMappedFlag } from './layers/env-mapped-flag.js';
import { NotFoundAnswers } from './not-found-answers.js';
import { knownFlagTypes } from './known-flag-types.js';
import type { EnvFlagStatus } from './layers/env-flag-status.js';
import { warnUnknownStageInputs } from './stages/warn-unknown-stage-inputs.js';
import { warnUnsetEnvVariables } from './layers/warn-unset-env-variables.js';
import { StageMapper } from './stages/stage-mapper.js';
import { FileLayer } from './layers/file-layer.js';
import { OverrideLayer } from './layers/override-layer.js';
import { RollbackLayer } from './layers/rollback-layer.js';
import { resolutionDetailsOf } from './resolution-details-of.js';
import { TrackListeners } from './track-listeners.js';
import type { TrackListener } from './track-listeners.js';

/**
 * The OpenFeature provider of Cutover. Answers from layers, highest first:
 * overrides, rollbacks, context overrides, environment, remote flagd, flag
 * files; the caller's default when none answers. A rollback flagd serves
 * wins over context overrides and the environment too. `flagMetadata.source`
 * names the layer that answered.
 */
export class CutoverProvider implements Provider {
  readonly metadata = { name: 'cutover' } as const;
  readonly runsOn = 'server' as const;
  readonly events = new OpenFeatureEventEmitter();
  /** The resolved configuration. */
  readonly config: CutoverProviderConfig;
  private readonly overrides = new OverrideLayer();
  private readonly rollbacks = new RollbackLayer();
  private readonly fileLayer = new FileLayer();
  private readonly chain: LayerChain;
  private readonly store: FlagFileStore;
  private readonly logger: Logger;
  private readonly trackListeners: TrackListeners;
  private readonly envLayer: EnvLayer;
  private readonly mappedFlags: ReadonlyMap<string, EnvMappedFlag>;
  private readonly stageMappers = new Map<string, StageMapper>();
  private readonly notFound = new NotFoundAnswers(() => this.knownFlagTypes().keys());

  constructor(options: CutoverProviderOptions = {}) {
    this.config = resolveCutoverProviderConfig(options);
    this.logger = this.config.logger;
    this.trackListeners = new TrackListeners(this.logger);
    const bucketing = BUCKETINGS[this.config.bucketing];
    const mapped = new Map(Object.entries(this.config.envFlags).map(([key, mapping]) => [key, new EnvMappedFlag(key, mapping, this.config.env, bucketing)]));
    this.mappedFlags = mapped;
    warnUnsetEnvVariables(mapped.values(), this.config.env, this.logger);
    this.envLayer = new EnvLayer({ env: this.config.env, prefix: this.config.envPrefix, bucketing, mapped });
    this.chain = new LayerChain({
      override: this.overrides,
      rollback: this.rollbacks,
      context: this.config.contextOverrides
        ? new ContextLayer({ attribute: this.config.contextOverrideAttribute, variantsOf: (flagKey) => this.fileLayer.get(flagKey)?.definition.variants, logger: this.logger })
        : undefined,
      env: this.envLayer,
      remote: this.config.remote,
      file: this.fileLayer,
    });
    this.config.remote?.attach?.({
      emit: (event, details) => this.events.emit(event, details),
      fallback: (flagKey, context) => this.fileLayer.resolve(flagKey, context),
      bucketing: this.config.bucketing,
    });
    for (const [key, mapping] of Object.entries(this.config.stages)) this.stageMappers.set(key, new StageMapper(key, mapping, this.chain));
    this.store = new FlagFileStore({
      files: this.config.files,
      overlay: this.config.rollbackOverlay || undefined,
      watch: this.config.watch,
      debounceMs: this.config.watchDebounceMs,
      bucketing: this.config.bucketing,
      strict: this.config.strict,
      listener: {
        changed: (flagsChanged) => {
          this.apply();
          this.events.emit(ProviderEvents.ConfigurationChanged, { flagsChanged, message: 'flag files changed' });
        },
        failed: (error) => this.report(error),
        recovered: () => this.events.emit(ProviderEvents.Ready, { message: 'flag files valid again' }),
        warned: (warnings) => {
          for (const warning of warnings) this.logger.warn(`cutover: ${describeProblem(warning)}; served as flagd serves it`);
        },
      },
    });
  }

  /** Loads the flag files. Rejects with the first invalid file; the other layers and files still serve. */
  async initialize(): Promise<void> {
    try {
      await Promise.all([this.store.load(), this.config.remote?.initialize?.()]);
    } finally {
      this.apply();
      // Listing every known flag walks every file flag: only a stage mapping needs it.
      if (this.stageMappers.size > 0) warnUnknownStageInputs(this.stageMappers.values(), this.knownFlagTypes(), this.logger);
    }
  }

  async onClose(): Promise<void> {
    this.store.close();
    await this.config.remote?.onClose?.();
  }

  /** Serves `value` for `flagKey` to everyone, above every other layer, until cleared. */
  override(flagKey: string, value: FlagValue): void {
    this.overrides.set(flagKey, value);
    this.notFound.clear();
    this.events.emit(ProviderEvents.ConfigurationChanged, { flagsChanged: [flagKey], message: 'override set' });
  }

  /** Removes one override, or all of them when no key is given. */
  clearOverrides(flagKey?: string): void {
    const cleared = flagKey === undefined ? this.overrides.clear() : this.overrides.delete(flagKey) ? [flagKey] : [];
    if (cleared.length > 0) this.events.emit(ProviderEvents.ConfigurationChanged, { flagsChanged: cleared, message: 'overrides cleared' });
  }

  /** The overrides in force. */
  getOverrides(): Record<string, FlagValue> {
    return this.overrides.entries();
  }

  /** Keys rolled back by the overlay now. */
  getRollbacks(): string[] {
    return this.rollbacks.keys();
  }

  /**
   * The definitions the file layer serves, by key: the last good flags of each
   * file merged with the overlay (whose entries keep the files' variants and
   * metadata, e.g. `rollbackVariant` and `group`). With `overlay: false`, the
   * flag files alone: what a rollback copies into the overlay.
   */
  flagDefinitions(options: { readonly overlay?: boolean } = {}): ReadonlyMap<string, Readonly<FlagDefinition>> {
    const flags = options.overlay === false ? this.store.fileFlags() : this.fileLayer.all();
    return new Map([...flags].map(([key, flag]) => [key, flag.definition]));
  }

  /**
   * The flag files in precedence order (overlay last), those whose last edit was
   * rejected, and the warnings of the files in force (deviations from flagd's
   * schemas that flagd serves, and so does the provider).
   */
  getFileStatus(): { files: string[]; broken: string[]; warnings: FlagFileProblem[] } {
    return { files: this.store.files, broken: this.store.brokenFiles(), warnings: this.store.warnings() };
  }

  /**
   * Resolves once every flag file read so far has also been checked against
   * flagd's schemas: the flags serve first, and the check's warnings (logged,
   * and in `getFileStatus()`) follow in a later turn. With `strict`, the check
   * is part of the load.
   */
  schemaChecked(): Promise<void> {
    return this.store.schemaChecked();
  }

  /** Re-reads one flag file now, without waiting for the watcher. */
  reloadFile(file: string): Promise<void> {
    return this.store.reload(file);
  }

  /**
   * Receives `client.track(name, context, details)` (the OpenFeature Tracking
   * API) and hands it to every listener: how an application that branches on a
   * flag itself reports outcomes to the guard. A throwing listener is logged,
   * never propagated to the application.
   */
  track(trackingEventName: string, context: EvaluationContext, trackingEventDetails: TrackingEventDetails): void {
    this.trackListeners.deliver(trackingEventName, context, trackingEventDetails);
  }

  /** Subscribes to tracking events; returns the unsubscribe function. */
  onTrack(listener: TrackListener): () => void {
    return this.trackListeners.add(listener);
  }

  resolveBooleanEvaluation(flagKey: string, defaultValue: boolean, context: EvaluationContext): Promise<ResolutionDetails<boolean>> {
    return Promise.resolve(this.evaluate('boolean', flagKey, defaultValue, context));
  }

  resolveStringEvaluation(flagKey: string, defaultValue: string, context: EvaluationContext): Promise<ResolutionDetails<string>> {
    return Promise.resolve(this.evaluate('string', flagKey, defaultValue, context));
  }

  resolveNumberEvaluation(flagKey: string, defaultValue: number, context: EvaluationContext): Promise<ResolutionDetails<number>> {
    return Promise.resolve(this.evaluate('number', flagKey, defaultValue, context));
  }

  resolveObjectEvaluation<T extends JsonValue>(flagKey: string, defaultValue: T, context: EvaluationContext): Promise<ResolutionDetails<T>> {
    return Promise.resolve(this.evaluate('object', flagKey, defaultValue, context));
  }

  /**
   * The one resolution path behind the four `resolve*` methods; synchronous
   * unless a remote layer is involved.
   */
  evaluate<T extends FlagValue>(type: FlagType, flagKey: string, defaultValue: T, context: EvaluationContext = {}): ResolutionDetails<T> | Promise<ResolutionDetails<T>> {
    const answer = this.resolveLayers(flagKey, type, context);
    return answer instanceof Promise ? answer.then((a) => this.finish(flagKey, a, type, defaultValue)) : this.finish(flagKey, answer, type, defaultValue);
  }

  /**
   * Every flag key some layer knows: the flag files and overlay, overrides,
   * the environment (declared `envFlags` and prefixed variables) and the
   * stage mappings. Not the remote flagd's, which the provider cannot list.
   */
  knownFlagKeys(): string[] {
    return [...this.knownFlagTypes().keys()].sort();
  }

  /** The flags declared in `envFlags`: their variables as this process sees them and what they decide. */
  envFlagStatus(): EnvFlagStatus[] {
    return [...this.mappedFlags.values()].map((flag) => ({ flagKey: flag.flagKey, variables: flag.variables, summary: flag.summary }));
  }

  /** Every known flag (files, overrides, rollbacks, the environment, stage mappings) as it resolves for `context`. */
  async snapshot(context: EvaluationContext = {}): Promise<FlagSnapshotEntry[]> {
    const entries: FlagSnapshotEntry[] = [];
    for (const [flagKey, type] of [...this.knownFlagTypes()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      entries.push(snapshotEntryOf(flagKey, await this.resolveLayers(flagKey, type, context)));
    }
    return entries;
  }

  /** The stage mapping answers a migration flag's stage (a string); every other evaluation goes to the layers. */
  private resolveLayers(flagKey: string, type: FlagType, context: EvaluationContext): LayerResolution | Promise<LayerResolution> {
    const mapper = type === 'string' && this.stageMappers.size > 0 ? this.stageMappers.get(flagKey) : undefined;
    return mapper ? mapper.resolve(context) : this.chain.resolve(flagKey, type, context);
  }

  private finish<T extends FlagValue>(flagKey: string, answer: LayerResolution, type: FlagType, defaultValue: T): ResolutionDetails<T> {
    return resolutionDetailsOf(answer.errorCode === ErrorCode.FLAG_NOT_FOUND ? this.notFound.get(flagKey) : answer, type, defaultValue);
  }

  private knownFlagTypes(): Map<string, FlagType> {
    return knownFlagTypes({
      envPrefix: this.config.envPrefix,
      declared: [...Object.keys(this.config.envFlags).map((key): [string, FlagType] => [key, 'boolean']), ...[...this.stageMappers.keys()].map((key): [string, FlagType] => [key, 'string'])],
      overrides: this.overrides.entries(),
      rollbacks: this.rollbacks.keys(),
      files: this.fileLayer.all(),
      env: this.envLayer.knownFlags(),
    });
  }

  private apply(): void {
    this.fileLayer.update(this.store.flags());
    this.rollbacks.update(this.store.overlaySet());
    this.notFound.clear();
  }

  private report(error: FlagFileError): void {
    this.logger.error(`cutover: kept the last good flags; ${error.message}`);
    this.events.emit(ProviderEvents.Error, flagFileErrorEvent(error));
  }
}

import { ErrorCode, OpenFeatureError, ProviderEvents } from '@openfeature/server-sdk';
import type { EvaluationContext, EventContext, FlagValue, JsonValue, Logger, ResolutionDetails } from '@openfeature/server-sdk';
import type { FlagType } from '../flags/compiled-flag.js';
import type { Layer, LayerHost } from '../layer.js';
import type { LayerResolution } from '../layer-resolution.js';
import { CircuitBreaker } from './circuit-breaker.js';
import type { BreakerPass } from './circuit-breaker.js';
import type { FlagdClient } from './flagd-client.js';
import { FlagdRemoteOptionError } from './flagd-remote-option-error.js';
import { resolveFlagdRemoteConfig } from './flagd-remote-options.js';
import type { FlagdRemoteConfig, FlagdRemoteOptions } from './flagd-remote-options.js';
import { remoteResolution, staleResolution } from './remote-resolution.js';
import { withDeadline } from './with-deadline.js';

/** Errors that are flagd's answer about a flag, not a broken connection: the files decide, flagd stays trusted. */
const FLAG_ERRORS: ReadonlySet<string> = new Set([ErrorCode.FLAG_NOT_FOUND, ErrorCode.TYPE_MISMATCH, ErrorCode.PARSE_ERROR]);

/** Placeholder defaults handed to flagd; a "no value" answer becomes `value: undefined` (the caller's default). */
const PLACEHOLDERS: Readonly<Record<FlagType, FlagValue>> = { boolean: false, string: '', number: 0, object: {} };

type Status = 'connecting' | 'ready' | 'stale' | 'error';

/**
 * The rpc remote layer: flagd evaluates each flag, through
 * `@openfeature/flagd-provider` (in-process mode is `FlagdSyncLayer`, which
 * evaluates with Cutover's own evaluator). While flagd is unreachable, late or failing, it answers
 * with the flag files' value marked STALE (`flagMetadata.remoteFallback`), so
 * the application gets values, never errors; a circuit breaker keeps an outage
 * from costing each evaluation its deadline. Connection changes become the
 * provider's READY, STALE, ERROR and CONFIGURATION_CHANGED events.
 */
export class FlagdRemoteLayer implements Layer {
  readonly name = 'remote';
  /** The resolved configuration. */
  readonly config: FlagdRemoteConfig;
  private client: FlagdClient | undefined;
  private readonly makeClient: () => Promise<FlagdClient>;
  private readonly breaker: CircuitBreaker;
  private readonly logger: Logger;
  private host: LayerHost | undefined;
  private connected = false;
  private status: Status = 'connecting';

  /** `client` replaces the FlagdProvider built from the options (tests pass a typed fake). */
  constructor({ client, ...options }: FlagdRemoteOptions & { readonly client?: FlagdClient } = {}) {
    this.config = resolveFlagdRemoteConfig(options);
    this.logger = this.config.logger;
    const { timeoutMs: _timeout, retryAfterMs: _retry, env: _env, logger, livenessProbeMs, ...flagdOptions } = this.config;
    if (livenessProbeMs !== undefined) throw new FlagdRemoteOptionError('livenessProbeMs', 'applies to resolverType "in-process" only (in rpc mode flagd-provider watches its own connection)');
    // flagd-provider (and gRPC under it) loads only when a remote layer connects: an application without flagd never pays for it.
    this.client = client;
    this.makeClient = async () => new (await import('@openfeature/flagd-provider')).FlagdProvider(flagdOptions, logger);
    this.breaker = new CircuitBreaker({
      retryAfterMs: this.config.retryAfterMs,
      onOpen: () => this.degrade('flagd failed or answered late; the flag files answer'),
      onClose: () => this.recover('flagd answers again'),
    });
  }

  /** True while evaluations go to flagd. */
  get available(): boolean {
    return this.connected && !this.breaker.isOpen;
  }

  attach(host: LayerHost): void {
    this.host = host;
  }

  /** Connects to flagd; resolves, without throwing, when flagd is unreachable (it keeps retrying, the files answer). */
  async initialize(): Promise<void> {
    const client = (this.client ??= await this.makeClient());
    const events = client.events;
    events.addHandler(ProviderEvents.Ready, () => this.onConnected());
    events.addHandler(ProviderEvents.Stale, (details) => this.onDisconnected(details?.message));
    events.addHandler(ProviderEvents.Error, (details) => this.onLost(details?.message));
    events.addHandler(ProviderEvents.ConfigurationChanged, (details) =>
      this.emit(ProviderEvents.ConfigurationChanged, { flagsChanged: details?.flagsChanged ?? [], message: 'flagd configuration changed' }),
    );
    try {
      await client.initialize();
      this.connected = true;
      this.status = 'ready';
    } catch (error) {
      this.logger.warn(`cutover: flagd at ${this.where()} unreachable (${(error as Error).message}); the flag files answer until it connects`);
      // After the SDK has marked the provider ready from the files: tell it that it is stale.
      setTimeout(() => this.degrade('flagd unreachable'), 0).unref();
    }
  }

  async onClose(): Promise<void> {
    this.connected = false;
    await this.client?.onClose();
  }

  resolve(flagKey: string, context: EvaluationContext, type: FlagType): LayerResolution | undefined | Promise<LayerResolution | undefined> {
    const pass: BreakerPass = this.connected ? this.breaker.allow() : false;
    if (!pass) return this.fallback(flagKey, context);
    return withDeadline(this.call(type, flagKey, context), this.config.timeoutMs).then(
      (details) => {
        this.breaker.succeeded(pass);
        return remoteResolution(details);
      },
      (error: unknown) => {
        if (error instanceof OpenFeatureError && FLAG_ERRORS.has(error.code)) {
          this.breaker.succeeded(pass);
          return undefined;
        }
        this.breaker.failed();
        return this.fallback(flagKey, context);
      },
    );
  }

  private call(type: FlagType, flagKey: string, context: EvaluationContext): Promise<ResolutionDetails<FlagValue>> {
    const client = this.client!;
    switch (type) {
      case 'boolean':
        return client.resolveBooleanEvaluation(flagKey, false, context, this.logger);
      case 'string':
        return client.resolveStringEvaluation(flagKey, '', context, this.logger);
      case 'number':
        return client.resolveNumberEvaluation(flagKey, 0, context, this.logger);
      default:
        return client.resolveObjectEvaluation(flagKey, PLACEHOLDERS.object as JsonValue, context, this.logger);
    }
  }

  private fallback(flagKey: string, context: EvaluationContext): LayerResolution | undefined {
    const answer = this.host?.fallback(flagKey, context);
    return answer && staleResolution(answer);
  }

  private onConnected(): void {
    this.connected = true;
    this.breaker.close();
    this.recover('flagd connected');
  }

  private onDisconnected(message: string | undefined): void {
    this.connected = false;
    this.degrade(message ?? 'flagd disconnected');
  }

  private onLost(message: string | undefined): void {
    this.connected = false;
    if (this.status === 'error') return;
    this.status = 'error';
    this.emit(ProviderEvents.Error, { message: `flagd: ${message ?? 'connection lost'}; the flag files answer` });
  }

  private degrade(message: string): void {
    if (this.status === 'stale' || this.status === 'error') return;
    this.status = 'stale';
    this.logger.warn(`cutover: ${message} (flagd at ${this.where()})`);
    this.emit(ProviderEvents.Stale, { message: `${message}; the flag files answer` });
  }

  private recover(message: string): void {
    if (this.status === 'ready' || !this.available) return;
    const wasConnecting = this.status === 'connecting';
    this.status = 'ready';
    if (!wasConnecting) this.emit(ProviderEvents.Ready, { message });
  }

  private emit(event: ProviderEvents, details: EventContext): void {
    this.host?.emit(event, details);
  }

  private where(): string {
    return this.config.socketPath ?? `${this.config.host}:${this.config.port}`;
  }
}

import { ErrorCode, ProviderEvents } from '@openfeature/server-sdk';
import type { EvaluationContext, EventContext, Logger } from '@openfeature/server-sdk';
import type { ClientReadableStream } from '@grpc/grpc-js';
import { changedFlagKeys } from '../flags/changed-flag-keys.js';
import type { CompiledFlag } from '../flags/compiled-flag.js';
import { describeProblem } from '../flags/flag-file-error.js';
import type { Layer, LayerHost } from '../layer.js';
import type { LayerResolution } from '../layer-resolution.js';
import type { createFlagSyncClient, FlagSyncClient } from './flag-sync-client.js';

type CreateFlagSyncClient = typeof createFlagSyncClient;
import type { SyncFlagsResponse } from './flag-sync-service.js';
import { resolveFlagdSyncConfig } from './flagd-sync-options.js';
import type { FlagdSyncConfig, FlagdSyncOptions } from './flagd-sync-options.js';
import { ReconnectBackoff } from './reconnect-backoff.js';
import { RemoteMarks } from './remote-marks.js';
import { StreamLiveness } from './stream-liveness.js';
import { staleResolution } from './remote-resolution.js';
import { parseSyncedFlags } from './synced-flags.js';

type Status = 'connecting' | 'ready' | 'stale' | 'error';

/**
 * The remote layer fed by flagd's sync stream (`flagd.sync.v1`): flagd pushes
 * the merged configuration of its sources (rollback overlay included) and
 * Cutover's own evaluator answers from it, synchronously, with the provider's
 * `bucketing`, so canary membership is the flagd server's and the files'.
 *
 * While the stream is down the last synced configuration keeps answering,
 * marked `flagMetadata.stale: true` (it still holds the rollbacks flagd
 * served); before the first one arrives the files answer, marked STALE. A
 * flagd that hangs with its connection open counts as down once a liveness
 * probe goes unanswered (`livenessProbeMs`).
 */
export class FlagdSyncLayer implements Layer {
  readonly name = 'remote';
  /** The resolved configuration. */
  readonly config: FlagdSyncConfig;
  private readonly logger: Logger;
  private readonly backoff: ReconnectBackoff;
  private readonly marks = new RemoteMarks();
  private client: FlagSyncClient | undefined;
  private connector: CreateFlagSyncClient | undefined;
  private host: LayerHost | undefined;
  private flags: ReadonlyMap<string, CompiledFlag> | undefined;
  private stream: ClientReadableStream<SyncFlagsResponse> | undefined;
  private streaming = false;
  private rejected = false;
  private closed = false;
  private status: Status = 'connecting';
  private firstSync: (() => void) | undefined;
  private readonly timers = new Set<NodeJS.Timeout>();
  private graceTimer: NodeJS.Timeout | undefined;
  private readonly liveness: StreamLiveness | undefined;

  constructor(options: FlagdSyncOptions = {}) {
    this.config = resolveFlagdSyncConfig(options);
    this.logger = this.config.logger;
    this.backoff = new ReconnectBackoff(this.config.retryBackoffMs, this.config.retryBackoffMaxMs);
    const intervalMs = this.config.livenessProbeMs;
    this.liveness =
      intervalMs > 0
        ? new StreamLiveness({ intervalMs, probe: (deadlineMs) => this.client?.ping(deadlineMs) ?? Promise.resolve(), onHung: () => this.hung(intervalMs) })
        : undefined;
  }

  /** True while the stream is up and a configuration from it answers. */
  get available(): boolean {
    return this.streaming && this.flags !== undefined;
  }

  attach(host: LayerHost): void {
    this.host = host;
  }

  /** Opens the stream and waits up to `deadlineMs` for the first configuration; never rejects (the files answer meanwhile). */
  async initialize(): Promise<void> {
    // gRPC loads only when a remote layer connects: an application without flagd never pays for it.
    this.connector ??= (await import('./flag-sync-client.js')).createFlagSyncClient;
    this.client ??= this.connector(this.config);
    const synced = new Promise<void>((resolve) => (this.firstSync = resolve));
    this.open();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), this.config.deadlineMs)));
    const outcome = await Promise.race([synced, late]);
    clearTimeout(timer);
    this.firstSync = undefined;
    if (outcome !== 'late' || this.closed) return;
    this.logger.warn(`cutover: no configuration from flagd at ${this.where()} within ${this.config.deadlineMs} ms; the flag files answer until it arrives`);
    // After the SDK has marked the provider ready from the files: tell it that it is stale.
    this.later(() => this.degrade('flagd unreachable'), 0);
  }

  async onClose(): Promise<void> {
    this.closed = true;
    this.streaming = false;
    this.liveness?.stop();
    for (const timer of this.timers) clearTimeout(timer);
    clearTimeout(this.graceTimer);
    this.stream?.cancel();
    this.client?.close();
  }

  resolve(flagKey: string, context: EvaluationContext): LayerResolution | undefined {
    const flags = this.flags;
    if (!flags) return this.fallback(flagKey, context);
    const answer = flags.get(flagKey)?.evaluate(context);
    if (!answer) return undefined;
    // An error (a rule flagd cannot evaluate either): the files decide when they define the flag; otherwise flagd's error is the answer.
    if (answer.errorCode !== undefined && this.host?.fallback(flagKey, context)) return undefined;
    return this.streaming ? this.marks.current(answer) : this.marks.lastSynced(answer);
  }

  private open(): void {
    if (this.closed || !this.client) return;
    const stream = this.client.syncFlags({ providerId: this.config.providerId, selector: this.config.selector ?? '' });
    this.stream = stream;
    stream.on('data', (response: SyncFlagsResponse) => this.receive(response.flagConfiguration));
    stream.on('error', (error: Error) => this.dropped(stream, error.message));
    stream.on('end', () => this.dropped(stream, 'stream ended'));
  }

  private receive(text: string): void {
    let flags: ReadonlyMap<string, CompiledFlag>;
    try {
      const set = parseSyncedFlags(text, this.host?.bucketing ?? 'v2');
      flags = set.flags;
      for (const warning of set.warnings) this.logger.warn(`cutover: flagd configuration ${describeProblem(warning)}; served as flagd serves it`);
    } catch (error) {
      this.reject(error as Error);
      return;
    }
    const before = this.flags;
    const wasRejected = this.rejected;
    this.flags = flags;
    this.rejected = false;
    this.connected();
    if (wasRejected) this.emit(ProviderEvents.Ready, { message: 'flagd configuration valid again' });
    const flagsChanged = before ? changedFlagKeys(before, flags) : [];
    if (flagsChanged.length > 0) this.emit(ProviderEvents.ConfigurationChanged, { flagsChanged, message: 'flagd configuration changed' });
  }

  /** The stream delivered: it is up, the backoff restarts, and READY follows a STALE or ERROR. */
  private connected(): void {
    this.streaming = true;
    this.backoff.reset();
    clearTimeout(this.graceTimer);
    this.graceTimer = undefined;
    this.firstSync?.();
    this.liveness?.start();
    const was = this.status;
    this.status = 'ready';
    if (was === 'stale' || was === 'error') this.emit(ProviderEvents.Ready, { message: 'flagd connected' });
  }

  private reject(error: Error): void {
    this.rejected = true;
    this.logger.error(`cutover: kept the last good flagd configuration; ${error.message}`);
    this.emit(ProviderEvents.Error, { message: `flagd sent a configuration Cutover cannot use; the last good one stays: ${error.message}`, errorCode: ErrorCode.PARSE_ERROR });
  }

  private dropped(stream: ClientReadableStream<SyncFlagsResponse>, message: string): void {
    if (stream !== this.stream || this.closed) return;
    this.stream = undefined;
    this.streaming = false;
    this.liveness?.stop();
    stream.removeAllListeners();
    stream.on('error', () => undefined);
    if (this.status === 'ready') this.degrade(`flagd stream lost (${message})`);
    this.later(() => this.open(), this.backoff.next());
  }

  /**
   * flagd stopped answering on a connection that is still open (a stopped or
   * frozen process, a network that drops packets): the stream counts as lost
   * and the connection is replaced, since requests on it would wait as well.
   */
  private hung(silentMs: number): void {
    const stream = this.stream;
    if (!stream || this.closed) return;
    this.client?.close();
    this.client = this.connector!(this.config);
    this.dropped(stream, `flagd did not answer a liveness probe within ${silentMs} ms`);
    stream.cancel();
  }

  private degrade(message: string): void {
    if (this.status === 'stale' || this.status === 'error' || this.available || this.closed) return;
    this.status = 'stale';
    const serving = this.flags ? 'the last configuration flagd sent answers' : 'the flag files answer';
    this.logger.warn(`cutover: ${message} (flagd at ${this.where()}); ${serving}`);
    this.emit(ProviderEvents.Stale, { message: `${message}; ${serving}` });
    clearTimeout(this.graceTimer);
    this.graceTimer = setTimeout(() => this.lost(), this.config.retryGracePeriod * 1000);
    this.graceTimer.unref();
  }

  private lost(): void {
    if (this.available || this.closed || this.status !== 'stale') return;
    this.status = 'error';
    this.emit(ProviderEvents.Error, { message: `flagd not reconnected within ${this.config.retryGracePeriod} s; ${this.flags ? 'the last configuration flagd sent' : 'the flag files'} answer` });
  }

  private fallback(flagKey: string, context: EvaluationContext): LayerResolution | undefined {
    const answer = this.host?.fallback(flagKey, context);
    return answer && staleResolution(answer);
  }

  private later(run: () => void, ms: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    timer.unref();
    this.timers.add(timer);
  }

  private emit(event: ProviderEvents, details: EventContext): void {
    this.host?.emit(event, details);
  }

  private where(): string {
    return this.config.socketPath ?? `${this.config.host}:${this.config.port}`;
  }
}

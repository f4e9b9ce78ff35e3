import type { GuardOptions, GuardRunOptions, GuardVerdict } from '@cutover/guard';
import type { OutcomeEvents } from '@cutover/hooks';
import type { ComparisonSink, FileComparisonStore } from '@cutover/migrate';
import type { CutoverProviderOptions } from '@cutover/provider';
import type { RollbackHooks } from '@cutover/rollback';
import type { Logger } from '@openfeature/server-sdk';
import type { Registry } from 'prom-client';

/** How every migration of an application is guarded, unless its own `guard` says otherwise. */
export interface CutoverGuardOptions {
  /** The limits the guard judges by. @default the guard's defaults */
  readonly criteria?: GuardOptions;
  /** Interval and actor. @default the guard's defaults (every 5 s) */
  readonly run?: GuardRunOptions;
  /**
   * A Prometheus server whose numbers the guard judges (a fleet: every
   * instance's metrics); without it, this process's own metrics.
   * @default none: the local registry
   */
  readonly prometheusUrl?: string;
  /** Called with every verdict of every guard (a throw is logged). */
  readonly onVerdict?: (verdict: GuardVerdict) => void;
}

/** Everything `createCutover` can be told. */
export interface CutoverConfig<Store extends ComparisonSink = FileComparisonStore> {
  /**
   * flagd JSON flag files, lowest precedence first.
   * @default every `*.flagd.json` of the project's flags directory (`CUTOVER_FLAGS_DIR`, `cutover.config.json`, or the nearest `flags/`)
   */
  readonly files: readonly string[];
  /** Where metrics are registered. @default prom-client's global `register` */
  readonly registry: Registry;
  /**
   * Where comparisons are kept: a directory for the JSONL store, a store of
   * your own, or `false` for none.
   * @default the project's `.cutover/comparisons`
   */
  readonly store: string | Store | false;
  /** The audit log of rollbacks. @default the project's `.cutover/audit.jsonl` */
  readonly audit: string;
  /**
   * Callbacks around every rollback, the guard's included: `before` (restore
   * state a legacy path needs) and `after` (check legacy's health), each
   * bounded by its timeout and audited with its outcome. @default none
   */
  readonly rollbackHooks: RollbackHooks;
  /** Guard every migration (`false`: none). @default guarded with the guard's defaults, on the local registry */
  readonly guard: CutoverGuardOptions | false;
  /**
   * Business events the application reports with `client.track` (`{
   * pr_accepted: 'success', pr_rejected: 'failure', build: 'value' }`),
   * counted for the path that served the event's targeting key and judged by
   * the guard's success rate. `cutover.outcome` call outcomes are counted
   * either way.
   * @default none
   */
  readonly outcomes: OutcomeEvents;
  /** The rest of the provider's options (overlay, env prefix, remote flagd, bucketing …). @default the provider's defaults */
  readonly provider: Omit<CutoverProviderOptions, 'files' | 'logger'>;
  /** The OpenFeature domain the provider is registered under; migrations use its client. @default the default provider */
  readonly domain: string | undefined;
  /** Where every part logs. @default console */
  readonly logger: Logger;
}

/** Options of `createCutover`: every field has a default. */
export type CutoverOptions<Store extends ComparisonSink = FileComparisonStore> = Partial<CutoverConfig<Store>>;

import { Guard, LocalRegistrySource, PrometheusSource, StoreComparisonSource } from '@cutover/guard';
import type { ComparisonCountsReader, GuardSource } from '@cutover/guard';
import { FlagSourceMetrics, MetricsHook, MigrationMetrics, OutcomeAttribution, TrackingOutcomes } from '@cutover/hooks';
import { FileComparisonStore, Migration } from '@cutover/migrate';
import type { ComparisonSink, MigrationInit } from '@cutover/migrate';
import { CutoverProvider } from '@cutover/provider';
import { AuditLog, Rollback } from '@cutover/rollback';
import { OpenFeature } from '@openfeature/server-sdk';
import type { Hook } from '@openfeature/server-sdk';
import type { CutoverConfig, CutoverGuardOptions, CutoverOptions } from './cutover-options.js';
import { resolveCutoverConfig } from './resolve-cutover-config.js';

/** A migration as `Cutover.migration` takes it: the runner's init without what Cutover supplies. */
export type CutoverMigrationInit<I, O, W = never, R = void> = Omit<MigrationInit<I, O, W, R>, 'client' | 'store' | 'logger'> &
  Partial<Pick<MigrationInit<I, O, W, R>, 'client' | 'logger'>> & {
    /** This migration's guard: the application's guard options by default, `false` for none. */
    readonly guard?: CutoverGuardOptions | false;
  };

/** The parts of one application's Cutover, wired together. */
export interface Cutover<Store extends ComparisonSink = FileComparisonStore> {
  /** The OpenFeature provider: register it (`OpenFeature.setProviderAndWait(cutover.provider)`). */
  readonly provider: CutoverProvider;
  /** The OpenFeature hooks to add (`OpenFeature.addHooks(...cutover.hooks)`): evaluation metrics, and which path served whom. */
  readonly hooks: readonly Hook[];
  /** Counts `client.track` outcomes: `cutover.outcome` calls and the declared business events. */
  readonly outcomes: TrackingOutcomes;
  /** Which path served each targeting key (bounded; among `hooks` when `outcomes` are declared): keep `pathOf(flagKey, itemId)` with an item whose outcome comes late. */
  readonly attribution: OutcomeAttribution;
  /** Per-migration metrics: outcomes, durations, comparisons, rollbacks. */
  readonly metrics: MigrationMetrics;
  /** Rolls back (and clears) through this provider's own files and overlay. */
  readonly rollback: Rollback;
  /** Where comparisons go, when kept: the JSONL store made from a path, or the store you gave. */
  readonly store: Store | undefined;
  /** The audit log rollbacks are recorded in. */
  readonly audit: AuditLog;
  /** The guard of each guarded migration, by flag key. */
  readonly guards: ReadonlyMap<string, Guard>;
  /** The resolved configuration. */
  readonly config: CutoverConfig<Store>;
  /** A migration runner on this provider, store and metrics, guarded unless told otherwise. */
  migration<I, O, W = never, R = void>(init: CutoverMigrationInit<I, O, W, R>): Migration<I, O, W, R>;
  /** Stops the guards, flushes and closes the store, closes the provider. */
  close(): Promise<void>;
}

/**
 * Wires the common case in one call: the provider on the flag files, the
 * metrics hook, migration metrics, the comparison store, the audit log, the
 * one rollback path, and a guard per migration. Every part stays usable on
 * its own for those who need another shape.
 */
export function createCutover(options?: CutoverOptions & { readonly store?: string | false }): Cutover;
/** The same, with a comparison store of your own (`PostgresComparisonStore`, …). */
export function createCutover<Store extends ComparisonSink>(options: CutoverOptions<Store> & { readonly store: Store }): Cutover<Store>;
export function createCutover<Store extends ComparisonSink>(options: CutoverOptions<Store> = {}): Cutover<Store> {
  const config = resolveCutoverConfig(options);
  const { registry, logger } = config;
  const provider = new CutoverProvider({ ...config.provider, files: [...config.files], logger });
  const metrics = new MigrationMetrics({ registry, logger });
  new FlagSourceMetrics({ registry, provider });
  // A path makes the JSONL store, which is the default Store type.
  const store = (typeof config.store === 'string' ? new FileComparisonStore({ directory: config.store, logger }) : config.store || undefined) as Store | undefined;
  const audit = new AuditLog(config.audit);
  const rollback = new Rollback({ provider, audit, metrics, logger, hooks: config.rollbackHooks });
  const attribution = new OutcomeAttribution();
  const outcomes = new TrackingOutcomes({ provider, metrics, logger, outcomes: config.outcomes, attribution });
  const guards = new Map<string, Guard>();

  const guardFor = (flagKey: string, guard: CutoverGuardOptions): Guard => {
    const paths: GuardSource = guard.prometheusUrl ? new PrometheusSource({ url: guard.prometheusUrl, flagKey }) : new LocalRegistrySource({ metrics, flagKey });
    // A store the whole fleet writes to holds the fleet's comparisons: the match rate is judged on them.
    const source = isShared(store) ? new StoreComparisonSource({ paths, store, flagKey, logger }) : paths;
    const { criteria, run, onVerdict } = guard;
    return new Guard({ flagKey, source, rollback, provider, logger, metrics, ...(criteria ? { criteria } : {}), ...(run ? { options: run } : {}), ...(onVerdict ? { onVerdict } : {}) });
  };

  return {
    provider,
    // Remembering who was served costs every evaluation a map update: only where outcomes are declared.
    hooks: Object.keys(config.outcomes).length > 0 ? [new MetricsHook({ registry }), attribution] : [new MetricsHook({ registry })],
    outcomes,
    attribution,
    metrics,
    rollback,
    store,
    audit,
    guards,
    config,
    migration<I, O, W = never, R = void>(init: CutoverMigrationInit<I, O, W, R>): Migration<I, O, W, R> {
      const { guard = config.guard, ...rest } = init;
      const migration = new Migration<I, O, W, R>({
        client: config.domain === undefined ? OpenFeature.getClient() : OpenFeature.getClient(config.domain),
        logger,
        ...(store ? { store } : {}),
        ...rest,
      });
      metrics.attach(migration);
      if (guard !== false && !guards.has(init.flagKey)) guards.set(init.flagKey, guardFor(init.flagKey, guard).start());
      return migration;
    },
    async close() {
      for (const guard of guards.values()) guard.stop();
      outcomes.close();
      await (store as { close?: () => Promise<void> } | undefined)?.close?.();
      await provider.onClose();
    },
  };
}

function isShared(store: ComparisonSink | undefined): store is ComparisonSink & ComparisonCountsReader & { readonly shared: true } {
  const candidate = store as (ComparisonSink & Partial<ComparisonCountsReader> & { readonly shared?: unknown }) | undefined;
  return candidate?.shared === true && typeof candidate.getSummary === 'function';
}

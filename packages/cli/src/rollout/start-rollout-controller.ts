import { MigrationMetrics } from '@cutover/hooks';
import { CutoverProvider } from '@cutover/provider';
import { AuditLog, Rollback } from '@cutover/rollback';
import { comparisonRecordsAnalysis, prometheusAnalysis, RolloutController, RolloutStateFile } from '@cutover/rollout';
import type { RolloutPlan, RolloutProgress } from '@cutover/rollout';
import type { Logger } from '@openfeature/server-sdk';
import { Registry } from 'prom-client';
import { DEFAULT_COMPARISON_STORE } from '../command-support/cli-paths.js';
import { openComparisonStore } from '../command-support/open-comparison-store.js';

/** What `cutover rollout run` wires together. */
export interface RolloutRunSetup {
  readonly flagKey: string;
  readonly files: readonly string[];
  /** The files the provider loads for rollbacks: the readable ones (a broken file would stop it loading any). @default files */
  readonly providerFiles?: readonly string[];
  readonly overlay: string;
  readonly audit: string;
  readonly stateDir: string;
  readonly plan: RolloutPlan;
  /** The Prometheus server that scrapes the fleet; without it, each step is judged on the comparison store's records. */
  readonly prometheus?: string;
  /**
   * The comparison store the application writes (a directory or a postgres:// URL). With
   * Prometheus, the match rate is judged on its records when given; without Prometheus,
   * every criterion is. @default .cutover/comparisons (without Prometheus)
   */
  readonly store?: string;
  readonly actor: string;
  readonly onProgress: (progress: RolloutProgress) => void;
  readonly logger: Logger;
}

/**
 * A controller for the command line: the fleet's numbers from Prometheus (the
 * match rate from the comparison store, when one is given), or without a
 * Prometheus server the comparisons the application stored (one process and
 * its store, or a fleet sharing a PostgreSQL store), and
 * rollbacks through `Rollback` (overlay, audit records, the same shape as the
 * guard's) over a provider on the flag files. The controller's process serves
 * no traffic; the provider holds the flag definitions (its last good ones) and
 * the overlay path a rollback uses.
 */
export async function startRolloutController(setup: RolloutRunSetup): Promise<{ controller: RolloutController; judgedOn: string; close: () => Promise<void> }> {
  const provider = new CutoverProvider({ files: [...(setup.providerFiles ?? setup.files)], rollbackOverlay: setup.overlay, watch: false, env: {}, logger: setup.logger });
  await provider.initialize();
  const records = setup.prometheus === undefined || setup.store !== undefined ? await openComparisonStore(setup.store ?? DEFAULT_COMPARISON_STORE) : undefined;
  const criteria = setup.plan.guard;
  const analysis =
    setup.prometheus === undefined
      ? comparisonRecordsAnalysis({ store: records!.store, location: records!.label, flagKey: setup.flagKey, criteria })
      : prometheusAnalysis({ url: setup.prometheus, flagKey: setup.flagKey, criteria, ...(records ? { comparisons: records.store } : {}) });
  const audit = new AuditLog(setup.audit);
  const rollback = new Rollback({
    provider,
    audit,
    metrics: new MigrationMetrics({ registry: new Registry(), logger: setup.logger }),
    logger: setup.logger,
  });
  const controller = new RolloutController({
    flagKey: setup.flagKey,
    files: setup.files,
    overlay: setup.overlay,
    plan: setup.plan,
    analysis,
    rollback,
    audit,
    states: new RolloutStateFile(setup.stateDir),
    actor: setup.actor,
    onProgress: setup.onProgress,
  });
  const close = async (): Promise<void> => {
    await records?.store.close();
    await provider.onClose();
  };
  return { controller, judgedOn: analysis.description, close };
}

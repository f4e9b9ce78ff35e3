import { MigrationMetrics } from '@cutover/hooks';
import { CutoverProvider } from '@cutover/provider';
import { AuditLog, Rollback } from '@cutover/rollback';
import { prometheusAnalysis, RolloutController, RolloutStateFile } from '@cutover/rollout';
import type { RolloutPlan, RolloutProgress } from '@cutover/rollout';
import type { Logger } from '@openfeature/server-sdk';
import { Registry } from 'prom-client';
import { openComparisonStore } from '../command-support/open-comparison-store.js';

/** What `cutover rollout run` wires together. */
export interface RolloutRunSetup {
  readonly flagKey: string;
  readonly files: readonly string[];
  readonly overlay: string;
  readonly audit: string;
  readonly stateDir: string;
  readonly plan: RolloutPlan;
  readonly prometheus: string;
  /** A comparison store whose records the match rate is judged on (the fleet's PostgreSQL); without it, Prometheus's comparison counters. */
  readonly store?: string;
  readonly actor: string;
  readonly onProgress: (progress: RolloutProgress) => void;
  readonly logger: Logger;
}

/**
 * A controller for the command line: the fleet's numbers from Prometheus (the
 * match rate from the comparison store, when one is given), and
 * rollbacks through `Rollback` (overlay, audit records, the same shape as the
 * guard's) over a provider on the flag files. The controller's process serves
 * no traffic; the provider holds the flag definitions (its last good ones) and
 * the overlay path a rollback uses.
 */
export async function startRolloutController(setup: RolloutRunSetup): Promise<{ controller: RolloutController; close: () => Promise<void> }> {
  const provider = new CutoverProvider({ files: [...setup.files], rollbackOverlay: setup.overlay, watch: false, env: {}, logger: setup.logger });
  await provider.initialize();
  const comparisons = setup.store === undefined ? undefined : (await openComparisonStore(setup.store)).store;
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
    analysis: prometheusAnalysis({ url: setup.prometheus, flagKey: setup.flagKey, criteria: setup.plan.guard, ...(comparisons ? { comparisons } : {}) }),
    rollback,
    audit,
    states: new RolloutStateFile(setup.stateDir),
    actor: setup.actor,
    onProgress: setup.onProgress,
  });
  const close = async (): Promise<void> => {
    await comparisons?.close();
    await provider.onClose();
  };
  return { controller, close };
}

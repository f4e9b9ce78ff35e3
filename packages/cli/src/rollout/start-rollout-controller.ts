import { MigrationMetrics } from '@cutover/hooks';
import { CutoverProvider } from '@cutover/provider';
import { AuditLog, Rollback } from '@cutover/rollback';
import { RolloutController, RolloutStateFile } from '@cutover/rollout';
import type { RolloutAnalysis, RolloutPlan, RolloutProgress } from '@cutover/rollout';
import type { Logger } from '@openfeature/server-sdk';
import { Registry } from 'prom-client';

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
  /** What judges each step: Prometheus' fleet numbers, or the comparison store. */
  readonly analysis: RolloutAnalysis;
  readonly actor: string;
  readonly onProgress: (progress: RolloutProgress) => void;
  readonly logger: Logger;
}

/**
 * A controller for the command line: the analysis it is given (Prometheus, or
 * the comparison store), and rollbacks through `Rollback` (overlay, audit records, the same shape as the
 * guard's) over a provider on the flag files. The controller's process serves
 * no traffic; the provider holds the flag definitions (its last good ones) and
 * the overlay path a rollback uses.
 */
export async function startRolloutController(setup: RolloutRunSetup): Promise<{ controller: RolloutController; close: () => Promise<void> }> {
  const provider = new CutoverProvider({ files: [...(setup.providerFiles ?? setup.files)], rollbackOverlay: setup.overlay, watch: false, env: {}, logger: setup.logger });
  await provider.initialize();
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
    analysis: setup.analysis,
    rollback,
    audit,
    states: new RolloutStateFile(setup.stateDir),
    actor: setup.actor,
    onProgress: setup.onProgress,
  });
  return { controller, close: () => provider.onClose() };
}

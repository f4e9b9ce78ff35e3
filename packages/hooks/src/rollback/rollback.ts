import type { AuditLog, CutoverProvider, RollbackOverlay, RollbackScope } from '@cutover/provider';
import { describeScope } from '@cutover/provider';
import type { Logger } from '@openfeature/server-sdk';
import { ROLLBACK_REASONS } from '../conventions.js';
import type { MigrationMetrics } from '../migration/migration-metrics.js';
import type { RollbackReason } from '../migration/migration-series.js';
import type { RollbackResult } from './rollback-result.js';
import { rollbackTargets } from './rollback-targets.js';

/** The provider calls a rollback makes: a `CutoverProvider`. */
export type RollbackProvider = Pick<
  CutoverProvider,
  'override' | 'clearOverrides' | 'getOverrides' | 'flagDefinitions' | 'getRollbacks' | 'reloadFile' | 'config' | 'events'
>;

/** Everything a {@link Rollback} is made of. */
export interface RollbackInit {
  /** This process's provider: it serves the rollback variant at once. */
  readonly provider: RollbackProvider;
  /** The durable overlay, read by the provider on restart and by flagd for the fleet. */
  readonly overlay: Pick<RollbackOverlay, 'rollback'>;
  /** The audit trail: `initiated`, then `completed` or `failed`. */
  readonly audit: Pick<AuditLog, 'append'>;
  /** Where `cutover_rollbacks_total` is counted. */
  readonly metrics?: MigrationMetrics;
  /** @default console */
  readonly logger?: Logger;
}

/** Context of one rollback. */
export interface RollbackDetails {
  /** Who acts: `guard`, `cli:<user>`, `dashboard`. @default 'guard' */
  readonly by?: string;
  /** The reason in words, for the overlay and the audit record. @default the reason label */
  readonly message?: string;
  /** The numbers behind the decision (a guard verdict), copied into both audit records. */
  readonly numbers?: Readonly<Record<string, unknown>>;
  /** `performance.now()` when the decision was taken, to time the rollback from it. @default now */
  readonly startedAt?: number;
}

/**
 * Rolls migrations back: the flags in scope serve their `rollbackVariant` in
 * this process at once (provider overrides, all before the first await), then
 * durably (the overlay file, which restarts and, through flagd or the file
 * watch, the fleet follow). Once the provider serves the overlay the
 * overrides are lifted, so clearing the overlay later really undoes the
 * rollback here too; if the overlay write fails they stay. Each rollback is
 * audited (`initiated`, then `completed` or `failed`, with the numbers) and
 * counted in `cutover_rollbacks_total{reason,status}`. Never throws: the
 * outcome is in the result.
 */
export class Rollback {
  private readonly logger: Logger;

  constructor(private readonly init: RollbackInit) {
    this.logger = init.logger ?? console;
  }

  /** Rolls back the migration flags in `scope`, for a reason label (the guard's criterion, or `manual`). */
  async rollback(scope: RollbackScope, reason: RollbackReason, details: RollbackDetails = {}): Promise<RollbackResult> {
    const startedAt = details.startedAt ?? performance.now();
    const { provider, metrics } = this.init;
    const scopeText = describeScope(scope);
    const by = details.by ?? 'guard';
    const message = details.message ?? reason;
    const numbers = details.numbers ?? {};
    let targets: ReturnType<typeof rollbackTargets>['targets'] = [];
    let problems: string[];
    try {
      ({ targets, problems } = rollbackTargets(provider.flagDefinitions(), scope));
      for (const target of targets) provider.override(target.flagKey, target.value);
    } catch (error) {
      problems = [`serving the rollback variant failed: ${messageOf(error)}`];
    }
    const localMs = performance.now() - startedAt;
    const flags = targets.map(({ flagKey, variant }) => ({ flagKey, variant }));
    const record = { action: 'rollback', scope: scopeText, actor: by, reason: message } as const;
    await this.audit({ ...record, status: 'initiated', details: { reasonLabel: reason, flags, ...numbers } });

    let error = targets.length === 0 ? (problems[0] ?? `no migration flag in ${scopeText}`) : undefined;
    let durableMs: number | null = null;
    if (error === undefined) {
      const writing = performance.now();
      try {
        await this.init.overlay.rollback(scope, { reason: message, by });
        durableMs = performance.now() - writing;
        await this.liftOverrides(targets.map((t) => t.flagKey));
      } catch (cause) {
        error = `writing the rollback overlay failed: ${messageOf(cause)}`;
      }
    }
    const status = error === undefined ? 'completed' : 'failed';
    const timings = { localMs, durableMs, totalMs: performance.now() - startedAt };
    // Flags in scope that could not be rolled back beside the ones that were (e.g. no usable rollbackVariant).
    const notRolledBack = error === undefined && problems.length > 0 ? { problems } : {};
    await this.audit({ ...record, status, details: { reasonLabel: reason, flags, timings, ...(error ? { error } : {}), ...notRolledBack, ...numbers } });
    const counted = flags.length > 0 ? flags.map((f) => f.flagKey) : 'flag' in scope ? [scope.flag] : [];
    for (const flagKey of counted) metrics?.recordRollback(flagKey, reason, status);
    const line = `cutover: rollback of ${scopeText} (${reason}) ${status}: ${flags.map((f) => `${f.flagKey} → ${f.variant}`).join(', ') || 'no flag'}; local ${localMs.toFixed(2)} ms, overlay ${durableMs === null ? '–' : `${durableMs.toFixed(1)} ms`}`;
    if (error === undefined) this.logger.warn(line);
    else this.logger.error(`${line}; ${error}`);
    return { status, scope: scopeText, reason, flags, ...(error ? { error } : {}), timings };
  }

  /** A human's rollback of one flag, a group or everything, e.g. from the CLI or the dashboard. */
  emergencyRollback(scope: RollbackScope, reason: string, options: { readonly by?: string } = {}): Promise<RollbackResult> {
    return this.rollback(scope, ROLLBACK_REASONS.manual, { by: options.by ?? 'operator', message: reason });
  }

  // The overlay now holds the rollback: once the provider serves it, drop our
  // overrides so the overlay is the one place a rollback lives (and is cleared).
  private async liftOverrides(flagKeys: readonly string[]): Promise<void> {
    const { provider } = this.init;
    const overlay = provider.config.rollbackOverlay;
    if (overlay === false) return;
    try {
      await provider.reloadFile(overlay);
    } catch (error) {
      this.logger.warn(`cutover: reloading the rollback overlay failed, keeping the overrides: ${messageOf(error)}`);
      return;
    }
    const served = new Set(provider.getRollbacks());
    for (const flagKey of flagKeys) if (served.has(flagKey)) provider.clearOverrides(flagKey);
  }

  private async audit(record: Parameters<AuditLog['append']>[0]): Promise<void> {
    try {
      await this.init.audit.append(record);
    } catch (error) {
      this.logger.error(`cutover: appending the ${record.status} audit record of a rollback failed: ${messageOf(error)}`);
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

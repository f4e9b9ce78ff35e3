import type { Logger } from '@openfeature/server-sdk';
import type { AuditLog } from './audit/audit-log.js';
import type { KnownFlags, UnreadableFile } from './definitions/known-flags.js';
import { withMappedStageFlags } from './definitions/mapped-stage-flags.js';
import { providerFlags } from './definitions/provider-flags.js';
import { readFlagFiles } from './definitions/read-flag-files.js';
import type { RollbackHookOutcome } from './hooks/rollback-hook.js';
import { runRollbackHooks } from './hooks/run-rollback-hooks.js';
import type { RollbackEntry } from './overlay/rollback-entry.js';
import { RollbackOverlay } from './overlay/rollback-overlay.js';
import type { RollbackDetails, RollbackInit, RollbackProvider } from './rollback-init.js';
import { ROLLBACK_REASONS } from './rollback-reasons.js';
import type { RollbackReason } from './rollback-reasons.js';
import type { ClearRollbackResult, RollbackErrorCode, RollbackResult } from './rollback-result.js';
import { inRollbackScope } from './scope/in-rollback-scope.js';
import { describeScope } from './scope/rollback-scope.js';
import type { RollbackScope } from './scope/rollback-scope.js';
import { selectRollbackTargets } from './scope/select-rollback-targets.js';
import type { RollbackSelection, RollbackTarget } from './scope/select-rollback-targets.js';

type Failure = { readonly errorCode: RollbackErrorCode; readonly error: string };

/**
 * Rolls migrations back, and lifts rollbacks: the one path the guard, the
 * rollout controller, the command line and the dashboard share. With a
 * provider, the flags in scope serve their `rollbackVariant` in this process
 * at once (provider overrides, all before the first await), chosen from the
 * provider's last good definitions; then durably through the overlay file,
 * which restarts and, through flagd or the file watch, the fleet follow. Once
 * the provider serves the overlay the overrides are lifted, so clearing the
 * overlay really undoes the rollback here too; if the overlay write fails
 * they stay. Each rollback is audited (`initiated`, then `completed` or
 * `failed`, with the numbers) and counted in `cutover_rollbacks_total`. A flag
 * file that cannot be read never blocks the rollback of a flag in another;
 * the result names it. Hooks (`hooks.before`, `hooks.after`) run around it,
 * each bounded by its timeout and recorded with its outcome; a failing hook
 * never stops the rollback. Never throws: the outcome is in the result.
 */
export class Rollback {
  /** The overlay file written, or `false` when the provider has none. */
  readonly overlayPath: string | false;
  private readonly overlay: RollbackOverlay | undefined;
  private readonly logger: Logger;
  // Overrides this rollback set and has not lifted yet: clearing lifts them too.
  private readonly overridden = new Set<string>();

  constructor(private readonly init: RollbackInit) {
    this.logger = init.logger ?? console;
    this.overlayPath = 'provider' in init ? init.provider.config.rollbackOverlay : init.overlay;
    this.overlay = this.overlayPath === false ? undefined : new RollbackOverlay(this.overlayPath, init.overlayOptions);
  }

  /** Rolls back the migration flags in `scope`, for a reason label (the guard's criterion, or `manual`). */
  async rollback(scope: RollbackScope, reason: RollbackReason, details: RollbackDetails = {}): Promise<RollbackResult> {
    const startedAt = details.startedAt ?? performance.now();
    const scopeText = describeScope(scope);
    const by = details.by ?? 'guard';
    const message = details.message ?? reason;
    const numbers = details.numbers ?? {};
    const provider = this.provider;
    const hooks = this.init.hooks ?? {};
    let hookOutcomes: RollbackHookOutcome[] = [];
    let known: KnownFlags = { definitions: new Map(), unreadable: [] };
    let selection: RollbackSelection = { targets: [], problems: [] };
    let localMs: number | null = null;
    try {
      // With a provider nothing here awaits: this process serves the rollback before anything else runs.
      known = provider ? withMappedStageFlags(providerFlags(provider), provider.config.stages) : await this.fileFlags();
      selection = selectRollbackTargets(known.definitions, scope);
      // Only with hooks does anything await before this process serves the rollback, and each hook only up to its timeout.
      if (hooks.before?.length && selection.targets.length > 0) {
        const flags = selection.targets.map(({ flagKey, variant }) => ({ flagKey, variant }));
        hookOutcomes = await runRollbackHooks(hooks.before, { phase: 'before', scope: scopeText, reason, by, flags }, this.logger);
      }
      if (provider) {
        this.serveLocally(provider, selection.targets);
        localMs = performance.now() - startedAt;
      }
    } catch (error) {
      selection = { targets: selection.targets, problems: [`serving the rollback variant failed: ${messageOf(error)}`] };
    }
    const { targets, problems } = selection;
    const { unreadable } = known;
    const flags = targets.map(({ flagKey, variant }) => ({ flagKey, variant }));
    const record = { action: 'rollback', scope: scopeText, actor: by, reason: message } as const;
    await this.audit({ ...record, status: 'initiated', details: { reasonLabel: reason, flags, ...(hookOutcomes.length > 0 && { hooks: hookOutcomes }), ...numbers } });

    let failure: Failure | undefined =
      targets.length === 0 ? { errorCode: 'ROLLBACK_INVALID', error: withUnreadable(problems[0] ?? `no migration flag (metadata.kind = "migration") in ${scopeText}`, unreadable) } : undefined;
    let durableMs: number | null = null;
    let entries: RollbackEntry[] | undefined;
    if (failure === undefined) {
      const writing = performance.now();
      const written = await this.write(targets, { reason: message, by });
      if ('error' in written) failure = written;
      else {
        entries = written.entries;
        durableMs = performance.now() - writing;
        if (provider) await this.liftOverrides(provider, targets.map((t) => t.flagKey));
      }
    }
    const status = failure === undefined ? 'completed' : 'failed';
    const timings = { localMs, durableMs, totalMs: performance.now() - startedAt };
    if (hooks.after?.length && targets.length > 0) {
      hookOutcomes = [...hookOutcomes, ...(await runRollbackHooks(hooks.after, { phase: 'after', scope: scopeText, reason, by, flags, status }, this.logger))];
    }
    const outcome = {
      ...(failure ? { error: failure.error } : {}),
      // Flags in scope that could not be rolled back beside the ones that were (e.g. no usable rollbackVariant).
      ...(failure === undefined && problems.length > 0 ? { problems } : {}),
      ...(unreadable.length > 0 ? { unreadable } : {}),
      ...(hookOutcomes.length > 0 ? { hooks: hookOutcomes } : {}),
    };
    await this.audit({ ...record, status, details: { reasonLabel: reason, flags, timings, ...outcome, ...numbers } });
    const counted = flags.length > 0 ? flags.map((f) => f.flagKey) : 'flag' in scope ? [scope.flag] : [];
    for (const flagKey of counted) this.count(flagKey, reason, status);
    this.report(`rollback of ${scopeText} (${reason}) ${status}: ${flags.map((f) => `${f.flagKey} → ${f.variant}`).join(', ') || 'no flag'}; local ${localMs === null ? '–' : `${localMs.toFixed(2)} ms`}, overlay ${durableMs === null ? '–' : `${durableMs.toFixed(1)} ms`}`, failure?.error, unreadable);
    return { status, scope: scopeText, reason, flags, ...(entries ? { entries } : {}), ...(unreadable.length > 0 ? { unreadable } : {}), ...(hookOutcomes.length > 0 ? { hooks: hookOutcomes } : {}), ...(failure ?? {}), timings };
  }

  /** A person's rollback of one flag, a group or everything, e.g. from the CLI or the dashboard. */
  emergencyRollback(scope: RollbackScope, reason: string, options: { readonly by?: string } = {}): Promise<RollbackResult> {
    return this.rollback(scope, ROLLBACK_REASONS.manual, { by: options.by ?? 'operator', message: reason });
  }

  /**
   * Lifts the rollbacks in `scope` (the overlay's, and the overrides this
   * rollback left in this process), recorded as `rollback-cleared` with the
   * reason when something was lifted. Never throws.
   */
  async clear(scope: RollbackScope, details: { readonly reason: string; readonly by?: string }): Promise<ClearRollbackResult> {
    const scopeText = describeScope(scope);
    const provider = this.provider;
    const record = { action: 'rollback-cleared', scope: scopeText, actor: details.by ?? 'operator', reason: details.reason } as const;
    let known: KnownFlags = { definitions: new Map(), unreadable: [] };
    const cleared: string[] = [];
    let error: string | undefined;
    try {
      known = provider ? withMappedStageFlags(providerFlags(provider), provider.config.stages) : await this.fileFlags();
      cleared.push(...((await this.overlay?.clear(scope, known.definitions)) ?? []));
    } catch (cause) {
      error = `writing the rollback overlay failed: ${messageOf(cause)}`;
    }
    if (provider) {
      if (cleared.length > 0 && this.overlayPath !== false) await this.reloadOverlay(provider, this.overlayPath);
      for (const flagKey of [...this.overridden].filter((key) => inRollbackScope(scope, key, (other) => known.definitions.get(other)))) {
        provider.clearOverrides(flagKey);
        this.overridden.delete(flagKey);
        if (!cleared.includes(flagKey)) cleared.push(flagKey);
      }
    }
    const { unreadable } = known;
    const outcome = { ...(error ? { error } : {}), ...(unreadable.length > 0 ? { unreadable } : {}) };
    if (error || cleared.length > 0) await this.audit({ ...record, status: error ? 'failed' : 'completed', details: { flags: cleared, ...outcome } });
    this.report(`rollback of ${scopeText} ${error ? 'not lifted' : 'lifted'}: ${cleared.join(', ') || 'none was in force'}`, error, unreadable);
    return { status: error ? 'failed' : 'completed', scope: scopeText, cleared, ...outcome };
  }

  /** The rollbacks the overlay holds now (none without an overlay). Rejects when the overlay cannot be read. */
  async list(): Promise<RollbackEntry[]> {
    return (await this.overlay?.list()) ?? [];
  }

  private get provider(): RollbackProvider | undefined {
    return 'provider' in this.init ? this.init.provider : undefined;
  }

  /** Without a provider: the files' flags, and the migrations whose stage booleans decide. */
  private async fileFlags(): Promise<KnownFlags> {
    return 'files' in this.init ? withMappedStageFlags(await readFlagFiles(this.init.files), this.init.stages) : { definitions: new Map(), unreadable: [] };
  }

  private serveLocally(provider: RollbackProvider, targets: readonly RollbackTarget[]): void {
    for (const target of targets) {
      provider.override(target.flagKey, target.value);
      this.overridden.add(target.flagKey);
    }
  }

  private async write(targets: readonly RollbackTarget[], details: { reason: string; by: string }): Promise<{ entries: RollbackEntry[] } | Failure> {
    if (!this.overlay) return { errorCode: 'OVERLAY_UNAVAILABLE', error: 'the provider has no rollback overlay (rollbackOverlay: false): only this process serves the rollback' };
    try {
      return { entries: await this.overlay.write(targets, details) };
    } catch (cause) {
      return { errorCode: 'OVERLAY_WRITE_FAILED', error: `writing the rollback overlay failed: ${messageOf(cause)}` };
    }
  }

  // The overlay now holds the rollback: once the provider serves it, drop our
  // overrides so the overlay is the one place a rollback lives (and is cleared).
  private async liftOverrides(provider: RollbackProvider, flagKeys: readonly string[]): Promise<void> {
    if (this.overlayPath === false || !(await this.reloadOverlay(provider, this.overlayPath))) return;
    const served = new Set(provider.getRollbacks());
    for (const flagKey of flagKeys.filter((key) => served.has(key))) {
      provider.clearOverrides(flagKey);
      this.overridden.delete(flagKey);
    }
  }

  private async reloadOverlay(provider: RollbackProvider, path: string): Promise<boolean> {
    try {
      await provider.reloadFile(path);
      return true;
    } catch (error) {
      this.logger.warn(`cutover: reloading the rollback overlay failed, keeping the overrides: ${messageOf(error)}`);
      return false;
    }
  }

  private count(flagKey: string, reason: RollbackReason, status: 'completed' | 'failed'): void {
    try {
      this.init.metrics?.recordRollback(flagKey, reason, status);
    } catch (error) {
      this.logger.error(`cutover: counting a rollback failed: ${messageOf(error)}`);
    }
  }

  private report(line: string, error: string | undefined, unreadable: readonly UnreadableFile[]): void {
    const skipped = unreadable.length > 0 ? `; unreadable flag files skipped: ${unreadable.map((u) => `${u.file} (${u.error})`).join(', ')}` : '';
    if (error === undefined) this.logger.warn(`cutover: ${line}${skipped}`);
    else this.logger.error(`cutover: ${line}; ${error}${skipped}`);
  }

  private async audit(record: Parameters<AuditLog['append']>[0]): Promise<void> {
    try {
      await this.init.audit.append(record);
    } catch (error) {
      this.logger.error(`cutover: appending the ${record.status} audit record of a ${record.action} failed: ${messageOf(error)}`);
    }
  }
}

function withUnreadable(error: string, unreadable: readonly UnreadableFile[]): string {
  return unreadable.length === 0 ? error : `${error} (flag files that could not be read: ${unreadable.map((u) => u.file).join(', ')})`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

import { randomUUID } from 'node:crypto';
import { rollbackReasonOf } from '@cutover/guard';
import type { GuardVerdict } from '@cutover/guard';
import type { AuditLog, Rollback } from '@cutover/rollback';
import { findApproval } from '../approval/approval-records.js';
import { readGitDefinitions, resolveRolloutFlag } from '../flag/rollout-flag.js';
import { rolloutEntry } from '../overlay/rollout-entry.js';
import { RolloutOverlay } from '../overlay/rollout-overlay.js';
import type { RolloutPlan } from '../plan/rollout-plan.js';
import { RolloutError } from '../rollout-error.js';
import type { RolloutAnalysis } from '../analysis/rollout-analysis.js';
import type { RolloutStateFile } from '../state/rollout-state-file.js';
import type { RolloutDecision, RolloutState } from '../state/rollout-state.js';
import { isFinished } from '../state/rollout-state.js';
import { decisionOf, sourceFailure } from './decision-of.js';
import { systemClock } from './rollout-clock.js';
import type { RolloutClock } from './rollout-clock.js';
import type { RolloutProgress, RolloutProgressKind } from './rollout-progress.js';

/** Everything a {@link RolloutController} is made of. */
export interface RolloutControllerInit {
  readonly flagKey: string;
  /** The flag files in git, in flagd order: the split copies the flag from them. */
  readonly files: readonly string[];
  /** The overlay file the provider and flagd serve last; the controller writes its splits there. */
  readonly overlay: string;
  /** The plan of a new run; a resumed run keeps the plan it started with. */
  readonly plan: RolloutPlan;
  /** The guard's analysis of each step's window. */
  readonly analysis: RolloutAnalysis;
  /** The final cut of a rollback (`Rollback` from `@cutover/rollback`): overlay, audit, metrics. */
  readonly rollback: Pick<Rollback, 'rollback'>;
  readonly audit: Pick<AuditLog, 'append' | 'read'>;
  readonly states: Pick<RolloutStateFile, 'read' | 'write'>;
  /** @default the system clock */
  readonly clock?: RolloutClock;
  /** The audit actor. @default 'controller' */
  readonly actor?: string;
  /** Receives every progress event (a throw is ignored). */
  readonly onProgress?: (progress: RolloutProgress) => void;
}

/**
 * Drives one migration flag through a plan, the way Flagger drives a
 * deployment: writes each step's split into the overlay, lets the guard judge
 * the step's window, and advances on `healthy`, waits on `insufficient-data`
 * (never passing or failing for lack of traffic), and rolls back on `degraded`
 * (gracefully when the plan asks, at once in an emergency). Gates wait for an
 * approval in the audit log. The state is persisted after every transition,
 * so a restarted controller resumes where it was.
 */
export class RolloutController {
  private readonly clock: RolloutClock;
  private readonly overlay: RolloutOverlay;
  private readonly actor: string;
  private readonly abort = new AbortController();
  // Unreadable flag files already reported, so a broken file is named once, not at every step.
  private readonly skipped = new Set<string>();
  private state!: RolloutState;
  // Warnings found before the state exists (while beginning), emitted once it does.
  private readonly pending: string[] = [];

  constructor(private readonly init: RolloutControllerInit) {
    this.clock = init.clock ?? systemClock;
    this.overlay = new RolloutOverlay(init.overlay);
    this.actor = init.actor ?? 'controller';
  }

  /**
   * Runs (or resumes) the rollout until it completes, rolls back, or {@link stop} is called.
   *
   * @throws RolloutError `FLAG_NOT_ROLLABLE` or `ROLLOUT_CONFLICT` (the flag is rolled back) when a new run cannot start
   */
  async run(): Promise<RolloutState> {
    const previous = await this.init.states.read(this.init.flagKey);
    if (previous && !isFinished(previous)) {
      this.state = previous;
      this.emit('resumed');
    } else {
      await this.save(await this.begin());
      this.emit('started');
      for (const message of this.pending.splice(0)) this.emit('warning', { message });
    }
    while (!isFinished(this.state) && !this.stopped) {
      if (this.state.phase === 'awaiting-approval') await this.awaitApproval();
      else if (this.state.phase === 'advancing') await this.advance();
      else if (this.state.phase === 'monitoring') await this.monitor();
      else await this.rampDown();
    }
    if (this.stopped && !isFinished(this.state)) this.emit('stopped', { message: 'stopped; the current split stays served; run again to resume' });
    return this.state;
  }

  /** Stops after the current await; the state stays as persisted, ready to resume. */
  stop(): void {
    this.abort.abort();
  }

  private get stopped(): boolean {
    return this.abort.signal.aborted;
  }

  private async begin(): Promise<RolloutState> {
    const { flagKey, plan } = this.init;
    if (await this.overlay.isRolledBack(flagKey)) {
      throw new RolloutError('ROLLOUT_CONFLICT', `flag "${flagKey}" is rolled back in ${this.init.overlay}; clear the rollback first (cutover rollback --clear ${flagKey})`);
    }
    const unreadable: string[] = [];
    const definitions = await this.gitDefinitions((file) => unreadable.push(file));
    if (!definitions.has(flagKey) && unreadable.length > 0) {
      throw new RolloutError('FLAG_NOT_ROLLABLE', `flag "${flagKey}" is in none of the readable flag files; unreadable: ${unreadable.join(', ')}`);
    }
    const flag = resolveRolloutFlag(definitions, flagKey, plan.target);
    const at = this.isoNow();
    const gated = plan.steps[0]!.approval;
    return {
      version: 1, flagKey, runId: randomUUID(), plan, target: flag.target, baseline: flag.baseline,
      phase: gated ? 'awaiting-approval' : 'advancing', stepIndex: 0,
      ...(gated ? { gateOpenedAt: at } : { stepStartedAt: at }),
      history: [], startedAt: at, updatedAt: at,
    };
  }

  // Writes the step's split. Its start time was fixed before, so a write repeated after a crash is the same write.
  private async advance(): Promise<void> {
    const { flagKey } = this.init;
    const { stepIndex: step, runId, target, baseline } = this.state;
    const { percent, windowMs } = this.step;
    const git = (await this.gitDefinitions()).get(flagKey);
    if (!git) throw new RolloutError('FLAG_NOT_ROLLABLE', `flag "${flagKey}" is no longer in the flag files`);
    const entry = rolloutEntry(git, { target, baseline, percent }, { runId, step, startedAt: this.state.stepStartedAt! });
    if ((await this.overlay.write(flagKey, entry)) === 'rolled-back') return this.rolledBackElsewhere();
    const recorded = await this.init.audit.read((r) => r.action === 'rollout' && r.scope === flagKey && r.details?.runId === runId && r.details?.step === step);
    if (recorded.length === 0) {
      const previous = this.state.history.at(-1);
      await this.audit('rollout', 'completed', `step ${step + 1}/${this.state.plan.steps.length}: ${target} ${percent} % / ${baseline} ${100 - percent} %`, {
        runId, step, percent, target, baseline, windowMs, overlay: this.init.overlay, ...(previous ? { previous } : {}),
      });
    }
    await this.save({ phase: 'monitoring' });
    this.emit('step');
  }

  // Watches the step's window since its split took effect (before a restart too).
  private async monitor(): Promise<void> {
    const startedAt = Date.parse(this.state.stepStartedAt!);
    this.init.analysis.startWindow(startedAt);
    while (!this.stopped && this.state.phase === 'monitoring') {
      if (await this.overlay.isRolledBack(this.init.flagKey)) return this.rolledBackElsewhere();
      const { decision, verdict } = await this.look();
      const remainingMs = startedAt + this.step.windowMs - this.clock.now();
      if (verdict?.status === 'degraded') return this.degraded(verdict);
      if (remainingMs <= 0 && verdict?.status === 'healthy') return this.next(decision);
      if (remainingMs <= 0) {
        if (this.state.extendedSince === undefined) await this.save({ extendedSince: this.isoNow() });
        this.emit('extending', { message: `window over without enough data (${decision.status}): waiting for traffic; never passing or failing for lack of it` });
      } else this.emit('tick', { remainingMs });
      await this.clock.sleep(remainingMs > 0 ? Math.min(this.init.plan.intervalMs, remainingMs) : this.init.plan.intervalMs, this.abort.signal);
    }
  }

  private async next(decision: RolloutDecision): Promise<void> {
    const { plan } = this.state;
    const record = { percent: this.step.percent, startedAt: this.state.stepStartedAt!, decidedAt: decision.at, status: 'healthy' as const, summary: decision.summary };
    const history = [...this.state.history, record];
    const at = this.isoNow();
    if (this.state.stepIndex + 1 >= plan.steps.length) {
      const summary = `plan completed: ${this.state.target} ${this.step.percent} %; the overlay keeps serving it. Finish in git with cutover stage ${this.init.flagKey} ${this.state.target}, then cutover rollout finish ${this.init.flagKey}`;
      await this.audit('rollout', 'completed', summary, { runId: this.state.runId, step: this.state.stepIndex, percent: this.step.percent, completed: true, decision });
      await this.save({ phase: 'completed', history, outcome: { at, summary }, extendedSince: undefined });
      return this.emit('completed');
    }
    const stepIndex = this.state.stepIndex + 1;
    const gated = plan.steps[stepIndex]!.approval;
    await this.save({ stepIndex, history, extendedSince: undefined, ...(gated ? { phase: 'awaiting-approval', gateOpenedAt: at } : { phase: 'advancing', stepStartedAt: at }) });
    if (gated) {
      await this.audit('approval', 'initiated', `waiting for approval of step ${stepIndex + 1}/${plan.steps.length} (${this.step.percent} %)`, { runId: this.state.runId, step: stepIndex, percent: this.step.percent });
    }
  }

  // The gate: the previous split keeps being watched while nobody has approved yet.
  private async awaitApproval(): Promise<void> {
    const { flagKey } = this.init;
    const gate = { flagKey, runId: this.state.runId, step: this.state.stepIndex };
    const watched = this.state.history.at(-1);
    if (watched) this.init.analysis.startWindow(Date.parse(watched.startedAt));
    this.emit('awaiting-approval', { message: `waiting for approval: cutover rollout approve ${flagKey} --reason "..."` });
    while (!this.stopped) {
      const approval = await findApproval(this.init.audit, gate);
      if (approval) {
        await this.save({ phase: 'advancing', stepStartedAt: this.isoNow() });
        return this.emit('approved', { message: `approved by ${approval.actor}: ${approval.reason}` });
      }
      if (await this.overlay.isRolledBack(flagKey)) return this.rolledBackElsewhere();
      if (watched) {
        const { verdict } = await this.look();
        if (verdict?.status === 'degraded') return this.degraded(verdict);
      }
      await this.clock.sleep(Math.min(this.init.plan.intervalMs, 2000), this.abort.signal);
    }
  }

  private async degraded(verdict: GuardVerdict): Promise<void> {
    const graceful = this.state.plan.gracefulRollback;
    const emergency = !graceful || verdict.failed.some((criterion) => graceful.immediateOn.includes(criterion));
    if (emergency) return this.cut(verdict);
    const percent = this.currentPercent();
    const reason = verdict.summary;
    await this.save({ phase: 'ramping-down', rampDown: { fromPercent: percent, done: 0, nextAt: this.isoNow(), reason, failed: verdict.failed } });
    await this.audit('rollout', 'initiated', `graceful rollback from ${percent} % over ${graceful.durationMs / 1000} s in ${graceful.steps} steps: ${reason}`, {
      runId: this.state.runId, failed: verdict.failed, decision: this.state.lastDecision,
    });
  }

  // Lowers the candidate's share step by step; an emergency criterion failing meanwhile cuts at once.
  private async rampDown(): Promise<void> {
    const graceful = this.state.plan.gracefulRollback!;
    while (!this.stopped && this.state.phase === 'ramping-down') {
      const ramp = this.state.rampDown!;
      if (await this.overlay.isRolledBack(this.init.flagKey)) return this.rolledBackElsewhere();
      const waitMs = Date.parse(ramp.nextAt) - this.clock.now();
      if (waitMs > 0) {
        const { verdict } = await this.look();
        if (verdict?.failed.some((criterion) => graceful.immediateOn.includes(criterion))) return this.cut(verdict);
        await this.clock.sleep(Math.min(waitMs, this.init.plan.intervalMs), this.abort.signal);
        continue;
      }
      const done = ramp.done + 1;
      if (done >= graceful.steps) return this.cut(undefined);
      const percent = Math.round(ramp.fromPercent * (1 - done / graceful.steps));
      const git = (await this.gitDefinitions()).get(this.init.flagKey)!;
      const entry = rolloutEntry(git, { target: this.state.target, baseline: this.state.baseline, percent }, { runId: this.state.runId, step: -1, startedAt: this.isoNow() });
      if ((await this.overlay.write(this.init.flagKey, entry)) === 'rolled-back') return this.rolledBackElsewhere();
      await this.audit('rollout', 'completed', `graceful rollback ${done}/${graceful.steps}: ${this.state.target} ${percent} %`, { runId: this.state.runId, step: -1, percent, rampDown: done });
      // The first decrement is immediate and the last (the rollback) lands at `duration`.
      const spacingMs = graceful.durationMs / Math.max(1, graceful.steps - 1);
      await this.save({ rampDown: { ...ramp, done, nextAt: new Date(Date.parse(ramp.nextAt) + spacingMs).toISOString() } });
      this.emit('ramp-down', { message: `candidate share down to ${percent} %` });
    }
  }

  // The rollback itself, through Rollback: the overlay serves the rollback variant to everyone.
  private async cut(verdict: GuardVerdict | undefined): Promise<void> {
    const summary = verdict?.summary ?? `graceful rollback finished: ${this.state.rampDown?.reason ?? ''}`;
    while (!this.stopped) {
      const result = await this.init.rollback.rollback({ flag: this.init.flagKey }, rollbackReasonOf(verdict?.failed ?? this.state.rampDown?.failed ?? []), {
        by: this.actor,
        message: summary,
        numbers: { rollout: { runId: this.state.runId, step: this.state.stepIndex, percent: this.currentPercent() }, decision: this.state.lastDecision },
      });
      if (result.status === 'completed') {
        await this.save({ phase: 'rolled-back', outcome: { at: this.isoNow(), summary: `rolled back: ${summary}` } });
        return this.emit('rolled-back');
      }
      this.emit('rollback-failed', { message: `rollback failed, retrying: ${result.error ?? 'unknown error'}` });
      await this.clock.sleep(this.init.plan.intervalMs, this.abort.signal);
    }
  }

  private async rolledBackElsewhere(): Promise<void> {
    await this.save({ phase: 'rolled-back', outcome: { at: this.isoNow(), summary: 'the flag was rolled back outside the controller (guard, CLI or dashboard); stopping' } });
    this.emit('rolled-back');
  }

  // Git's flags, skipping (and naming once) a file a broken edit made unreadable: it must not stop this flag's rollout.
  private gitDefinitions(onUnreadable?: (file: string) => void): ReturnType<typeof readGitDefinitions> {
    return readGitDefinitions(this.init.files, {
      onUnreadable: (file, error) => {
        onUnreadable?.(file);
        const key = `${file}\u0000${error.message}`;
        if (this.skipped.has(key)) return;
        this.skipped.add(key);
        if (this.state) this.emit('warning', { message: `skipped ${file}, which cannot be read: ${error.message}` });
        else this.pending.push(`skipped ${file}, which cannot be read: ${error.message}`);
      },
    });
  }

  private async look(): Promise<{ decision: RolloutDecision; verdict?: GuardVerdict }> {
    let result: { decision: RolloutDecision; verdict?: GuardVerdict };
    try {
      const verdict = await this.init.analysis.evaluate();
      result = { decision: decisionOf(verdict, this.clock.now()), verdict };
    } catch (error) {
      result = { decision: sourceFailure(error, this.clock.now()) };
    }
    await this.save({ lastDecision: result.decision });
    return result;
  }

  private get step(): RolloutState['plan']['steps'][number] {
    return this.state.plan.steps[this.state.stepIndex]!;
  }

  // What the overlay serves the candidate now: the current step's share once written, the previous one while gated.
  private currentPercent(): number {
    if (this.state.phase === 'ramping-down') return this.state.rampDown!.fromPercent;
    return this.state.phase === 'awaiting-approval' ? (this.state.history.at(-1)?.percent ?? 0) : this.step.percent;
  }

  private async save(patch: Partial<RolloutState>): Promise<void> {
    const next = { ...this.state, ...patch, updatedAt: this.isoNow() };
    for (const key of Object.keys(patch) as (keyof RolloutState)[]) if (patch[key] === undefined) delete next[key];
    await this.init.states.write(next);
    this.state = next;
  }

  private audit(action: 'rollout' | 'approval', status: 'initiated' | 'completed', reason: string, details: Record<string, unknown>): Promise<unknown> {
    return this.init.audit.append({ action, status, scope: this.init.flagKey, actor: this.actor, reason, details, at: this.isoNow() });
  }

  private emit(kind: RolloutProgressKind, extra: { remainingMs?: number; message?: string } = {}): void {
    try {
      this.init.onProgress?.({ kind, state: this.state, ...extra });
    } catch {
      // Progress output must never stop a rollout.
    }
  }

  private isoNow(): string {
    return new Date(this.clock.now()).toISOString();
  }
}

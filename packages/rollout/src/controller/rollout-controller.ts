import { rollbackReasonOf } from '@cutover/guard';
import type { GuardVerdict } from '@cutover/guard';
import type { AuditLog, Rollback } from '@cutover/rollback';
import { findApproval } from '../approval/approval-records.js';
import { rolloutEntry } from '../overlay/rollout-entry.js';
import { RolloutOverlay } from '../overlay/rollout-overlay.js';
import type { RolloutPlan } from '../plan/rollout-plan.js';
import { RolloutError } from '../rollout-error.js';
import type { RolloutAnalysis } from '../analysis/rollout-analysis.js';
import type { RolloutStateFile } from '../state/rollout-state-file.js';
import type { RolloutDecision, RolloutState } from '../state/rollout-state.js';
import { isFinished } from '../state/rollout-state.js';
import { GitFlagReader } from './git-flag-reader.js';
import { isEmergency } from './is-emergency.js';
import { newRolloutState } from './new-rollout-state.js';
import { isoNow, systemClock } from './rollout-clock.js';
import type { RolloutClock } from './rollout-clock.js';
import type { RolloutProgress } from './rollout-progress.js';
import { RolloutRecord } from './rollout-record.js';
import { servedPercent } from './served-percent.js';
import { lookAtWindow } from './window-look.js';
import type { WindowLook } from './window-look.js';

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
  private readonly record: RolloutRecord;
  private readonly git: GitFlagReader;

  constructor(private readonly init: RolloutControllerInit) {
    this.clock = init.clock ?? systemClock;
    this.overlay = new RolloutOverlay(init.overlay);
    this.actor = init.actor ?? 'controller';
    const { flagKey, states, audit, onProgress } = init;
    this.record = new RolloutRecord({ flagKey, states, audit, clock: this.clock, actor: this.actor, onProgress });
    this.git = new GitFlagReader(init.files, (message) => this.record.warn(message));
  }

  /**
   * Runs (or resumes) the rollout until it completes, rolls back, or {@link stop} is called.
   *
   * @throws RolloutError `FLAG_NOT_ROLLABLE` or `ROLLOUT_CONFLICT` (the flag is rolled back) when a new run cannot start
   */
  async run(): Promise<RolloutState> {
    const previous = await this.init.states.read(this.init.flagKey);
    if (previous && !isFinished(previous)) {
      this.record.resume(previous);
      this.record.emit('resumed');
    } else {
      const { flagKey, plan } = this.init;
      await this.record.save(await newRolloutState({ flagKey, plan, overlay: this.overlay, git: this.git, clock: this.clock }));
      this.record.emit('started');
      this.record.emitPendingWarnings();
    }
    while (!isFinished(this.state) && !this.stopped) {
      if (this.state.phase === 'awaiting-approval') await this.awaitApproval();
      else if (this.state.phase === 'advancing') await this.advance();
      else if (this.state.phase === 'monitoring') await this.monitor();
      else await this.rampDown();
    }
    if (this.stopped && !isFinished(this.state)) this.record.emit('stopped', { message: 'stopped; the current split stays served; run again to resume' });
    return this.state;
  }

  /** Stops after the current await; the state stays as persisted, ready to resume. */
  stop(): void {
    this.abort.abort();
  }

  private get stopped(): boolean {
    return this.abort.signal.aborted;
  }

  private get state(): RolloutState {
    return this.record.state;
  }

  // Writes the step's split. Its start time was fixed before, so a write repeated after a crash is the same write.
  private async advance(): Promise<void> {
    const { flagKey } = this.init;
    const { stepIndex: step, runId, target, baseline } = this.state;
    const { percent, windowMs } = this.step;
    const git = (await this.git.read()).get(flagKey);
    if (!git) throw new RolloutError('FLAG_NOT_ROLLABLE', `flag "${flagKey}" is no longer in the flag files`);
    const entry = rolloutEntry(git, { target, baseline, percent }, { runId, step, startedAt: this.state.stepStartedAt! });
    if ((await this.overlay.write(flagKey, entry)) === 'rolled-back') return this.rolledBackElsewhere();
    const recorded = await this.init.audit.read((r) => r.action === 'rollout' && r.scope === flagKey && r.details?.runId === runId && r.details?.step === step);
    if (recorded.length === 0) {
      const previous = this.state.history.at(-1);
      await this.record.audit('rollout', 'completed', `step ${step + 1}/${this.state.plan.steps.length}: ${target} ${percent} % / ${baseline} ${100 - percent} %`, {
        runId, step, percent, target, baseline, windowMs, overlay: this.init.overlay, ...(previous ? { previous } : {}),
      });
    }
    await this.record.save({ phase: 'monitoring' });
    this.record.emit('step');
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
        if (this.state.extendedSince === undefined) await this.record.save({ extendedSince: isoNow(this.clock) });
        this.record.emit('extending', { message: `window over without enough data (${decision.status}): waiting for traffic; never passing or failing for lack of it` });
      } else this.record.emit('tick', { remainingMs });
      await this.clock.sleep(remainingMs > 0 ? Math.min(this.init.plan.intervalMs, remainingMs) : this.init.plan.intervalMs, this.abort.signal);
    }
  }

  private async next(decision: RolloutDecision): Promise<void> {
    const { plan } = this.state;
    const record = { percent: this.step.percent, startedAt: this.state.stepStartedAt!, decidedAt: decision.at, status: 'healthy' as const, summary: decision.summary };
    const history = [...this.state.history, record];
    const at = isoNow(this.clock);
    if (this.state.stepIndex + 1 >= plan.steps.length) {
      const summary = `plan completed: ${this.state.target} ${this.step.percent} %; the overlay keeps serving it. Finish in git with cutover stage ${this.init.flagKey} ${this.state.target}, then cutover rollout finish ${this.init.flagKey}`;
      await this.record.audit('rollout', 'completed', summary, { runId: this.state.runId, step: this.state.stepIndex, percent: this.step.percent, completed: true, decision });
      await this.record.save({ phase: 'completed', history, outcome: { at, summary }, extendedSince: undefined });
      return this.record.emit('completed');
    }
    const stepIndex = this.state.stepIndex + 1;
    const gated = plan.steps[stepIndex]!.approval;
    await this.record.save({ stepIndex, history, extendedSince: undefined, ...(gated ? { phase: 'awaiting-approval', gateOpenedAt: at } : { phase: 'advancing', stepStartedAt: at }) });
    if (gated) {
      await this.record.audit('approval', 'initiated', `waiting for approval of step ${stepIndex + 1}/${plan.steps.length} (${this.step.percent} %)`, { runId: this.state.runId, step: stepIndex, percent: this.step.percent });
    }
  }

  // The gate: the previous split keeps being watched while nobody has approved yet.
  private async awaitApproval(): Promise<void> {
    const { flagKey } = this.init;
    const gate = { flagKey, runId: this.state.runId, step: this.state.stepIndex };
    const watched = this.state.history.at(-1);
    if (watched) this.init.analysis.startWindow(Date.parse(watched.startedAt));
    this.record.emit('awaiting-approval', { message: `waiting for approval: cutover rollout approve ${flagKey} --reason "..."` });
    while (!this.stopped) {
      const approval = await findApproval(this.init.audit, gate);
      if (approval) {
        await this.record.save({ phase: 'advancing', stepStartedAt: isoNow(this.clock) });
        return this.record.emit('approved', { message: `approved by ${approval.actor}: ${approval.reason}` });
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
    if (!graceful || isEmergency(graceful, verdict.failed)) return this.cut(verdict);
    const percent = servedPercent(this.state);
    const reason = verdict.summary;
    await this.record.save({ phase: 'ramping-down', rampDown: { fromPercent: percent, done: 0, nextAt: isoNow(this.clock), reason, failed: verdict.failed } });
    await this.record.audit('rollout', 'initiated', `graceful rollback from ${percent} % over ${graceful.durationMs / 1000} s in ${graceful.steps} steps: ${reason}`, {
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
        if (verdict && isEmergency(graceful, verdict.failed)) return this.cut(verdict);
        await this.clock.sleep(Math.min(waitMs, this.init.plan.intervalMs), this.abort.signal);
        continue;
      }
      const done = ramp.done + 1;
      if (done >= graceful.steps) return this.cut(undefined);
      const percent = Math.round(ramp.fromPercent * (1 - done / graceful.steps));
      const git = (await this.git.read()).get(this.init.flagKey)!;
      const entry = rolloutEntry(git, { target: this.state.target, baseline: this.state.baseline, percent }, { runId: this.state.runId, step: -1, startedAt: isoNow(this.clock) });
      if ((await this.overlay.write(this.init.flagKey, entry)) === 'rolled-back') return this.rolledBackElsewhere();
      await this.record.audit('rollout', 'completed', `graceful rollback ${done}/${graceful.steps}: ${this.state.target} ${percent} %`, { runId: this.state.runId, step: -1, percent, rampDown: done });
      // The first decrement is immediate and the last (the rollback) lands at `duration`.
      const spacingMs = graceful.durationMs / Math.max(1, graceful.steps - 1);
      await this.record.save({ rampDown: { ...ramp, done, nextAt: new Date(Date.parse(ramp.nextAt) + spacingMs).toISOString() } });
      this.record.emit('ramp-down', { message: `candidate share down to ${percent} %` });
    }
  }

  // The rollback itself, through Rollback: the overlay serves the rollback variant to everyone.
  private async cut(verdict: GuardVerdict | undefined): Promise<void> {
    const summary = verdict?.summary ?? `graceful rollback finished: ${this.state.rampDown?.reason ?? ''}`;
    while (!this.stopped) {
      const result = await this.init.rollback.rollback({ flag: this.init.flagKey }, rollbackReasonOf(verdict?.failed ?? this.state.rampDown?.failed ?? []), {
        by: this.actor,
        message: summary,
        numbers: { rollout: { runId: this.state.runId, step: this.state.stepIndex, percent: servedPercent(this.state) }, decision: this.state.lastDecision },
      });
      if (result.status === 'completed') {
        await this.record.save({ phase: 'rolled-back', outcome: { at: isoNow(this.clock), summary: `rolled back: ${summary}` } });
        return this.record.emit('rolled-back');
      }
      this.record.emit('rollback-failed', { message: `rollback failed, retrying: ${result.error ?? 'unknown error'}` });
      await this.clock.sleep(this.init.plan.intervalMs, this.abort.signal);
    }
  }

  private async rolledBackElsewhere(): Promise<void> {
    await this.record.save({ phase: 'rolled-back', outcome: { at: isoNow(this.clock), summary: 'the flag was rolled back outside the controller (guard, CLI or dashboard); stopping' } });
    this.record.emit('rolled-back');
  }

  private async look(): Promise<WindowLook> {
    const result = await lookAtWindow(this.init.analysis, this.clock);
    await this.record.save({ lastDecision: result.decision });
    return result;
  }

  private get step(): RolloutState['plan']['steps'][number] {
    return this.state.plan.steps[this.state.stepIndex]!;
  }
}

import type { AuditLog } from '@cutover/rollback';
import type { RolloutStateFile } from '../state/rollout-state-file.js';
import type { RolloutState } from '../state/rollout-state.js';
import { isoNow } from './rollout-clock.js';
import type { RolloutClock } from './rollout-clock.js';
import type { RolloutProgress, RolloutProgressKind } from './rollout-progress.js';

/** Where a {@link RolloutRecord} keeps one run. */
export interface RolloutRecordSetup {
  readonly flagKey: string;
  readonly states: Pick<RolloutStateFile, 'write'>;
  readonly audit: Pick<AuditLog, 'append'>;
  readonly clock: RolloutClock;
  /** The audit actor. */
  readonly actor: string;
  /** Receives every progress event (a throw is ignored). */
  readonly onProgress: ((progress: RolloutProgress) => void) | undefined;
}

/**
 * The record of one rollout run: its state, persisted after every transition
 * so a restarted controller resumes where it was, its audit records, and its
 * progress events, each carrying the state after it.
 */
export class RolloutRecord {
  private current!: RolloutState;
  // Warnings found before the state exists (while beginning), emitted once it does.
  private readonly pending: string[] = [];

  constructor(private readonly setup: RolloutRecordSetup) {}

  /** The state as last persisted. */
  get state(): RolloutState {
    return this.current;
  }

  /** Takes up a run persisted before, as it was. */
  resume(state: RolloutState): void {
    this.current = state;
  }

  /** Persists the state with `patch` applied (a key set to `undefined` is removed), then makes it the current one. */
  async save(patch: Partial<RolloutState>): Promise<void> {
    const next = { ...this.current, ...patch, updatedAt: isoNow(this.setup.clock) };
    for (const key of Object.keys(patch) as (keyof RolloutState)[]) if (patch[key] === undefined) delete next[key];
    await this.setup.states.write(next);
    this.current = next;
  }

  /** Appends an audit record of the run's flag, by the run's actor. */
  audit(action: 'rollout' | 'approval', status: 'initiated' | 'completed', reason: string, details: Record<string, unknown>): Promise<unknown> {
    const { audit, flagKey, actor, clock } = this.setup;
    return audit.append({ action, status, scope: flagKey, actor, reason, details, at: isoNow(clock) });
  }

  /** Emits one progress event with the current state. */
  emit(kind: RolloutProgressKind, extra: { remainingMs?: number; message?: string } = {}): void {
    try {
      this.setup.onProgress?.({ kind, state: this.current, ...extra });
    } catch {
      // Progress output must never stop a rollout.
    }
  }

  /** A warning for the operator: emitted now once the state exists, after {@link emitPendingWarnings} before. */
  warn(message: string): void {
    if (this.current) this.emit('warning', { message });
    else this.pending.push(message);
  }

  /** Emits the warnings found before the state existed. */
  emitPendingWarnings(): void {
    for (const message of this.pending.splice(0)) this.emit('warning', { message });
  }
}

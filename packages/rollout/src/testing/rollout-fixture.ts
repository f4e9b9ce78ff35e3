import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GuardCriterion, GuardStatus, GuardVerdict } from '@cutover/guard';
import { AuditLog, Rollback } from '@cutover/rollback';
import type { RolloutAnalysis } from '../analysis/rollout-analysis.js';
import type { RolloutClock } from '../controller/rollout-clock.js';
import { RolloutStateFile } from '../state/rollout-state-file.js';

/** The migration flag of the specs: shadow for everyone, live next. */
export const FLAG = 'search.ranking';

const quiet = { error() {}, warn() {}, info() {}, debug() {} };

/** A clock whose sleeps move time on at once. */
export class FakeClock implements RolloutClock {
  constructor(public time = Date.parse('2026-03-02T10:00:00.000Z')) {}
  now(): number {
    return this.time;
  }
  async sleep(ms: number): Promise<void> {
    this.time += ms;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** A verdict with the given status and failed criteria. */
export function verdict(status: GuardStatus, failed: readonly GuardCriterion[] = []): GuardVerdict {
  return { status, failed, checks: [], significance: 0.01, windowSeconds: 60, summary: `${status}${failed.length ? `: ${failed.join(', ')} fail` : ''}` };
}

/** An analysis answering from a script of (window start, elapsed ms) → verdict. */
export class ScriptedAnalysis implements RolloutAnalysis {
  readonly description = 'scripted';
  readonly windows: number[] = [];
  constructor(
    private readonly clock: FakeClock,
    private readonly answer: (context: { percent: number; elapsedMs: number }) => GuardVerdict,
    private readonly percentNow: () => Promise<number>,
  ) {}
  startWindow(at: number): void {
    this.windows.push(at);
  }
  async evaluate(): Promise<GuardVerdict> {
    return this.answer({ percent: await this.percentNow(), elapsedMs: this.clock.now() - this.windows.at(-1)! });
  }
}

/** A workspace: flag file, overlay, audit log, state directory, and a `Rollback` on the files that records the reasons it was given. */
export async function rolloutWorkspace(): Promise<{
  dir: string;
  flagFile: string;
  overlayPath: string;
  audit: AuditLog;
  states: RolloutStateFile;
  rollbacks: { reason: string; message: string }[];
  rollback: Pick<Rollback, 'rollback'>;
}> {
  const dir = await mkdtemp(join(tmpdir(), 'cutover-rollout-'));
  const flagFile = join(dir, 'search.flagd.json');
  await writeFile(flagFile, JSON.stringify({
    flags: { [FLAG]: { state: 'ENABLED', variants: { off: 'off', shadow: 'shadow', live: 'live' }, defaultVariant: 'shadow', metadata: { kind: 'migration', rollbackVariant: 'off' } } },
  }));
  const overlayPath = join(dir, 'rollbacks.flagd.json');
  const audit = new AuditLog(join(dir, 'audit.jsonl'));
  const real = new Rollback({ files: [flagFile], overlay: overlayPath, audit: new AuditLog(join(dir, 'rollbacks.audit.jsonl')), logger: quiet });
  const rollbacks: { reason: string; message: string }[] = [];
  const rollback: Pick<Rollback, 'rollback'> = {
    rollback(scope, reason, details = {}) {
      rollbacks.push({ reason, message: details.message ?? '' });
      return real.rollback(scope, reason, details);
    },
  };
  return { dir, flagFile, overlayPath, audit, states: new RolloutStateFile(join(dir, 'rollouts')), rollbacks, rollback };
}

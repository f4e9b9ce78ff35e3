// A flag directory, comparison store and audit log with an hour of generated
// history, for the dashboard's end-to-end test.
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { FileComparisonStore } from '@cutover/migrate';
import type { ComparisonRecord } from '@cutover/migrate';
import { CutoverProvider } from '@cutover/provider';
import { AuditLog, Rollback, RollbackOverlay } from '@cutover/rollback';
import type { RollbackHook, RollbackHookEvent } from '@cutover/rollback';
import { Registry } from 'prom-client';
import { flagFiles } from '../../examples/flag-files.js';

/** Temporary copies of the repository's flag files with a store and an audit log holding history. */
export interface DashboardFixture {
  readonly dir: string;
  readonly flagsDir: string;
  readonly files: readonly string[];
  readonly overlayPath: string;
  readonly storeDir: string;
  readonly auditPath: string;
  readonly store: FileComparisonStore;
  readonly auditLog: AuditLog;
  readonly overlay: RollbackOverlay;
  /** The dashboard's rollback, on the provider, with a before and an after hook. */
  readonly rollback: Rollback;
  /** What the rollback hooks saw, in order: `<phase> <flag> <variant served>`. */
  readonly hookRuns: readonly string[];
  readonly provider: CutoverProvider;
  readonly registry: Registry;
  remove(): Promise<void>;
}

/** Creates the fixture; the provider is initialised, without watching (the dashboard reloads what it writes). */
export async function createDashboardFixture(now = Date.now()): Promise<DashboardFixture> {
  const dir = await mkdtemp(join(tmpdir(), 'cutover-dashboard-'));
  const flagsDir = join(dir, 'flags');
  await mkdir(flagsDir);
  const files: string[] = [];
  for (const file of flagFiles()) {
    files.push(join(flagsDir, basename(file)));
    await copyFile(file, files.at(-1)!);
  }
  const overlayPath = join(flagsDir, 'rollbacks.flagd.json');
  const storeDir = join(dir, '.cutover', 'comparisons');
  const auditPath = join(dir, '.cutover', 'audit.jsonl');
  const store = new FileComparisonStore({ directory: storeDir });
  for (const record of generateRecords(now)) void store.record(record);
  await store.flush();
  const auditLog = new AuditLog(auditPath);
  const minutesAgo = (m: number): string => new Date(now - m * 60_000).toISOString();
  await auditLog.append({ at: minutesAgo(55), action: 'stage', status: 'completed', scope: 'nutribot.food-detection', actor: 'cli:ops', reason: 'shadow for everyone', details: { from: 'off', to: 'shadow' } });
  await auditLog.append({ at: minutesAgo(35), action: 'rollout', status: 'completed', scope: 'nutribot.food-detection', actor: 'cli:ops', reason: 'canary 10 % by chat id', details: { from: 'shadow', to: 'live 10 %' } });
  await auditLog.append({ at: minutesAgo(20), action: 'rollback', status: 'completed', scope: 'clambake.planner', actor: 'guard', reason: 'error rate 7.9 % > 5 %' });
  await auditLog.append({ at: minutesAgo(12), action: 'rollback-cleared', status: 'completed', scope: 'clambake.planner', actor: 'cli:ops', reason: 'fixed the planner timeout' });
  const provider = new CutoverProvider({ files, rollbackOverlay: overlayPath, watch: false, env: {} });
  await provider.initialize();
  const hookRuns: string[] = [];
  const served = async (flagKey: string): Promise<string> => String((await provider.evaluate('string', flagKey, 'off', {})).value);
  // The application's own steps around a rollback: restore state legacy needs, then check legacy.
  const hook = (name: string): RollbackHook => ({
    name,
    run: async ({ phase, flags }: RollbackHookEvent) => {
      for (const f of flags) hookRuns.push(`${phase} ${f.flagKey} ${await served(f.flagKey)}`);
    },
  });
  return {
    dir,
    flagsDir,
    files,
    overlayPath,
    storeDir,
    auditPath,
    store,
    auditLog,
    overlay: new RollbackOverlay(overlayPath),
    rollback: new Rollback({
      provider,
      audit: auditLog,
      logger: { error() {}, warn() {}, info() {}, debug() {} },
      hooks: { before: [hook('restore-session-cache')], after: [hook('validate-legacy-health')] },
    }),
    hookRuns,
    provider,
    registry: new Registry(),
    remove: async () => {
      await provider.onClose();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * An hour of comparisons, one every few seconds per migration: the food
 * detection matches ~97 % with a dip and a candidate error burst 25 minutes
 * ago; the planner matches ~99.5 %. A fixed seed keeps the picture the same.
 */
export function generateRecords(now: number): ComparisonRecord[] {
  let seed = 42;
  const random = (): number => (seed = (Math.imul(seed, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32;
  const records: ComparisonRecord[] = [];
  for (let t = now - 3_600_000; t < now; t += 4000) {
    const minute = Math.floor((now - t) / 60_000);
    const dip = minute >= 22 && minute <= 27;
    records.push(record('nutribot.food-detection', t, random, { mismatch: dip ? 0.12 : 0.03, candidateError: dip ? 0.08 : 0.01, legacyMs: 40, candidateMs: 28 }));
    records.push(record('clambake.planner', t + 1500, random, { mismatch: 0.005, candidateError: 0.004, legacyMs: 220, candidateMs: 260 }));
  }
  return records;
}

function record(flagKey: string, at: number, random: () => number, shape: { mismatch: number; candidateError: number; legacyMs: number; candidateMs: number }): ComparisonRecord {
  const failed = random() < shape.candidateError;
  const mismatch = !failed && random() < shape.mismatch;
  const path = random() < 0.7 ? '$.items[0].grams' : '$.items[1].name';
  return {
    timestamp: new Date(at).toISOString(),
    flagKey,
    // The chat the flag bucketed on; derived from the time so the seeded picture stays the same.
    itemId: `chat-${Math.floor(at / 4000) % 500}`,
    stage: 'shadow',
    outcome: failed || mismatch ? 'mismatch' : 'match',
    legacy: { status: 'ok', durationMs: shape.legacyMs * (0.6 + random()) },
    candidate: failed ? { status: 'error', durationMs: shape.candidateMs * 3, error: 'upstream 503' } : { status: 'ok', durationMs: shape.candidateMs * (0.6 + random()) },
    differences: failed ? [{ path: '$', legacy: 'ok', candidate: 'error' }] : mismatch ? [{ path, legacy: 120, candidate: 135 }] : [],
  };
}

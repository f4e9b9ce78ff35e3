import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileComparisonStore } from '@cutover/migrate';
import { CutoverProvider } from '@cutover/provider';
import { AuditLog, Rollback, RollbackOverlay } from '@cutover/rollback';
import { Registry } from 'prom-client';
import { startDashboard } from '../start-dashboard.js';
import type { RunningDashboard, StartDashboardOptions } from '../start-dashboard.js';

const QUIET = { error() {}, warn() {}, info() {}, debug() {} };

/** The token of {@link startTestDashboard}. */
export const TEST_TOKEN = 'test-token-0123456789abcdef';

/** A dashboard on a temporary flag directory, for specs. */
export interface TestDashboard extends RunningDashboard {
  readonly dir: string;
  readonly flagsDir: string;
  readonly flagFile: string;
  readonly storeDir: string;
  readonly store: FileComparisonStore;
  readonly auditLog: AuditLog;
  readonly overlay: RollbackOverlay;
  readonly provider: CutoverProvider;
  /** Closes the server, the provider and the store, and deletes the directory. */
  remove(): Promise<void>;
}

/** Two migrations (`search`: shadow with a 10 % live canary; `planner`: off) and a plain flag. */
export const TEST_FLAGS = {
  search: {
    state: 'ENABLED',
    variants: { off: 'off', shadow: 'shadow', live: 'live', complete: 'complete' },
    defaultVariant: 'shadow',
    targeting: { fractional: [['live', 10], ['shadow', 90]] },
    metadata: { kind: 'migration', rollbackVariant: 'off', group: 'core', description: 'Search rewrite' },
  },
  planner: {
    state: 'ENABLED',
    variants: { off: 'off', dualwrite: 'dualwrite', shadow: 'shadow', live: 'live', rampdown: 'rampdown', complete: 'complete' },
    defaultVariant: 'off',
    metadata: { kind: 'migration', rollbackVariant: 'off' },
  },
  'dark-mode': { state: 'ENABLED', variants: { on: true, off: false }, defaultVariant: 'off' },
};

/** Starts a dashboard with a provider on one flag file; `options` override the defaults. */
export async function startTestDashboard(options: Partial<StartDashboardOptions> = {}): Promise<TestDashboard> {
  const dir = await mkdtemp(join(tmpdir(), 'cutover-serve-'));
  const flagsDir = join(dir, 'flags');
  const flagFile = join(flagsDir, 'core.flagd.json');
  await mkdir(flagsDir);
  await writeFile(flagFile, `${JSON.stringify({ $schema: 'https://flagd.dev/schema/v0/flags.json', flags: TEST_FLAGS }, null, 2)}\n`);
  const overlayPath = join(flagsDir, 'rollbacks.flagd.json');
  const storeDir = join(dir, 'comparisons');
  const store = new FileComparisonStore({ directory: storeDir });
  const auditLog = new AuditLog(join(dir, 'audit.jsonl'));
  const overlay = new RollbackOverlay(overlayPath);
  const provider = new CutoverProvider({ files: [flagFile], rollbackOverlay: overlayPath, watch: false, env: {} });
  await provider.initialize();
  const rollback = new Rollback({ provider, audit: auditLog, logger: QUIET });
  const dashboard = await startDashboard({ provider, flagsDir, store, storeDirectory: storeDir, auditLog, rollback, registry: new Registry(), token: TEST_TOKEN, ...options });
  return {
    ...dashboard,
    dir,
    flagsDir,
    flagFile,
    storeDir,
    store,
    auditLog,
    overlay,
    provider,
    remove: async () => {
      await dashboard.close();
      await provider.onClose();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

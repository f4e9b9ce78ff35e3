// Teams whose flags are env variables and booleans, on their own names and values, through the
// real OpenFeature client, the runner, the metrics, /health and the CLI.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDashboard } from '@cutover/cli';
import { createCutover } from 'cutover';
import type { CutoverOptions } from 'cutover';
import { MIGRATION_METRICS } from '@cutover/hooks';
import { FileComparisonStore } from '@cutover/migrate';
import type { Migration } from '@cutover/migrate';
import { CutoverProvider, CutoverProviderOptionError } from '@cutover/provider';
import type { FlagMappings } from '@cutover/provider';
import { AuditLog, Rollback } from '@cutover/rollback';
import { OpenFeature } from '@openfeature/server-sdk';
import { Registry } from 'prom-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HealthReport } from '@cutover/cli';
import { NUTRIBOT_STAGES } from '../packages/provider/src/testing/team-stage-mappings.js';
import { runCli } from './support/cli-run.js';

const TENANTS = Array.from({ length: 1002 }, (_, i) => `t${i + 1}`);
/** The queue migration's variables, as the team's `.env.production` names them. */
const BULLMQ: FlagMappings = {
  envFlags: { 'mspbyte.bullmq': { enabled: 'USE_BULLMQ', ids: 'BULLMQ_TENANTS', percentage: 'MIGRATION_PERCENTAGE' } },
  stages: { 'mspbyte.bullmq': { true: 'live', false: 'off' } },
};
const NUTRIBOT = NUTRIBOT_STAGES;

interface Logged {
  readonly errors: string[];
}
let dir: string;
let domain = 0;
const opened: { close(): Promise<void> }[] = [];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cutover-team-env-'));
});
afterEach(async () => {
  for (const c of opened.splice(0)) await c.close();
  await OpenFeature.close();
  await rm(dir, { recursive: true, force: true });
});

/** An application set up as the quickstart says, on the given environment and mappings. */
async function application(env: Record<string, string>, provider: CutoverOptions['provider'] = {}) {
  const logged: Logged = { errors: [] };
  const logger = { error: (m: string) => logged.errors.push(m), warn() {}, info() {}, debug() {} };
  const registry = new Registry();
  const name = `team-env-${domain++}`;
  const files = join(dir, 'app.flagd.json');
  await writeFile(files, JSON.stringify({ flags: {} }));
  const cutover = createCutover({ files: [files], registry, store: false, guard: false, audit: join(dir, 'audit.jsonl'), domain: name, logger, provider: { env, watch: false, ...provider } });
  opened.push(cutover);
  await OpenFeature.setProviderAndWait(name, cutover.provider);
  return { cutover, registry, logged };
}

/** A migration whose paths say which one answered. */
function pathMigration(cutover: ReturnType<typeof createCutover>, flagKey: string): Migration<string, string> {
  return cutover.migration<string, string>({ flagKey, read: { legacy: () => 'legacy', candidate: () => 'candidate' }, guard: false });
}

async function onCandidate(migration: Migration<string, string>, ids: readonly string[]): Promise<string[]> {
  const answers = await Promise.all(ids.map((id) => migration.read(id, { targetingKey: id })));
  return ids.filter((_, i) => answers[i] === 'candidate');
}

describe('a team whose flags are env variables with its own names', () => {
  it('puts exactly t1 and t2 of 1002 tenants on the new queue: the explicit list wins over the percentage', async () => {
    const { cutover } = await application({ USE_BULLMQ: 'true', BULLMQ_TENANTS: 't1,t2', MIGRATION_PERCENTAGE: '10' }, BULLMQ);
    expect(await onCandidate(pathMigration(cutover, 'mspbyte.bullmq'), TENANTS)).toEqual(['t1', 't2']);
  });

  it('at 10 % puts on the new queue exactly the tenants a flagd fractional split of 10 % serves', async () => {
    const { cutover } = await application({ USE_BULLMQ: 'true', BULLMQ_TENANTS: '', MIGRATION_PERCENTAGE: '10' }, BULLMQ);
    const file = join(dir, 'split.flagd.json');
    const split = { state: 'ENABLED', variants: { off: 'off', live: 'live' }, defaultVariant: 'off', targeting: { fractional: [['live', 10], ['off', 90]] } };
    await writeFile(file, JSON.stringify({ flags: { 'mspbyte.bullmq': split } }));
    const fromFile = new CutoverProvider({ files: [file], watch: false, env: {} });
    await fromFile.initialize();
    const expected: string[] = [];
    for (const id of TENANTS) if ((await fromFile.resolveStringEvaluation('mspbyte.bullmq', 'off', { targetingKey: id })).value === 'live') expected.push(id);
    await fromFile.onClose();
    const chosen = await onCandidate(pathMigration(cutover, 'mspbyte.bullmq'), TENANTS);
    expect(chosen).toEqual(expected);
    expect(chosen.length).toBeGreaterThan(70);
    expect(chosen.length).toBeLessThan(135);
  });

  it('puts every tenant on the new queue with an empty list and no percentage, and none once USE_BULLMQ=false', async () => {
    const all = await application({ USE_BULLMQ: 'true', BULLMQ_TENANTS: '', MIGRATION_PERCENTAGE: '' }, BULLMQ);
    expect(await onCandidate(pathMigration(all.cutover, 'mspbyte.bullmq'), TENANTS)).toHaveLength(1002);
    const rolledBack = await application({ USE_BULLMQ: 'false', BULLMQ_TENANTS: 't1,t2', MIGRATION_PERCENTAGE: '50' }, BULLMQ);
    expect(await onCandidate(pathMigration(rolledBack.cutover, 'mspbyte.bullmq'), TENANTS)).toEqual([]);
  });

  it('lets one percentage serve two flags, each with its own switch', async () => {
    const analyzer: FlagMappings = {
      envFlags: { ...BULLMQ.envFlags, 'mspbyte.analyzers': { enabled: 'USE_UNIFIED_ANALYZER', ids: 'UNIFIED_ANALYZER_TENANTS', percentage: 'MIGRATION_PERCENTAGE' } },
      stages: { ...BULLMQ.stages, 'mspbyte.analyzers': { true: 'live', false: 'off' } },
    };
    const { cutover } = await application({ USE_BULLMQ: 'true', USE_UNIFIED_ANALYZER: 'true', UNIFIED_ANALYZER_TENANTS: 'test_tenant', MIGRATION_PERCENTAGE: '100' }, analyzer);
    expect(await onCandidate(pathMigration(cutover, 'mspbyte.bullmq'), ['test_tenant', 't1'])).toEqual(['test_tenant', 't1']);
    expect(await onCandidate(pathMigration(cutover, 'mspbyte.analyzers'), ['test_tenant', 't1'])).toEqual(['test_tenant']);
  });

  it('refuses to start on a malformed variable, naming it', () => {
    const start = () => createCutover({ files: [], registry: new Registry(), store: false, guard: false, audit: join(dir, 'a.jsonl'), provider: { env: { USE_BULLMQ: 'true', MIGRATION_PERCENTAGE: '10%' }, ...BULLMQ } });
    expect(start).toThrow(CutoverProviderOptionError);
    expect(start).toThrow(/"envFlags\.mspbyte\.bullmq\.percentage" \(from MIGRATION_PERCENTAGE\): "10%" is not a number from 0 to 100/);
  });

  it('never serves a process variable by a flag key: an empty prefix is refused, no prefix reads none', async () => {
    expect(() => new CutoverProvider({ envPrefix: '', env: { PATH: '/usr/bin' } })).toThrow(/envPrefix.*must not be empty/);
    const { cutover } = await application({ PATH: '/usr/bin', USE_BULLMQ: 'true' }, { ...BULLMQ, envPrefix: false });
    const client = OpenFeature.getClient(cutover.config.domain!);
    expect(await client.getStringDetails('path', 'unset')).toMatchObject({ value: 'unset', errorCode: 'FLAG_NOT_FOUND' });
  });

  it('lists the env-only flags in snapshot()', async () => {
    const { cutover } = await application({ USE_BULLMQ: 'true', BULLMQ_TENANTS: 't1,t2', FF_SHADOW_MODE: 'true' }, BULLMQ);
    expect((await cutover.provider.snapshot({ targetingKey: 't1' })).map(({ flagKey, value, source }) => ({ flagKey, value, source }))).toEqual([
      { flagKey: 'SHADOW_MODE', value: true, source: 'env' },
      { flagKey: 'mspbyte.bullmq', value: 'live', source: 'env' },
    ]);
  });
});

describe('a team whose flags are booleans', () => {
  it('runs the plan of the chat bot: shadow, parallel, 10 % canary by chat id, full rollout, rollback', async () => {
    const chats = Array.from({ length: 400 }, (_, i) => `chat-${i}`);
    const phase = async (env: Record<string, string>) => {
      const { cutover } = await application(env, { stages: { 'nutribot.webhook': NUTRIBOT } });
      const seen: string[] = [];
      const migration = cutover.migration<string, string>({
        flagKey: 'nutribot.webhook',
        read: { legacy: () => (seen.push('legacy'), 'legacy'), candidate: () => (seen.push('candidate'), 'candidate') },
        options: { maxInFlight: chats.length },
        guard: false,
      });
      const answers: string[] = [];
      for (const chat of chats) answers.push(await migration.read(chat, { targetingKey: chat }));
      await new Promise((resolve) => setTimeout(resolve, 20));
      return { answeredByNew: answers.filter((a) => a === 'candidate').length, candidateRuns: seen.filter((p) => p === 'candidate').length, legacyRuns: seen.filter((p) => p === 'legacy').length };
    };
    expect(await phase({ FF_SHADOW_MODE: 'true' })).toEqual({ answeredByNew: 0, candidateRuns: 400, legacyRuns: 400 });
    expect(await phase({ FF_PARALLEL_MODE: 'true', FF_USE_NEW_NUTRIBOT: 'false' })).toEqual({ answeredByNew: 0, candidateRuns: 400, legacyRuns: 400 });
    const canary = await phase({ FF_PARALLEL_MODE: 'true', FF_USE_NEW_NUTRIBOT_PERCENT: '10' });
    expect(canary.answeredByNew).toBeGreaterThan(20);
    expect(canary.answeredByNew).toBeLessThan(65);
    expect(canary.legacyRuns).toBe(400);
    expect(await phase({ FF_USE_NEW_NUTRIBOT: 'true', FF_PARALLEL_MODE: 'false' })).toEqual({ answeredByNew: 400, candidateRuns: 400, legacyRuns: 0 });
    expect(await phase({ FF_USE_NEW_NUTRIBOT: 'false' })).toEqual({ answeredByNew: 0, candidateRuns: 0, legacyRuns: 400 });
  });

  it('runs the new planner for CLAMBAKE_NEW_PLANNER=true, and old code reading the boolean still gets true', async () => {
    const mappings: FlagMappings = { envFlags: { CLAMBAKE_NEW_PLANNER: { enabled: 'CLAMBAKE_NEW_PLANNER' } }, stages: { CLAMBAKE_NEW_PLANNER: { true: 'live', false: 'off' } } };
    const { cutover } = await application({ CLAMBAKE_NEW_PLANNER: 'true' }, mappings);
    expect(await onCandidate(pathMigration(cutover, 'CLAMBAKE_NEW_PLANNER'), ['issue-1', 'issue-2'])).toEqual(['issue-1', 'issue-2']);
    expect(await OpenFeature.getClient(cutover.config.domain!).getBooleanValue('CLAMBAKE_NEW_PLANNER', false)).toBe(true);
    const off = await application({ CLAMBAKE_NEW_PLANNER: 'false' }, mappings);
    expect(await onCandidate(pathMigration(off.cutover, 'CLAMBAKE_NEW_PLANNER'), ['issue-1'])).toEqual([]);
  });

  it('serves a boolean flag of the flag files through its mapping, and an override of the migration still wins', async () => {
    const file = join(dir, 'clambake.flagd.json');
    const planner = { state: 'ENABLED', variants: { on: true, off: false }, defaultVariant: 'on' };
    await writeFile(file, JSON.stringify({ flags: { 'clambake.new-planner': planner } }));
    const fromFile = createCutover({ files: [file], registry: new Registry(), store: false, guard: false, audit: join(dir, 'audit.jsonl'), domain: `team-env-${domain++}`, provider: { env: {}, watch: false, stages: { 'clambake.new-planner': { true: 'live', false: 'off' } } } });
    opened.push(fromFile);
    await OpenFeature.setProviderAndWait(fromFile.config.domain!, fromFile.provider);
    const migration = pathMigration(fromFile, 'clambake.new-planner');
    expect(await onCandidate(migration, ['issue-1'])).toEqual(['issue-1']);
    fromFile.provider.override('clambake.new-planner', 'off');
    expect(await onCandidate(migration, ['issue-1'])).toEqual([]);
    fromFile.provider.override('clambake.new-planner', false);
    expect(await onCandidate(migration, ['issue-1'])).toEqual([]);
  });
});

describe('a flag that serves no stage', () => {
  async function dashboardOf(registry: Registry, provider: CutoverProvider) {
    const store = new FileComparisonStore({ directory: join(dir, 'comparisons') });
    const auditLog = new AuditLog(join(dir, 'audit.jsonl'));
    const dashboard = await startDashboard({ provider, flagsDir: dir, store, storeDirectory: join(dir, 'comparisons'), auditLog, rollback: new Rollback({ provider, audit: auditLog }), registry, token: 'team-env-token-0123456789abcdef' });
    opened.push({ close: async () => (await dashboard.close(), await store.close()) });
    return async (): Promise<HealthReport> => (await (await fetch(`${dashboard.url}/health`)).json()) as HealthReport;
  }

  it('is loud about a boolean reaching the runner as the stage "true": error log, metric, failing /health check', async () => {
    const { cutover, registry, logged } = await application({ FF_USE_NEW_NUTRIBOT: 'true' });
    const migration = pathMigration(cutover, 'USE_NEW_NUTRIBOT');
    expect(await onCandidate(migration, ['chat-1', 'chat-2'])).toEqual([]);
    expect(logged.errors).toEqual([expect.stringMatching(/^migration "USE_NEW_NUTRIBOT": flag served "true", which is not a stage.*stages: \{ "USE_NEW_NUTRIBOT": \{ true: "live", false: "off" \} \}/)]);
    expect(await registry.getSingleMetricAsString(MIGRATION_METRICS.unknownStage)).toMatch(/cutover_migration_unknown_stage_total\{feature_flag_key="USE_NEW_NUTRIBOT",value="true"\} 2/);
    const health = await dashboardOf(registry, cutover.provider);
    const report = await health();
    expect(report.status).toBe('degraded');
    expect(report.checks.migrationFlags).toMatchObject({ status: 'fail', message: 'USE_NEW_NUTRIBOT served "true", not a stage (2 call(s) ran as off)' });
  });

  it('names a typo in the migration key and the nearest known keys, counts it and fails /health', async () => {
    const { cutover, registry, logged } = await application({ USE_BULLMQ: 'true' }, BULLMQ);
    const migration = pathMigration(cutover, 'mspbyte.bulmq');
    expect(await onCandidate(migration, TENANTS.slice(0, 3))).toEqual([]);
    expect(logged.errors).toEqual(['migration "mspbyte.bulmq": no flag of this key exists: flag "mspbyte.bulmq" is defined by no layer; did you mean "mspbyte.bullmq"?; running as "off" (1 so far)']);
    expect(migration.stats().flagNotFound).toBe(3);
    expect(await registry.getSingleMetricAsString(MIGRATION_METRICS.flagNotFound)).toMatch(/feature_flag_key="mspbyte.bulmq"\} 3/);
    const report = await (await dashboardOf(registry, cutover.provider))();
    expect(report.checks.migrationFlags).toMatchObject({ status: 'fail', message: '"mspbyte.bulmq" is defined by no flag source (3 call(s) ran as off)' });
  });
});

describe('cutover status', () => {
  it("shows the env-mapped flag as this shell's variables make it", async () => {
    const flags = join(dir, 'flags');
    await mkdir(flags);
    await writeFile(join(flags, 'app.flagd.json'), JSON.stringify({ flags: {} }));
    await writeFile(join(dir, 'cutover.config.json'), JSON.stringify({ flags: 'flags', ...BULLMQ, stages: { ...BULLMQ.stages, 'nutribot.webhook': NUTRIBOT } }));
    const env = { USE_BULLMQ: 'true', BULLMQ_TENANTS: 't1,t2', MIGRATION_PERCENTAGE: '10', FF_PARALLEL_MODE: 'true' };
    const result = await runCli(['status', '--flags', flags], env);
    expect(result.stdout).toContain('mspbyte.bullmq  env  USE_BULLMQ=true BULLMQ_TENANTS=t1,t2 MIGRATION_PERCENTAGE=10');
    expect(result.stdout).toContain('on for 2 listed id(s) (t1, t2), off for the others; MIGRATION_PERCENTAGE is ignored while BULLMQ_TENANTS lists ids');
    expect(result.stdout).toContain('nutribot.webhook  shadow  stage from PARALLEL_MODE=true,USE_NEW_NUTRIBOT=false,SHADOW_MODE=false (env)');
    expect(result.code).toBe(0);
    const json = JSON.parse((await runCli(['status', '--flags', flags, '--json'], env)).stdout) as { envFlags: unknown[] };
    expect(json.envFlags).toEqual([{ flagKey: 'mspbyte.bullmq', variables: { USE_BULLMQ: 'true', BULLMQ_TENANTS: 't1,t2', MIGRATION_PERCENTAGE: '10' }, summary: expect.stringMatching(/^on for 2 listed/) }]);
  });

  it('fails naming a malformed variable, as the application would', async () => {
    const flags = join(dir, 'flags');
    await mkdir(flags);
    await writeFile(join(flags, 'app.flagd.json'), JSON.stringify({ flags: {} }));
    await writeFile(join(dir, 'cutover.config.json'), JSON.stringify({ flags: 'flags', ...BULLMQ }));
    const result = await runCli(['status', '--flags', flags], { USE_BULLMQ: 'ture' });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/invalid: .*envFlags\.mspbyte\.bullmq\.enabled" \(from USE_BULLMQ\): "ture" is not a boolean/);
  });
});

describe('an emergency rollback of a migration whose stage booleans decide', () => {
  it('takes it back to the mapping\'s off stage in this process, while USE_BULLMQ=true still says otherwise', async () => {
    const { cutover } = await application({ USE_BULLMQ: 'true' }, BULLMQ);
    const migration = pathMigration(cutover, 'mspbyte.bullmq');
    expect(await onCandidate(migration, ['t1', 't2', 't3'])).toEqual(['t1', 't2', 't3']);
    const result = await cutover.rollback.emergencyRollback({ flag: 'mspbyte.bullmq' }, 'jobs stuck on the new queue');
    expect(result).toMatchObject({ status: 'completed', flags: [{ flagKey: 'mspbyte.bullmq', variant: 'off' }] });
    expect(await onCandidate(migration, ['t1', 't2', 't3'])).toEqual([]);
  });

  it('goes through `cutover rollback`, which reads the mappings from cutover.config.json, and every process serves it', async () => {
    const flags = join(dir, 'flags');
    await mkdir(flags);
    await writeFile(join(flags, 'app.flagd.json'), JSON.stringify({ flags: {} }));
    await writeFile(join(dir, 'cutover.config.json'), JSON.stringify({ flags: 'flags', stages: { 'nutribot.webhook': NUTRIBOT } }));
    const result = await runCli(['rollback', 'nutribot.webhook', '--reason', 'replies garbled', '--flags', flags, '--audit', join(dir, 'audit.jsonl')], {});
    expect(result.stdout).toContain('rolled back nutribot.webhook → off');
    expect(result.code).toBe(0);
    // A process started afterwards, with the team's switches saying "new bot for everyone".
    const provider = new CutoverProvider({ files: [join(flags, 'app.flagd.json')], env: { FF_USE_NEW_NUTRIBOT: 'true' }, watch: false, stages: { 'nutribot.webhook': NUTRIBOT } });
    await provider.initialize();
    opened.push({ close: () => provider.onClose() });
    expect(await provider.resolveStringEvaluation('nutribot.webhook', 'off', { targetingKey: 'chat-1' })).toMatchObject({ value: 'off' });
    // Without the rollback the same switches serve the new bot: the rollback, not the environment, decided.
    await rm(join(flags, 'rollbacks.flagd.json'));
    const fresh = new CutoverProvider({ files: [join(flags, 'app.flagd.json')], env: { FF_USE_NEW_NUTRIBOT: 'true' }, watch: false, stages: { 'nutribot.webhook': NUTRIBOT } });
    await fresh.initialize();
    opened.push({ close: () => fresh.onClose() });
    expect(await fresh.resolveStringEvaluation('nutribot.webhook', 'off', { targetingKey: 'chat-1' })).not.toMatchObject({ value: 'off' });
  });

  it('still rolls back the flag files\' migrations when cutover.config.json is broken, and says so', async () => {
    const flags = join(dir, 'flags');
    await mkdir(flags);
    const migration = { state: 'ENABLED', variants: { off: 'off', shadow: 'shadow' }, defaultVariant: 'shadow', metadata: { kind: 'migration', rollbackVariant: 'off' } };
    await writeFile(join(flags, 'app.flagd.json'), JSON.stringify({ flags: { 'search.engine': migration } }));
    await writeFile(join(dir, 'cutover.config.json'), '{ "stages": ');
    const result = await runCli(['rollback', 'search.engine', '--reason', 'slow', '--flags', flags, '--audit', join(dir, 'audit.jsonl')], {});
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('rolled back search.engine → off');
    expect(result.stderr).toMatch(/warning: .*cutover\.config\.json.*stage is read from boolean flags/);
  });
});

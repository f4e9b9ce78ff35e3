// Clambake's CLAMBAKE_MIGRATION_PHASE as a phase flag: `cutover phase` moves
// the planner, the bundler and the executor together with `cutover stage`'s
// checks and audit records, `cutover rollback phase:` returns the whole set to
// its rollback phase through the overlay, and the application reads it all
// through the real OpenFeature client.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OpenFeature } from '@openfeature/server-sdk';
import { CutoverProvider } from '@cutover/provider';
import { AuditLog } from '@cutover/rollback';
import { describe, expect, it } from 'vitest';
import { runCliInProcess } from './support/cli-in-process.js';
import { runCli } from './support/cli-run.js';
import { cliWorkspacePerTest, SILENT } from './support/cli-workspace-per-test.js';

const PHASE = 'clambake.migration-phase';
const MEMBERS = ['clambake.planner', 'clambake.bundler', 'clambake.executor'] as const;

const workspace = cliWorkspacePerTest();

const clambake = () => join(workspace().flags, 'clambake.flagd.json');
const overlay = () => join(workspace().flags, 'rollbacks.flagd.json');
// Commands that keep an audit log write it in the workspace.
const AUDITED = new Set(['stage', 'rollout', 'phase', 'rollback']);
const cli = (...args: string[]) => runCliInProcess([...args, '--flags', workspace().flags, ...(AUDITED.has(args[0]!) ? ['--audit', workspace().audit] : [])]);
async function ok(...args: string[]) {
  const result = await cli(...args);
  expect(result, result.stderr).toMatchObject({ code: 0 });
  return result;
}

// What the application reads: the phase and each component's stage, for an issue on a current agent.
async function served(): Promise<Record<string, string>> {
  const name = `phases-${Math.random()}`;
  await OpenFeature.setProviderAndWait(name, new CutoverProvider({ files: [clambake()], rollbackOverlay: overlay(), watch: false, env: {}, logger: SILENT }));
  const client = OpenFeature.getClient(name);
  const context = { targetingKey: 'issue-42', issueNumber: '42', agentVersion: '2.5.0' };
  const answers: Record<string, string> = {};
  for (const key of [PHASE, ...MEMBERS]) answers[key] = await client.getStringValue(key, 'unset', context);
  return answers;
}

// The planner's work inside phase 1: writes proven, then a canary to 100 %.
async function finishPhaseOne(): Promise<void> {
  await ok('stage', 'clambake.planner', 'shadow', '--reason', 'writes proven');
  await ok('rollout', 'clambake.planner', '10', '--reason', 'day 2: 10 %');
  await ok('rollout', 'clambake.planner', '100', '--reason', 'day 7: 100 %');
}

describe('cutover phase', () => {
  it('shows the phase and where each member stands', async () => {
    const shown = await runCli(['phase', PHASE, '--flags', workspace().flags]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('clambake.migration-phase: phase1');
    expect(shown.stdout).toContain('phases: legacy → phase1 → phase2 → phase3 → cleanup; rollback: legacy');
    expect(shown.stdout).toContain('✓ clambake.planner: dualwrite (phase says dualwrite)');
    expect(shown.stdout).toContain('  phase2: clambake.planner=live, clambake.bundler=shadow, clambake.executor=shadow');
  });

  it('is in `cutover status` too: the phase, and each member in or out of step', async () => {
    const shown = await ok('status');
    expect(shown.stdout).toContain('clambake.migration-phase  phase phase1  of legacy → phase1 → phase2 → phase3 → cleanup');
    expect(shown.stdout).toContain('  clambake.planner dualwrite');
    await ok('stage', 'clambake.planner', 'shadow');
    const moved = await ok('status', '--json');
    const phase = (JSON.parse(moved.stdout) as { phases: { flagKey: string; current: string; members: { flagKey: string; stage: string; declared: string; inStep: boolean }[] }[] }).phases[0]!;
    expect(phase).toMatchObject({ flagKey: PHASE, current: 'phase1' });
    expect(phase.members.find((m) => m.flagKey === 'clambake.planner')).toEqual(expect.objectContaining({ stage: 'shadow', declared: 'dualwrite', inStep: false }));
    expect((await ok('status')).stdout).toContain('  clambake.planner shadow, the phase declares dualwrite');
  });

  it('refuses a phase that would make a member skip a stage, naming it, and writes nothing', async () => {
    const before = await readFile(clambake(), 'utf8');
    const refused = await cli('phase', PHASE, 'phase2');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('refusing phase move of clambake.migration-phase: clambake.planner: refusing clambake.planner: dualwrite → live skips shadow');
    expect(await readFile(clambake(), 'utf8')).toBe(before);
    expect(await served()).toMatchObject({ [PHASE]: 'phase1', 'clambake.bundler': 'off' });
    // Moving a member on its own within the phase is how the phase's work is done; the command says whose member it is.
    const staged = await ok('stage', 'clambake.planner', 'shadow', '--reason', 'writes proven');
    expect(staged.stderr).toContain('note: clambake.planner is a member of phase flag clambake.migration-phase (now phase1, which declares dualwrite); cutover phase clambake.migration-phase <phase> moves the whole set');
  });

  it('moves every member to its stage and the phase flag with it, recorded as stage changes and one phase change', async () => {
    await finishPhaseOne();
    const dryRun = await cli('phase', PHASE, 'phase2', '--dry-run');
    expect(dryRun.stdout).toContain('dry run, nothing written: clambake.migration-phase: phase1 → phase2');
    expect(await served()).toMatchObject({ [PHASE]: 'phase1', 'clambake.planner': 'live', 'clambake.bundler': 'off' });

    const moved = await ok('phase', PHASE, 'phase2', '--reason', 'planner stable at 100 %');
    expect(moved.stdout).toContain('  clambake.planner: shadow → live');
    expect(moved.stdout).toContain('  clambake.bundler: off → shadow');
    expect(moved.stdout).toContain('+      "defaultVariant": "phase2",');
    expect(await served()).toEqual({ [PHASE]: 'phase2', 'clambake.planner': 'live', 'clambake.bundler': 'shadow', 'clambake.executor': 'shadow' });
    // The planner's canary split is gone: live for everyone.
    expect(await readFile(clambake(), 'utf8')).not.toContain('fractional');

    const records = (await new AuditLog(workspace().audit).read()).filter((r) => r.reason === 'planner stable at 100 %');
    expect(records.map((r) => `${r.action} ${r.scope}`)).toEqual(['stage clambake.planner', 'stage clambake.bundler', 'stage clambake.executor', `phase ${PHASE}`]);
    expect(records[3]!.details).toMatchObject({ from: 'phase1', to: 'phase2', members: [{ flagKey: 'clambake.planner', from: 'shadow', to: 'live', changed: true }, expect.anything(), expect.anything()] });
    expect((await ok('validate', '--strict')).stdout).toContain('0 error(s), 0 warning(s)');

    // A step back to the phase before is a phase move too (legacy still receives every write).
    await ok('phase', PHASE, 'phase1', '--reason', 'bundle conflicts');
    expect(await served()).toEqual({ [PHASE]: 'phase1', 'clambake.planner': 'dualwrite', 'clambake.bundler': 'off', 'clambake.executor': 'off' });
  });

  it('refuses a phase whose member would be held back by a flag it depends on, and validate names it', async () => {
    await writeFile(clambake(), (await readFile(clambake(), 'utf8')).replace('clambake.bundler=shadow, clambake.executor=shadow', 'clambake.bundler=off, clambake.executor=shadow'));
    const validated = await cli('validate');
    expect(validated.code).toBe(1);
    expect(validated.stdout).toContain('phase flag "clambake.migration-phase": phase "phase2" moves clambake.executor to shadow while clambake.bundler serves off');
    await finishPhaseOne();
    const refused = await cli('phase', PHASE, 'phase2');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('clambake.executor: it dependsOn clambake.bundler, which would serve off');
  });
});

describe('cutover rollback of a phase', () => {
  it('returns the phase flag and every member to the rollback phase at once, and clearing restores the phase', async () => {
    await finishPhaseOne();
    await ok('phase', PHASE, 'phase2', '--reason', 'planner stable');
    const rolled = await ok('rollback', `phase:${PHASE}`, '--reason', 'bundle conflicts in production');
    expect(rolled.stdout).toContain('rolled back clambake.migration-phase → legacy');
    expect(rolled.stdout).toContain('rolled back clambake.executor → off');
    expect(await served()).toEqual({ [PHASE]: 'legacy', 'clambake.planner': 'off', 'clambake.bundler': 'off', 'clambake.executor': 'off' });
    const status = JSON.parse((await ok('status', '--json')).stdout) as { migrations: { flagKey: string; rollback?: { variant: string } }[] };
    expect(status.migrations.find((m) => m.flagKey === 'clambake.bundler')?.rollback).toMatchObject({ variant: 'off' });

    const cleared = await ok('rollback', '--clear', '--phase', PHASE, '--reason', 'conflict detection fixed');
    expect(cleared.stdout).toMatch(/rollback lifted: .*clambake\.migration-phase/);
    expect(await served()).toEqual({ [PHASE]: 'phase2', 'clambake.planner': 'live', 'clambake.bundler': 'shadow', 'clambake.executor': 'shadow' });
    const audit = (await new AuditLog(workspace().audit).read()).filter((r) => r.action.startsWith('rollback'));
    expect(audit.map((r) => `${r.action}/${r.status} ${r.scope}`)).toEqual([
      `rollback/initiated phase:${PHASE}`, `rollback/completed phase:${PHASE}`, `rollback-cleared/completed phase:${PHASE}`,
    ]);
  });
});

// Every procedure docs/rollout.md shows runs, as written, on a copy of the
// shipped flag files: each command is taken verbatim from the page (the test
// fails if the page no longer shows it), run through the CLI, and the
// application then reads the result through the real OpenFeature client.
// No step needs --force.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OpenFeature } from '@openfeature/server-sdk';
import { CutoverProvider } from '@cutover/provider';
import { describe, expect, it } from 'vitest';
import { runCliInProcess } from './support/cli-in-process.js';
import { REPO_ROOT } from './support/cli-run.js';
import { cliWorkspacePerTest, SILENT } from './support/cli-workspace-per-test.js';

const PAGE = await readFile(join(REPO_ROOT, 'docs', 'rollout.md'), 'utf8');

const workspace = cliWorkspacePerTest();

// `cutover rollout x 10 --reason "a b"` as arguments, as a shell splits it.
function argsOf(command: string): string[] {
  return [...command.matchAll(/"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2]!).slice(1);
}

// The workspace's paths for the options the page leaves to their defaults.
function placed(args: string[]): string[] {
  const paths = ['--flags', workspace().flags];
  if (['stage', 'rollout', 'phase', 'rollback', 'cleanup-check'].includes(args[0]!)) paths.push('--audit', workspace().audit);
  if (['report', 'cleanup-check'].includes(args[0]!)) paths.push('--store', workspace().store);
  return [...args, ...paths];
}

/** Runs a command the page shows, as written; `code` is what the page leads to expect. */
async function documented(command: string, code = 0) {
  expect(PAGE, `docs/rollout.md shows \`${command}\``).toContain(command);
  const args = argsOf(command);
  expect(args).not.toContain('--force');
  const result = await runCliInProcess(placed(args));
  expect(result, `${command}\n${result.stderr}`).toMatchObject({ code });
  return result;
}

async function serving(file: string, flags: readonly string[], contexts: readonly Record<string, string>[]): Promise<Record<string, Record<string, number>>> {
  const name = `documented-${Math.random()}`;
  await OpenFeature.setProviderAndWait(name, new CutoverProvider({ files: [join(workspace().flags, file)], rollbackOverlay: join(workspace().flags, 'rollbacks.flagd.json'), watch: false, env: {}, logger: SILENT }));
  const client = OpenFeature.getClient(name);
  const shares: Record<string, Record<string, number>> = {};
  for (const flag of flags) {
    shares[flag] = {};
    for (const context of contexts) {
      const value = await client.getStringValue(flag, 'unset', context);
      shares[flag]![value] = (shares[flag]![value] ?? 0) + 1;
    }
  }
  return shares;
}

const chats = Array.from({ length: 400 }, (_, i) => ({ targetingKey: `chat-${i}`, chatId: `chat-${i}` }));
const tenants = Array.from({ length: 400 }, (_, i) => ({ targetingKey: `tenant-${i}`, tenantId: `tenant-${i}` }));
const issues = Array.from({ length: 400 }, (_, i) => ({ targetingKey: `${i}`, issueNumber: `${i}`, agentVersion: '2.5.0' }));

describe('docs/rollout.md, run as written on the shipped flags', () => {
  it('takes the chatbot from shadow through the canary to complete, then checks the cleanup', async () => {
    await documented('cutover stage nutribot.food-detection shadow --reason "phase 1"');
    await documented('cutover report --migration nutribot.food-detection --since 2d');
    expect(PAGE).toContain('`cutover rollout nutribot.food-detection 10`, then `25`, `50`');
    await documented('cutover rollout nutribot.food-detection 10');
    // The page writes the next two steps as "then `25`, `50`".
    for (const percent of ['25', '50']) expect((await runCliInProcess(placed(['rollout', 'nutribot.food-detection', percent]))).code).toBe(0);
    const at50 = (await serving('nutribot.flagd.json', ['nutribot.food-detection'], chats))['nutribot.food-detection']!;
    expect(at50.live! / chats.length).toBeGreaterThan(0.4);
    expect(at50.live! / chats.length).toBeLessThan(0.6);
    await documented('cutover rollout nutribot.food-detection 100');
    await documented('cutover stage nutribot.food-detection live');
    await documented('cutover stage nutribot.food-detection complete');
    expect(await serving('nutribot.flagd.json', ['nutribot.food-detection'], chats)).toEqual({ 'nutribot.food-detection': { complete: chats.length } });
    const check = await documented('cutover cleanup-check nutribot.food-detection --src .', 1);
    expect(check.stdout).toContain('✓ complete: complete for everyone');
    expect(check.stdout).toMatch(/✗ stable: complete since .* \(0\.0 days; needs 7\)/);
    await documented('cutover rollback nutribot.food-detection --reason "..."');
    expect(await serving('nutribot.flagd.json', ['nutribot.food-detection'], chats)).toEqual({ 'nutribot.food-detection': { off: chats.length } });
  });

  it('takes clambake\'s planner through 10 → 100 % and the set into phase 2, and rolls the phase back', async () => {
    for (const command of [
      'cutover stage clambake.planner shadow --reason "writes proven"',
      'cutover rollout clambake.planner 10 --reason "canary"',
      'cutover report --migration clambake.planner --since 2h',
      'cutover rollout clambake.planner 25',
      'cutover rollout clambake.planner 50',
      'cutover rollout clambake.planner 75',
      'cutover rollout clambake.planner 100',
      'cutover phase clambake.migration-phase phase2 --reason "planner stable at 100 %"',
    ]) await documented(command);
    const members = ['clambake.migration-phase', 'clambake.planner', 'clambake.bundler', 'clambake.executor'];
    expect(await serving('clambake.flagd.json', members, issues)).toEqual({
      'clambake.migration-phase': { phase2: 400 }, 'clambake.planner': { live: 400 }, 'clambake.bundler': { shadow: 400 }, 'clambake.executor': { shadow: 400 },
    });
    await documented('cutover rollback phase:clambake.migration-phase --reason "..."');
    expect(await serving('clambake.flagd.json', members, issues)).toEqual({
      'clambake.migration-phase': { legacy: 400 }, 'clambake.planner': { off: 400 }, 'clambake.bundler': { off: 400 }, 'clambake.executor': { off: 400 },
    });
    await documented('cutover rollback --all --reason "..."');
  });

  it('rolls MSPByte\'s queue and analyzers out to the same tenants, back gradually, and on to complete', async () => {
    for (const command of [
      'cutover stage mspbyte.queue shadow --reason "compare every tenant"',
      'cutover stage mspbyte.analyzers shadow --reason "compare every tenant"',
      'cutover rollout mspbyte.queue 10 --cohort mspbyte-tenants --reason "week 3: 10 % of tenants"',
      'cutover rollout mspbyte.analyzers 10 --cohort mspbyte-tenants --reason "week 3: 10 % of tenants"',
      'cutover rollout mspbyte.queue 50',
      'cutover rollout mspbyte.analyzers 50',
    ]) await documented(command);
    const live = async (flag: string) => {
      const name = `mspbyte-${Math.random()}`;
      await OpenFeature.setProviderAndWait(name, new CutoverProvider({ files: [join(workspace().flags, 'mspbyte.flagd.json')], rollbackOverlay: false, watch: false, env: {}, logger: SILENT }));
      const client = OpenFeature.getClient(name);
      const ids: string[] = [];
      for (const context of [...tenants, { targetingKey: 'tenant-acme', tenantId: 'tenant-acme' }]) if ((await client.getStringValue(flag, 'unset', context)) === 'live') ids.push(context.tenantId);
      return ids;
    };
    const queue = await live('mspbyte.queue');
    expect(queue).toContain('tenant-acme');
    expect(await live('mspbyte.analyzers')).toEqual(queue);
    await documented('cutover rollout mspbyte.analyzers 25');
    await documented('cutover rollback mspbyte.analyzers --reason "..."');
    await runCliInProcess(placed(['rollback', '--clear', 'mspbyte.analyzers', '--reason', 'fixed']));
    await documented('cutover rollout mspbyte.analyzers 100');
    await documented('cutover stage mspbyte.analyzers live --reason "week 5: every tenant"');
    const staging = await serving('mspbyte.flagd.json', ['mspbyte.analyzers'], [{ targetingKey: 'acme-staging', tenantId: 'acme-staging' }, ...tenants]);
    // The staging tenants' rule the team wrote is kept: they stay shadowed.
    expect(staging['mspbyte.analyzers']).toEqual({ shadow: 1, live: tenants.length });
    await documented('cutover stage mspbyte.analyzers complete --replace-targeting --reason "old analyzers deprecated"');
    expect(await serving('mspbyte.flagd.json', ['mspbyte.analyzers'], tenants)).toEqual({ 'mspbyte.analyzers': { complete: tenants.length } });
  });
});

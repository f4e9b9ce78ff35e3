import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setStage } from '@cutover/cli';
import { FileComparisonStore } from '@cutover/migrate';
import type { ComparisonRecord } from '@cutover/migrate';
import { CutoverProvider } from '@cutover/provider';
import { AuditLog } from '@cutover/rollback';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliWorkspace, runCli } from './support/cli-run.js';
import type { CliWorkspace } from './support/cli-run.js';

let ws: CliWorkspace;
beforeEach(async () => {
  ws = await cliWorkspace();
});
afterEach(() => ws.remove());

const DAY = 86_400_000;
const nutribot = () => join(ws.flags, 'nutribot.flagd.json');
const clambake = () => join(ws.flags, 'clambake.flagd.json');
const cli = (...args: string[]) => runCli([...args, '--flags', ws.flags]);
const editArgs = () => ['--flags', ws.flags, '--audit', ws.audit];

async function serve(files: string[], overlay: string | false, flagKey: string, ids = 2000): Promise<Record<string, number>> {
  const provider = new CutoverProvider({ files, rollbackOverlay: overlay, watch: false, env: {} });
  await provider.initialize();
  const shares: Record<string, number> = {};
  for (let i = 0; i < ids; i++) {
    const { value } = await provider.resolveStringEvaluation(flagKey, 'default', { targetingKey: `chat-${i}`, chatId: `chat-${i}` });
    shares[value] = (shares[value] ?? 0) + 1;
  }
  await provider.onClose();
  return shares;
}

function record(flagKey: string, match: boolean, at: Date): ComparisonRecord {
  return {
    timestamp: at.toISOString(),
    flagKey,
    stage: 'shadow',
    outcome: match ? 'match' : 'mismatch',
    legacy: { status: 'ok', durationMs: 20 },
    candidate: { status: 'ok', durationMs: 12 },
    differences: match ? [] : [{ path: '$.items[0].kcal', legacy: 100, candidate: 130 }],
  };
}

async function fillStore(flagKey: string, matches: number, mismatches: number, at: Date): Promise<void> {
  const store = new FileComparisonStore({ directory: ws.store });
  for (let i = 0; i < matches + mismatches; i++) await store.record(record(flagKey, i >= mismatches, at));
  await store.close();
}

describe('cutover --help', () => {
  it.each(['', 'validate', 'status', 'stage', 'rollout', 'rollback', 'report', 'cleanup-check'])('exits 0 for "%s"', async (command) => {
    const result = await runCli([...(command ? [command] : []), '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: cutover');
  });
});

describe('cutover validate', () => {
  it('passes the repository’s flag files', async () => {
    const result = await cli('validate');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/3 file\(s\), \d+ flag\(s\): 0 error\(s\)/);
  });

  it('reports a planted error as file:line:column and exits 1', async () => {
    const text = (await readFile(nutribot(), 'utf8')).replace('"defaultVariant": "shadow"', '"defaultVariant": "shadowy"');
    await writeFile(nutribot(), text);
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('"shadowy"')) + 1;
    const column = lines[line - 1]!.indexOf('"shadowy"') + 1;
    const result = await cli('validate');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${nutribot()}:${line}:${column}: defaultVariant names no variant of the flag: "shadowy" (/flags/nutribot.food-detection/defaultVariant)`);
  });

  it('validates only the paths given, with the other files as context', async () => {
    const result = await cli('validate', nutribot(), '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ files: [nutribot()], errors: 0 });
  });

  it('passes a deviation from flagd\'s schemas that flagd serves with a warning, and fails it with --strict', async () => {
    const text = (await readFile(nutribot(), 'utf8')).replace('"state": "ENABLED"', '"state": "ON"');
    await writeFile(nutribot(), text);
    const lenient = await cli('validate', '--no-strict');
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toMatch(/nutribot\.flagd\.json:\d+:\d+: warning: flagd schema: .*\(\/flags\/[^/]+\/state\)/);
    const strict = await cli('validate', '--strict');
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/1 error\(s\), 0 warning\(s\)/);
  });
});

describe('cutover stage', () => {
  it('edits the flag in place, byte for byte outside the change, prints the diff and audits it', async () => {
    const before = await readFile(nutribot(), 'utf8');
    const result = await runCli(['stage', 'journalist.follow-up', 'shadow', '--reason', 'beta went well', ...editArgs()]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('-      "defaultVariant": "off",');
    expect(result.stdout).toContain('+      "defaultVariant": "shadow",');
    const after = await readFile(nutribot(), 'utf8');
    const [a, b] = [before.split('\n'), after.split('\n')];
    const start = a.findIndex((line, i) => line !== b[i]);
    const removed = a.length - b.length;
    // Everything before the first changed line and after the edited flag's changed lines is the same bytes.
    expect(b.slice(0, start)).toEqual(a.slice(0, start));
    expect(b.slice(start + 1)).toEqual(a.slice(start + 1 + removed));
    expect(a.slice(start, start + 1 + removed).join('\n')).toMatch(/^\s+"defaultVariant": "off",\n\s+"targeting": \{/);
    const [audit] = await new AuditLog(ws.audit).read();
    expect(audit).toMatchObject({ action: 'stage', scope: 'journalist.follow-up', reason: 'beta went well', details: { from: 'off', to: 'shadow' } });
  });

  it('writes nothing and audits nothing on --dry-run', async () => {
    const before = await readFile(clambake(), 'utf8');
    const result = await runCli(['stage', 'clambake.planner', 'shadow', '--dry-run', ...editArgs()]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('+      "defaultVariant": "shadow",');
    expect(result.stdout).toContain('dry run, nothing written');
    expect(await readFile(clambake(), 'utf8')).toBe(before);
    expect(existsSync(ws.audit)).toBe(false);
  });

  it('refuses off → complete without --force, saying why, and makes it with --force', async () => {
    await setStage(clambake(), 'clambake.planner', 'off');
    const refused = await runCli(['stage', 'clambake.planner', 'complete', ...editArgs()]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('off → complete skips dualwrite, shadow, live, rampdown');
    expect(refused.stderr).toContain('--force');
    expect(await readFile(clambake(), 'utf8')).toContain('"defaultVariant": "off"');
    const forced = await runCli(['stage', 'clambake.planner', 'complete', '--force', ...editArgs()]);
    expect(forced.code).toBe(0);
    expect(forced.stderr).toContain('forced');
    expect((await new AuditLog(ws.audit).read())[0]!.details).toMatchObject({ to: 'complete', forced: true });
  });
});

describe('cutover rollout', () => {
  it('writes a canary-first split that CutoverProvider serves to about the right share', async () => {
    expect((await runCli(['stage', 'journalist.follow-up', 'shadow', ...editArgs()])).code).toBe(0);
    const result = await runCli(['rollout', 'journalist.follow-up', '30', ...editArgs()]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('+      "targeting": { "fractional": [["live", 30], ["shadow", 70]] },');
    expect((await runCli(['validate', '--flags', ws.flags])).code).toBe(0);
    const shares = await serve([nutribot()], false, 'journalist.follow-up');
    expect(shares.live! / 2000).toBeGreaterThan(0.26);
    expect(shares.live! / 2000).toBeLessThan(0.34);
    expect(shares.live! + shares.shadow!).toBe(2000);
  });

  it('keeps the ids of a smaller canary when it grows', async () => {
    const dryRun = await runCli(['rollout', 'nutribot.food-detection', '25', '--dry-run', ...editArgs()]);
    expect(dryRun.stdout).toContain('+          { "fractional": [["live", 25], ["shadow", 75]] }');
    const live = async () => {
      const provider = new CutoverProvider({ files: [nutribot()], rollbackOverlay: false, watch: false, env: {} });
      await provider.initialize();
      const ids = new Set<string>();
      for (let i = 0; i < 1000; i++) if ((await provider.resolveStringEvaluation('nutribot.food-detection', 'x', { targetingKey: `c${i}` })).value === 'live') ids.add(`c${i}`);
      return ids;
    };
    const at10 = await live();
    expect((await runCli(['rollout', 'nutribot.food-detection', '25', ...editArgs()])).code).toBe(0);
    const at25 = await live();
    expect([...at10].every((id) => at25.has(id))).toBe(true);
    expect(at25.size).toBeGreaterThan(at10.size);
  });
});

describe('cutover rollback', () => {
  it('rolls a flag back through the overlay, shows it in status, and clears it with a recorded reason', async () => {
    const rolled = await runCli(['rollback', 'nutribot.food-detection', '--reason', 'kcal off by 30 %', ...editArgs()]);
    expect(rolled.code).toBe(0);
    const overlay = join(ws.flags, 'rollbacks.flagd.json');
    expect(await serve([nutribot()], overlay, 'nutribot.food-detection', 200)).toEqual({ off: 200 });
    const status = JSON.parse((await cli('status', '--json')).stdout);
    const food = status.migrations.find((m: { flagKey: string }) => m.flagKey === 'nutribot.food-detection');
    expect(food.rollback).toMatchObject({ variant: 'off', reason: 'kcal off by 30 %' });
    const cleared = await runCli(['rollback', '--clear', 'nutribot.food-detection', '--reason', 'comparator fixed', ...editArgs()]);
    expect(cleared.code).toBe(0);
    expect(cleared.stdout).toContain('rollback lifted: nutribot.food-detection');
    expect((await serve([nutribot()], overlay, 'nutribot.food-detection', 200)).off).toBeUndefined();
    const audit = await new AuditLog(ws.audit).read();
    expect(audit.map((r) => `${r.action}/${r.status}`)).toEqual(['rollback/initiated', 'rollback/completed', 'rollback-cleared/completed']);
    expect(audit[2]!.reason).toBe('comparator fixed');
  });

  it('rolls a flag back when an unrelated flag file has a bad edit, and names the file it skipped', async () => {
    const broken = join(ws.flags, 'mspbyte.flagd.json');
    await writeFile(broken, `${await readFile(broken, 'utf8')},,`);
    const rolled = await runCli(['rollback', 'nutribot.food-detection', '--reason', 'x', ...editArgs()]);
    expect(rolled.code).toBe(0);
    expect(rolled.stdout).toContain('rolled back nutribot.food-detection → off');
    expect(rolled.stderr).toMatch(/skipped .*mspbyte\.flagd\.json, which cannot be read: .*mspbyte\.flagd\.json:\d+:\d+/);
    expect(await serve([nutribot()], join(ws.flags, 'rollbacks.flagd.json'), 'nutribot.food-detection', 50)).toEqual({ off: 50 });
    const json = JSON.parse((await runCli(['rollback', 'group:nutribot', '--reason', 'x', '--json', ...editArgs()])).stdout);
    expect(json).toMatchObject({ status: 'completed', unreadable: [{ file: broken }] });
  });

  it('requires a reason, and reports drift when the overlay outlives its flag', async () => {
    expect((await runCli(['rollback', 'nutribot.food-detection', ...editArgs()])).code).not.toBe(0);
    expect((await runCli(['rollback', '--all', '--reason', 'drill', ...editArgs()])).code).toBe(0);
    await writeFile(clambake(), (await readFile(clambake(), 'utf8')).replaceAll('clambake.planner', 'clambake.planner-v2'));
    const status = await cli('status');
    expect(status.stdout).toContain('drift: clambake.planner: rolled back in the overlay but defined in no flag file');
  });
});

describe('cutover report', () => {
  it('summarises the store: match rate, durations, top differences, per migration', async () => {
    await fillStore('nutribot.food-detection', 98, 2, new Date());
    await fillStore('clambake.planner', 10, 0, new Date());
    const json = JSON.parse((await runCli(['report', '--json', '--store', ws.store, '--flags', ws.flags])).stdout);
    expect(json.summary).toMatchObject({ total: 110, matches: 108, mismatches: 2 });
    expect(json.migrations['nutribot.food-detection']).toMatchObject({ total: 100, matchRate: 0.98 });
    expect(json.migrations['nutribot.food-detection'].topDifferences[0]).toEqual({ path: '$.items[*].kcal', count: 2 });
    const text = await runCli(['report', '--since', '1h', '--migration', 'nutribot.food-detection', '--store', ws.store]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('match rate  98.00 %');
    expect(text.stdout).toContain('$.items[*].kcal');
  });
});

describe('cutover cleanup-check', () => {
  const key = 'nutribot.food-detection';

  async function prepare(completeDaysAgo: number | undefined): Promise<string> {
    await setStage(nutribot(), key, 'complete', { force: true });
    if (completeDaysAgo !== undefined) {
      await new AuditLog(ws.audit).append({ action: 'stage', status: 'completed', scope: key, actor: 'cli:test', reason: 'done', details: { from: 'live', to: 'complete' }, at: new Date(Date.now() - completeDaysAgo * DAY).toISOString() });
    }
    const src = join(ws.dir, 'src');
    await mkdir(src, { recursive: true });
    await writeFile(join(src, 'router.ts'), `// food detection\nconst flag = '${key}';\n`);
    await mkdir(join(src, 'node_modules'), { recursive: true });
    await writeFile(join(src, 'node_modules', 'x.js'), `'${key}'\n`);
    return src;
  }
  const check = (src: string) => runCli(['cleanup-check', key, '--src', src, '--flags', ws.flags, '--audit', ws.audit, '--store', ws.store]);

  it('is ready after 7 stable days at ≥ 99 % and lists the code references', async () => {
    const src = await prepare(10);
    await fillStore(key, 995, 5, new Date(Date.now() - 12 * DAY));
    const result = await check(src);
    expect(result.stdout).toContain('ready');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/src\/router\.ts:2:/);
    expect(result.stdout).not.toContain('node_modules');
  });

  it('is not ready when complete for less than 7 days, after a rollback, or below 99 %', async () => {
    const src = await prepare(3);
    await fillStore(key, 1000, 0, new Date(Date.now() - 5 * DAY));
    const young = await check(src);
    expect(young.code).toBe(1);
    expect(young.stdout).toMatch(/✗ stable: complete since .* \(3\.0 days; needs 7\)/);

    await new AuditLog(ws.audit).append({ action: 'stage', status: 'completed', scope: key, actor: 'cli:test', reason: 'again', details: { to: 'complete' }, at: new Date(Date.now() - 9 * DAY).toISOString() });
    await new AuditLog(ws.audit).append({ action: 'rollback', status: 'completed', scope: 'group:nutribot', actor: 'guard', reason: 'error rate', at: new Date(Date.now() - 2 * DAY).toISOString() });
    const rolledBack = await check(src);
    expect(rolledBack.code).toBe(1);
    expect(rolledBack.stdout).toContain('✗ no-rollback: rolled back');

    await fillStore(key, 0, 50, new Date(Date.now() - 10 * DAY));
    const json = JSON.parse((await runCli(['cleanup-check', key, '--json', '--src', src, '--flags', ws.flags, '--audit', ws.audit, '--store', ws.store])).stdout);
    expect(json.conditions.find((c: { name: string }) => c.name === 'match-rate')).toMatchObject({ ok: false });
  });

  it('fails when the audit log cannot date the move to complete', async () => {
    const src = await prepare(undefined);
    await fillStore(key, 100, 0, new Date());
    const result = await check(src);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('unknown since when it is complete');
  });
});

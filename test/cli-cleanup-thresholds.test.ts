import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setStage } from '@cutover/cli';
import { FileComparisonStore } from '@cutover/migrate';
import { AuditLog } from '@cutover/rollback';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliWorkspace, runCli } from './support/cli-run.js';
import type { CliWorkspace } from './support/cli-run.js';

const DAY = 86_400_000;
const key = 'nutribot.food-detection';
let ws: CliWorkspace;
beforeEach(async () => {
  ws = await cliWorkspace();
});
afterEach(() => ws.remove());

// The flag complete for `days`, with `matches` of 1000 comparisons matching the day before it got there.
async function prepare(days: number, matches: number): Promise<string> {
  await setStage(join(ws.flags, 'nutribot.flagd.json'), key, 'complete', { force: true });
  const completeAt = Date.now() - days * DAY;
  await new AuditLog(ws.audit).append({ action: 'stage', status: 'completed', scope: key, actor: 'cli:test', reason: 'done', details: { from: 'live', to: 'complete' }, at: new Date(completeAt).toISOString() });
  const store = new FileComparisonStore({ directory: ws.store });
  for (let i = 0; i < 1000; i++) {
    await store.record({
      timestamp: new Date(completeAt - DAY / 2).toISOString(), flagKey: key, stage: 'live', outcome: i < matches ? 'match' : 'mismatch',
      legacy: { status: 'ok', durationMs: 20 }, candidate: { status: 'ok', durationMs: 12 }, differences: [],
    });
  }
  await store.close();
  const src = join(ws.dir, 'src');
  await mkdir(src, { recursive: true });
  await writeFile(join(src, 'router.ts'), `const flag = '${key}';\n`);
  return src;
}

const check = (src: string, ...thresholds: string[]) =>
  runCli(['cleanup-check', key, '--src', src, '--flags', ws.flags, '--audit', ws.audit, '--store', ws.store, ...thresholds]);

describe('cutover cleanup-check thresholds', () => {
  it('keeps 7 days and 99 % by default, and applies --stable-days and --min-match-rate when given', async () => {
    const src = await prepare(4, 992);
    const byDefault = await check(src);
    expect(byDefault.code).toBe(1);
    expect(byDefault.stdout).toMatch(/✗ stable: complete since .* \(4\.0 days; needs 7\)/);
    expect(byDefault.stdout).toContain('✓ match-rate: 99.20 % of 1000 comparisons');
    expect(byDefault.stdout).toContain('(needs 99 %)');

    const shorter = await check(src, '--stable-days', '3');
    expect(shorter.stdout).toContain('needs 3)');
    expect(shorter.code).toBe(0);

    const stricter = await check(src, '--stable-days', '3', '--min-match-rate', '99.5%');
    expect(stricter.code).toBe(1);
    expect(stricter.stdout).toContain('✗ match-rate: 99.20 % of 1000 comparisons');
    expect(stricter.stdout).toContain('(needs 99.5 %)');
  });

  it('refuses a threshold it cannot read, naming the option', async () => {
    const src = await prepare(10, 1000);
    const rate = await check(src, '--min-match-rate', '120');
    expect(rate.code).not.toBe(0);
    expect(rate.stderr).toContain("option '--min-match-rate <percent>' argument '120' is invalid");
    const days = await check(src, '--stable-days', 'week');
    expect(days.code).not.toBe(0);
    expect(days.stderr).toContain("option '--stable-days <days>' argument 'week' is invalid");
  });
});

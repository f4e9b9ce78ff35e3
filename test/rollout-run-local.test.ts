// `cutover rollout run` without Prometheus: the demo's food-detection service
// in a child process writes its comparisons to its store, and the controller,
// given no --prometheus, judges each step on those records. A flag file of
// another team broken mid-run is named and skipped; the rollout goes on.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AuditLog } from '@cutover/rollback';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoWorkspace } from '../examples/demo/demo-workspace.js';
import type { DemoWorkspace } from '../examples/demo/demo-workspace.js';
import { FOOD_FLAG } from '../examples/demo/food-service.js';
import { startChildService } from './support/child-service.js';
import type { ChildService } from './support/child-service.js';
import { RolloutCliProcess } from './support/rollout-cli-process.js';

let ws: DemoWorkspace;
let service: ChildService;
let unrelated: string;

const resetOverlay = () => writeFile(ws.overlay, `${JSON.stringify({ $schema: 'https://flagd.dev/schema/v0/flags.json', flags: {} }, null, 2)}\n`);
const controller = (name: string, args: readonly string[]) =>
  new RolloutCliProcess([
    '--flags', ws.flagsDir, 'rollout', 'run', FOOD_FLAG, '--store', ws.storeDir,
    '--state-dir', join(ws.dir, 'rollouts', name), '--audit', join(ws.dir, `${name}.audit.jsonl`), '--interval', '1s', ...args,
  ]);
const stateOf = async (name: string) => JSON.parse(await readFile(join(ws.dir, 'rollouts', name, `${FOOD_FLAG}.json`), 'utf8')) as { phase: string; history: { percent: number }[] };

describe('cutover rollout run without Prometheus', () => {
  beforeAll(async () => {
    ws = await createDemoWorkspace();
    await resetOverlay();
    service = await startChildService('test/support/rollout-service.ts', { ROLLOUT_FLAG_FILES: ws.files.join(','), ROLLOUT_OVERLAY: ws.overlay, ROLLOUT_STORE_DIR: ws.storeDir });
    // Another team's bad edit, after the service loaded it (it keeps serving its last good version).
    unrelated = ws.files.find((file) => file.endsWith('mspbyte.flagd.json'))!;
    await writeFile(unrelated, `${await readFile(unrelated, 'utf8')},,`);
  });

  afterAll(async () => {
    await service?.stop();
    await ws?.remove();
  });

  it('judges each step on the comparison store, and names the broken unrelated file without stopping', async () => {
    const run = controller('local', ['--steps', '10,100', '--window', '3s']);
    expect(await run.exited).toBe(0);
    expect(await stateOf('local')).toMatchObject({ phase: 'completed', history: [{ percent: 10 }, { percent: 100 }] });
    expect(run.stderr).toContain(`warning: skipped ${unrelated}, which cannot be read`);
    expect(run.lines.find((line) => line.kind === 'warning')?.message).toContain(`skipped ${unrelated}`);
    const decided = run.lines.map((line) => line.state.lastDecision?.summary).filter(Boolean).at(-1);
    expect(decided).toMatch(/healthy/);
    const steps = (await new AuditLog(join(ws.dir, 'local.audit.jsonl')).read()).filter((r) => r.action === 'rollout' && !r.details?.completed);
    expect(steps.map((r) => r.details?.percent)).toEqual([10, 100]);
  }, 60_000);

  it('rolls a candidate back on the errors and mismatches its comparisons show', async () => {
    await resetOverlay();
    const run = controller('degrade', ['--steps', '10,50', '--window', '8s']);
    await run.waitFor((line) => line.kind === 'step' && line.state.stepIndex === 0);
    await fetch(`http://127.0.0.1:${service.port}/inject`, { method: 'POST' });
    expect(await run.exited).toBe(2);
    expect(await stateOf('degrade')).toMatchObject({ phase: 'rolled-back' });
    const overlay = JSON.parse(await readFile(ws.overlay, 'utf8')) as { flags: Record<string, { defaultVariant?: string; metadata?: Record<string, unknown> }> };
    expect(overlay.flags[FOOD_FLAG]).toMatchObject({ defaultVariant: 'off', metadata: { rolledBack: true, rolledBackBy: 'controller' } });
  }, 60_000);
});

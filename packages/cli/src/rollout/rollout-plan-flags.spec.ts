import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { parseSteps, planFromFlags } from './rollout-plan-flags.js';
import { sharedRolloutOptions } from './shared-rollout-options.js';

describe(planFromFlags.name, () => {
  it('reads rollouts/<flag>.json when it exists, the command line winning', async () => {
    const plans = await mkdtemp(join(tmpdir(), 'cutover-plans-'));
    await writeFile(join(plans, 'f.json'), JSON.stringify({ steps: [5, 50], window: '1h', gracefulRollback: { duration: '5m' } }));
    const { options, source } = await planFromFlags('f', { plans, window: '10m' });
    expect(options).toEqual({ steps: [5, 50], window: '10m', gracefulRollback: { duration: '5m' } });
    expect(source).toBe(join(plans, 'f.json'));
    expect((await planFromFlags('other', { plans, steps: [10, 100], to: 'live' })).options).toEqual({ steps: [10, 100], target: 'live' });
  });

  it('lets a risk on the command line replace the file\'s steps and window', async () => {
    const plans = await mkdtemp(join(tmpdir(), 'cutover-plans-'));
    await writeFile(join(plans, 'f.json'), JSON.stringify({ steps: [5, 50], window: '1h', interval: '10s' }));
    expect((await planFromFlags('f', { plans, risk: 'critical' })).options).toMatchObject({ risk: 'critical', steps: undefined, window: undefined, interval: '10s' });
  });

  it('parses --steps', () => {
    expect(parseSteps('10,25%, 50')).toEqual([10, 25, 50]);
    expect(() => parseSteps('10,x')).toThrow(/whole percentages/);
  });
});

describe(sharedRolloutOptions.name, () => {
  it('reads an option commander handed to the parent rollout command', async () => {
    const program = new Command().exitOverride();
    let seen: unknown;
    const rollout = program.command('rollout').option('--audit <file>').option('--json').option('--reason <text>');
    rollout.command('approve').argument('<flag>').option('--audit <file>').option('--reason <text>').action((_flag, _options, command: Command) => {
      seen = sharedRolloutOptions(command);
    });
    await program.parseAsync(['rollout', 'approve', 'f', '--audit', 'a.jsonl', '--reason', 'ok', '--json'], { from: 'user' });
    expect(seen).toEqual({ audit: 'a.jsonl', reason: 'ok', json: true });
  });
});

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe('the README main job (pnpm demo)', () => {
  it('evaluates the repository flags for a few ids and prints value, variant, reason and source', async () => {
    const { stdout } = await run('node', ['--conditions=source', '--import', 'tsx', 'examples/demo.ts'], { timeout: 60_000 });
    expect(stdout).toMatch(/id\s+flag\s+value\s+variant\s+reason\s+source/);
    expect(stdout).toMatch(/jürgen\s+nutribot\.food-detection\s+(shadow|live)\s+(shadow|live)\s+SPLIT\s+file/);
    expect(stdout).toMatch(/chat-1001\s+mspbyte\.analyzers\s+live\s+live\s+TARGETING_MATCH\s+file/);
  });
});

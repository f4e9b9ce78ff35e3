// Every benchmark suite still runs: `pnpm bench --smoke` takes a few
// iterations of each measurement (figures and targets not judged), so a
// change that breaks a benchmark fails CI instead of rotting until the next
// time someone measures.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function runSmoke(): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'bench/run.ts', '--smoke'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, output })));
}

describe('benchmarks in smoke mode', () => {
  it('run every suite to the end without an error', async () => {
    const started = performance.now();
    const { code, output } = await runSmoke();
    const seconds = (performance.now() - started) / 1000;
    console.log(`bench --smoke: ${seconds.toFixed(1)} s\n${output.split('\n').filter((line) => line.startsWith('===') || /^\s+\(.*s\)$/.test(line)).join('\n')}`);
    expect(output, output).toContain('every suite ran');
    expect(code).toBe(0);
  }, 180_000);
});

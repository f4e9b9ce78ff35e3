import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Runs the README's main job and collects its output; calls `onLine` for each line as it arrives. */
function runDemo(args: string[], onLine: (line: string) => void = () => {}): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('node', ['--conditions=source', '--import', 'tsx', 'examples/demo.ts', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    let pending = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk;
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop()!;
      lines.forEach(onLine);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout });
    });
  });
}

describe('the README main job (pnpm demo)', () => {
  it('narrates shadow, canary, regression, automatic rollback and the report, then serves the dashboard and exits cleanly', async () => {
    let health: Promise<Response> | undefined;
    const { code, stdout } = await runDemo(['--requests', '200', '--dashboard-seconds', '3'], (line) => {
      const url = /open\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(line)?.[1];
      if (url) health = fetch(`${url}/health`);
    });
    expect(code).toBe(0);
    expect(stdout).toMatch(/1\. Shadow[\s\S]*match rate\s+9\d\.\d %/);
    expect(stdout).toMatch(/2\. Live canary[\s\S]*calls by stage\s+(shadow \d+, live \d+|live \d+, shadow \d+)/);
    // The regression (30 % errors) fails both criteria: a failed call is also a comparison that does not
    // match, so whichever test crosses its boundary first (error rate or match rate) names the rollback.
    expect(stdout).toMatch(/4\. The guard rolled back by itself[\s\S]*✗ (error-rate|match-rate) fail/);
    expect(stdout).toMatch(/rollback\s+completed: nutribot\.food-detection → off/);
    expect(stdout).toMatch(/flag now serves\s+off \(source rollback/);
    expect(stdout).toMatch(/traffic after rollback[\s\S]*calls by stage\s+off \d+\n/);
    expect(stdout).toMatch(/5\. Report[\s\S]*rollback completed by guard/);
    expect(health).toBeDefined();
    expect((await health!).status).toBe(200);
    expect(stdout.trimEnd()).toMatch(/Done\.$/);
  });
});

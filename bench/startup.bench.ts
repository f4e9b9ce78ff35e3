// What a process pays to start with Cutover, measured from the built packages
// (dist, as installed) in fresh Node processes, interleaved with the peer in
// the same run: `import('@cutover/provider')` against the OpenFeature SDK alone
// (wall time and peak RSS), and `cutover status` on the repository's flags.
// Targets: import ≤ 1.5× the SDK's time and ≤ 1.3× its RSS; status ≤ 400 ms.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SMOKE, scaled } from './smoke.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ROUNDS = scaled(Number(process.env.BENCH_ROUNDS ?? 9), 1);

interface Sample {
  readonly ms: number;
  readonly rssMb: number;
}

/** One fresh process: wall time from spawn to exit, and its peak RSS (from /usr/bin/time). */
function sample(args: readonly string[], cwd: string): Sample {
  const started = performance.now();
  const child = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], { cwd, encoding: 'utf8' });
  const ms = performance.now() - started;
  if (child.status !== 0) throw new Error(`${args.join(' ')} exited ${child.status}: ${child.stderr}`);
  const kb = Number(child.stderr.trim().split('\n').at(-1));
  return { ms, rssMb: kb / 1024 };
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function run(): Promise<boolean> {
  if (!existsSync(`${ROOT}packages/provider/dist/index.js`)) {
    console.log('startup: build first (corepack pnpm build); the figures are of the installed form');
    return SMOKE;
  }
  const importOf = (specifier: string) => ['--input-type=module', '-e', `await import('${specifier}')`];
  const sdk: Sample[] = [];
  const provider: Sample[] = [];
  const status: Sample[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    sdk.push(sample(importOf('@openfeature/server-sdk'), `${ROOT}packages/provider`));
    provider.push(sample(importOf('@cutover/provider'), `${ROOT}packages/provider`));
    status.push(sample([`${ROOT}packages/cli/bin/cutover.js`, 'status'], ROOT));
  }
  const time = median(provider.map((s) => s.ms)) / median(sdk.map((s) => s.ms));
  const rss = median(provider.map((s) => s.rssMb)) / median(sdk.map((s) => s.rssMb));
  const statusMs = median(status.map((s) => s.ms));
  console.log(`import('@cutover/provider'): ${median(provider.map((s) => s.ms)).toFixed(0)} ms, ${median(provider.map((s) => s.rssMb)).toFixed(1)} MB`);
  console.log(`import('@openfeature/server-sdk'): ${median(sdk.map((s) => s.ms)).toFixed(0)} ms, ${median(sdk.map((s) => s.rssMb)).toFixed(1)} MB`);
  console.log(`ratio: time ${time.toFixed(2)}× (goal ≤ 1.5×), RSS ${rss.toFixed(2)}× (goal ≤ 1.3×)`);
  console.log(`cutover status (repository flags): ${statusMs.toFixed(0)} ms (goal ≤ 400 ms), median of ${ROUNDS}`);
  return time <= 1.5 && rss <= 1.3 && statusMs <= 400;
}

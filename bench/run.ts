// `pnpm bench [--smoke] [suite...]`: runs the benchmark suites (bench/*.bench.ts),
// one after another, each in a fresh Node process so no suite inherits another's
// heap or JIT state; the ratios a suite prints compare contenders measured in
// the same process. Exits non-zero when a suite misses a target (1) or fails (2).
// `--smoke` (or BENCH_SMOKE=1) runs a few iterations of everything: CI proves
// every suite still runs, and only a failure, not a missed target, counts.
import { spawnSync } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const args = process.argv.slice(2);
if (args.includes('--smoke')) process.env.BENCH_SMOKE = '1';
const [first, ...others] = args.filter((arg) => arg !== '--smoke');
const smoke = process.env.BENCH_SMOKE === '1';
/** Exit code of a suite that threw, told apart from one that missed a target. */
const FAILED = 2;

if (first === '--suite') {
  process.on('unhandledRejection', (error) => {
    console.error(error);
    process.exit(FAILED);
  });
  try {
    const suite = (await import(`./${others[0]}.bench.ts`)) as { run: () => Promise<boolean> };
    process.exitCode = (await suite.run()) ? 0 : 1;
  } catch (error) {
    console.error(error);
    process.exitCode = FAILED;
  }
} else {
  const wanted = first === undefined ? [] : [first, ...others];
  const suites = (await readdir(dir)).filter((f) => f.endsWith('.bench.ts')).map((f) => f.replace(/\.bench\.ts$/, '')).sort();
  const missed: string[] = [];
  const failed: string[] = [];
  for (const name of suites.filter((s) => wanted.length === 0 || wanted.includes(s))) {
    console.log(`\n=== ${name}${smoke ? ' (smoke)' : ''} ===`);
    const started = performance.now();
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--suite', name], { stdio: 'inherit' });
    if (smoke) console.log(`  (${name}: ${((performance.now() - started) / 1000).toFixed(1)} s)`);
    if (child.status === 1) missed.push(name);
    else if (child.status !== 0) failed.push(name);
  }
  if (failed.length > 0) console.log(`\n${failed.length} suite(s) failed: ${failed.join(', ')}`);
  if (smoke) console.log(failed.length === 0 ? '\nevery suite ran (smoke mode: figures and targets not judged)' : '');
  else console.log(missed.length === 0 ? '\nall targets met' : `\n${missed.length} suite(s) missed a target: ${missed.join(', ')}`);
  if (failed.length > 0) process.exitCode = FAILED;
  else if (missed.length > 0 && !smoke) process.exitCode = 1;
}

// `pnpm bench [suite...]`: runs the benchmark suites (bench/*.bench.ts), one
// after another, each in a fresh Node process so no suite inherits another's
// heap or JIT state; the ratios a suite prints compare contenders measured in
// the same process. Exits non-zero when a suite misses a target.
import { spawnSync } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const [first, ...others] = process.argv.slice(2);

if (first === '--suite') {
  const suite = (await import(`./${others[0]}.bench.ts`)) as { run: () => Promise<boolean> };
  process.exitCode = (await suite.run()) ? 0 : 1;
} else {
  const wanted = first === undefined ? [] : [first, ...others];
  const suites = (await readdir(dir)).filter((f) => f.endsWith('.bench.ts')).map((f) => f.replace(/\.bench\.ts$/, '')).sort();
  const missed: string[] = [];
  for (const name of suites.filter((s) => wanted.length === 0 || wanted.includes(s))) {
    console.log(`\n=== ${name} ===`);
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--suite', name], { stdio: 'inherit' });
    if (child.status !== 0) missed.push(name);
  }
  console.log(missed.length === 0 ? '\nall targets met' : `\n${missed.length} suite(s) missed a target: ${missed.join(', ')}`);
  if (missed.length > 0) process.exitCode = 1;
}

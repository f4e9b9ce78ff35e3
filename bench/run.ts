// Runs every benchmark suite in one process, one after another, so all ratios
// come from the same run on the same machine. `pnpm bench [name...]` runs a subset.
import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const wanted = process.argv.slice(2);
const suites = (await readdir(dir)).filter((f) => f.endsWith('.bench.ts')).sort();
let misses = 0;
for (const file of suites) {
  const name = file.replace(/\.bench\.ts$/, '');
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  console.log(`\n=== ${name} ===`);
  const suite = (await import(`./${file}`)) as { run: () => Promise<boolean> };
  if (!(await suite.run())) misses++;
}
console.log(misses === 0 ? '\nall targets met' : `\n${misses} suite(s) missed a target`);
if (misses > 0) process.exitCode = 1;

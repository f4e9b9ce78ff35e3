// Loaded with `--import` ahead of the CLI by runCliTogether: loads the CLI's
// modules, says it is ready, then waits for the go file, so that processes
// started seconds apart reach their work within milliseconds of each other.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const barrier = process.env.CUTOVER_TEST_BARRIER;
if (barrier) {
  await import('../../packages/cli/src/main.js');
  await writeFile(join(barrier, `ready-${process.pid}`), '');
  while (!existsSync(join(barrier, 'go'))) await sleep(1);
}

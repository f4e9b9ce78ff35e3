import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const REPO_ROOT = resolve(new URL('../..', import.meta.url).pathname);

/**
 * The `shared/` directory beside the repository (reference suites and schemas
 * the project may read but not copy): `CUTOVER_SHARED_DIR` when set, else the
 * first `shared/` found walking up from the repository root that holds `marker`
 * (a clone at /work/main and a worktree at /work/wt/<branch> both find it).
 * Throws when there is none, so a run without it fails instead of passing on nothing.
 */
export function sharedDir(marker: string): string {
  const fromEnv = process.env.CUTOVER_SHARED_DIR;
  if (fromEnv) {
    if (!existsSync(join(fromEnv, marker))) throw new Error(`CUTOVER_SHARED_DIR=${fromEnv} has no ${marker}`);
    return fromEnv;
  }
  for (let dir = REPO_ROOT; ; dir = dirname(dir)) {
    const candidate = join(dirname(dir), 'shared');
    if (existsSync(join(candidate, marker))) return candidate;
    if (dirname(dir) === dir) break;
  }
  throw new Error(`no shared/${marker} beside ${REPO_ROOT} or any directory above it; set CUTOVER_SHARED_DIR`);
}

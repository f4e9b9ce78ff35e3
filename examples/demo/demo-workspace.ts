import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { flagFiles } from '../flag-files.js';

/** Where the demo keeps its copy of the flag files, its comparison store and its audit log. */
export interface DemoWorkspace {
  readonly dir: string;
  readonly flagsDir: string;
  readonly files: string[];
  readonly overlay: string;
  readonly storeDir: string;
  readonly auditFile: string;
  remove(): Promise<void>;
}

/** Copies the repository's flag files into a fresh temporary directory, so the demo never edits the repository. */
export async function createDemoWorkspace(): Promise<DemoWorkspace> {
  const dir = await mkdtemp(join(tmpdir(), 'cutover-demo-'));
  const flagsDir = join(dir, 'flags');
  await mkdir(flagsDir);
  const files: string[] = [];
  for (const source of flagFiles()) {
    const target = join(flagsDir, basename(source));
    await copyFile(source, target);
    files.push(target);
  }
  return {
    dir,
    flagsDir,
    files,
    overlay: join(flagsDir, 'rollbacks.flagd.json'),
    storeDir: join(dir, '.cutover', 'comparisons'),
    auditFile: join(dir, '.cutover', 'audit.jsonl'),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

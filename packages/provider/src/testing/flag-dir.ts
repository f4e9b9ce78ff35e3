import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A temporary directory of flag files for a test; `remove()` deletes it. */
export interface FlagDir {
  readonly path: string;
  /** Writes a flag file (an object is written as a flagd document with these flags) and returns its path. */
  write(name: string, content: string | Record<string, unknown>): Promise<string>;
  remove(): Promise<void>;
}

/** Creates a temporary flag directory. */
export async function createFlagDir(): Promise<FlagDir> {
  const path = await mkdtemp(join(tmpdir(), 'cutover-flags-'));
  return {
    path,
    async write(name, content) {
      const file = join(path, name);
      // Written aside and renamed into place, as editors and git do: a watcher never reads a half-written file.
      const temp = join(path, `.${name}.${process.pid}.tmp`);
      await writeFile(temp, typeof content === 'string' ? content : JSON.stringify({ flags: content }, null, 2));
      await rename(temp, file);
      return file;
    },
    remove: () => rm(path, { recursive: true, force: true }),
  };
}

import { randomBytes } from 'node:crypto';
import { open, readdir, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `text` beside `path` in a new temporary file, flushed to disk, and
 * returns its name: renaming it over `path` then publishes the whole text at
 * once. The temporary keeps the mode of the file it replaces.
 */
export async function writeTempFile(path: string, text: string): Promise<string> {
  const temp = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  const mode = await stat(path).then((s) => s.mode & 0o777, () => 0o644);
  const handle = await open(temp, 'wx', mode);
  try {
    await handle.writeFile(text);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  return temp;
}

/**
 * Deletes the temporaries of writers that died before their rename: ours
 * (`<name>.<pid>-<hex>.tmp`) and write-file-atomic's (`<name>.<digits>`),
 * older than `olderThanMs` so that a live writer's file is never touched.
 */
export async function removeStaleTempFiles(path: string, olderThanMs: number): Promise<void> {
  const name = basename(path);
  const pattern = new RegExp(`^${escapeRegExp(name)}\\.(?:\\d+-[0-9a-f]+\\.tmp|\\d+)$`);
  const entries = await readdir(dirname(path)).catch(() => [] as string[]);
  const cutoff = Date.now() - olderThanMs;
  await Promise.all(
    entries
      .filter((entry) => pattern.test(entry))
      .map(async (entry) => {
        const file = join(dirname(path), entry);
        const info = await stat(file).catch(() => undefined);
        if (info?.isFile() && info.mtimeMs < cutoff) await rm(file, { force: true });
      }),
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

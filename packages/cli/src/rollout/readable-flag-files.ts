import { readFile } from 'node:fs/promises';
import { parseFlagFile } from '@cutover/provider';

/**
 * The flag files that can be read and parsed now; each other one is handed
 * to `onUnreadable` with the reason. A broken edit of an unrelated file must
 * not stop a rollout, and the provider refuses to load a set with a broken file.
 */
export async function readableFlagFiles(files: readonly string[], onUnreadable: (file: string, error: string) => void): Promise<string[]> {
  const readable: string[] = [];
  for (const file of files) {
    try {
      parseFlagFile(await readFile(file, 'utf8'), file);
      readable.push(file);
    } catch (error) {
      onUnreadable(file, (error as Error).message);
    }
  }
  return readable;
}

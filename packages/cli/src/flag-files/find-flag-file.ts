import { readFile } from 'node:fs/promises';
import { parse } from 'jsonc-parser';

/**
 * The file that defines `flagKey`: the last of `files` that has it, as flagd
 * merges files (a later file wins). Reads the JSON leniently, so a file broken
 * elsewhere still tells where the flag is; the edit itself validates.
 */
export async function findFlagFile(files: readonly string[], flagKey: string): Promise<string | undefined> {
  let found: string | undefined;
  for (const file of files) {
    const document = parse(await readFile(file, 'utf8')) as { flags?: Record<string, unknown> } | undefined;
    if (document?.flags && Object.hasOwn(document.flags, flagKey)) found = file;
  }
  return found;
}

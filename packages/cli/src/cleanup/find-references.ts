import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { createInterface } from 'node:readline';

/** One line of code that mentions a flag key. */
export interface CodeReference {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

// Dependencies, build output, history and Cutover's own records mention keys without being code to delete.
const SKIPPED = new Set(['node_modules', 'dist', '.git', '.cutover', 'coverage']);
const MAX_BYTES = 2 * 1024 * 1024;

/** Every line under `root` that contains `needle`, as `file:line`, skipping dependencies, build output and large files. */
export async function findReferences(root: string, needle: string): Promise<CodeReference[]> {
  const references: CodeReference[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED.has(entry.name)) await walk(path);
      } else if (entry.isFile() && (await stat(path)).size <= MAX_BYTES) {
        references.push(...(await searchFile(path, needle)));
      }
    }
  };
  await walk(root);
  return references;
}

async function searchFile(path: string, needle: string): Promise<CodeReference[]> {
  const found: CodeReference[] = [];
  let number = 0;
  for await (const text of createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity })) {
    number++;
    // A NUL byte means a binary file: nothing to read there.
    if (text.includes('\u0000')) return [];
    if (text.includes(needle)) found.push({ file: relative(process.cwd(), path) || path, line: number, text: text.trim().slice(0, 200) });
  }
  return found;
}

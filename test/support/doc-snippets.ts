import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { REPO_ROOT } from './cli-run.js';

/** One TypeScript block of a Markdown document. */
export interface DocSnippet {
  /** `docs/guard.md:42`: the document and the line the block starts on. */
  readonly where: string;
  readonly code: string;
}

/** Every Markdown document users read: the README, docs/ and each package's README. */
export async function userDocuments(): Promise<string[]> {
  const docs = (await readdir(join(REPO_ROOT, 'docs'))).filter((name) => name.endsWith('.md')).map((name) => join(REPO_ROOT, 'docs', name));
  const packages = await readdir(join(REPO_ROOT, 'packages'));
  const readmes = [];
  for (const folder of packages) {
    const readme = join(REPO_ROOT, 'packages', folder, 'README.md');
    if (await readFile(readme).then(() => true, () => false)) readmes.push(readme);
  }
  return [join(REPO_ROOT, 'README.md'), ...docs.sort(), ...readmes.sort()];
}

const FENCE = /^```(ts|typescript)\s*$/;

/** The ```ts blocks of a document, each with where it starts. */
export async function snippetsOf(file: string): Promise<DocSnippet[]> {
  const lines = (await readFile(file, 'utf8')).split('\n');
  const snippets: DocSnippet[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!FENCE.test(lines[i]!)) continue;
    const start = i + 1;
    const body: string[] = [];
    for (i++; i < lines.length && !lines[i]!.startsWith('```'); i++) body.push(lines[i]!);
    snippets.push({ where: `${relative(REPO_ROOT, file)}:${start}`, code: body.join('\n') });
  }
  return snippets;
}

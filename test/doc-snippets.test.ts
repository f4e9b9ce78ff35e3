import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/cli-run.js';
import { snippetsOf, userDocuments } from './support/doc-snippets.js';

// Inside the repository, so the snippets resolve the workspace packages (their
// TypeScript sources, through the `source` condition) and the dev dependencies.
const DIR = join(REPO_ROOT, 'node_modules', '.doc-snippets');

// Typechecking every snippet takes minutes on a busy machine; the test is bounded, not timed.
describe('TypeScript in the docs', { timeout: 300_000 }, () => {
  afterAll(() => rm(DIR, { recursive: true, force: true }));

  it('compiles: every ```ts block of the README, docs/ and the package READMEs is a strict module that typechecks', async () => {
    await rm(DIR, { recursive: true, force: true });
    await mkdir(DIR, { recursive: true });
    await writeFile(join(DIR, 'package.json'), JSON.stringify({ type: 'module' }));
    const files = new Map<string, string>();
    for (const document of await userDocuments()) {
      for (const snippet of await snippetsOf(document)) {
        const file = join(DIR, `${snippet.where.replace(/[/:.]/g, '_')}.ts`);
        // Each block is its own module, even when it imports nothing.
        await writeFile(file, `${snippet.code}\nexport {};\n`);
        files.set(file, snippet.where);
      }
    }
    expect(files.size).toBeGreaterThan(0);
    const program = ts.createProgram([...files.keys()], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      customConditions: ['source'],
      skipLibCheck: true,
      types: ['node'],
      lib: ['lib.es2023.d.ts'],
    });
    const problems = ts
      .getPreEmitDiagnostics(program)
      .filter((diagnostic) => diagnostic.file && files.has(diagnostic.file.fileName))
      .map((diagnostic) => {
        const { line } = diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
        const [document, start] = files.get(diagnostic.file!.fileName)!.split(':');
        return `${document}:${Number(start) + line + 1}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
      });
    expect(problems).toEqual([]);
  });
});

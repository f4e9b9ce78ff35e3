import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/cli-run.js';

// The floors of docs/architecture.md: a package imports only from lower floors.
const FLOORS: Readonly<Record<string, number>> = {
  '@cutover/core': 0,
  '@cutover/flag-model': 1,
  '@cutover/comparators': 1,
  '@cutover/provider': 2,
  '@cutover/migrate': 2,
  '@cutover/rollback': 3,
  '@cutover/lock-redis': 3,
  '@cutover/store-postgres': 3,
  '@cutover/hooks': 4,
  '@cutover/guard': 5,
  cutover: 6,
  '@cutover/rollout': 6,
  '@cutover/cli': 7,
};

interface Manifest {
  readonly name: string;
  readonly devDependencies?: Record<string, string>;
  readonly dependencies?: Record<string, string>;
  readonly peerDependencies?: Record<string, string>;
  readonly optionalDependencies?: Record<string, string>;
}

async function sourcesOf(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !file.split('/').includes('testing'));
}

/** The packages a source file imports (bare specifiers, without subpaths; node: builtins left out), statically or with `import()`. */
function importsOf(text: string, kind: 'static' | 'dynamic'): string[] {
  const pattern = kind === 'static' ? /(?:from|^import)\s+'([^'.][^']*)'/gm : /import\(\s*'([^'.][^']*)'\s*\)/g;
  const specifiers = [...text.matchAll(pattern)].map((match) => match[1]!);
  return specifiers
    .filter((specifier) => !specifier.startsWith('node:'))
    .map((specifier) => (specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!));
}

async function packages(): Promise<{ manifest: Manifest; imports: Set<string>; dynamicOnly: Set<string> }[]> {
  const result = [];
  for (const folder of await readdir(join(REPO_ROOT, 'packages'))) {
    const dir = join(REPO_ROOT, 'packages', folder);
    const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as Manifest;
    const statics = new Set<string>();
    const dynamics = new Set<string>();
    for (const file of await sourcesOf(join(dir, 'src'))) {
      const text = await readFile(file, 'utf8');
      for (const name of importsOf(text, 'static')) statics.add(name);
      for (const name of importsOf(text, 'dynamic')) dynamics.add(name);
    }
    const imports = new Set([...statics, ...dynamics]);
    imports.delete(manifest.name);
    result.push({ manifest, imports, dynamicOnly: new Set([...dynamics].filter((name) => !statics.has(name))) });
  }
  return result;
}

describe('package boundaries', () => {
  it('puts every package on a floor and has each import only from a lower floor', async () => {
    for (const { manifest, imports } of await packages()) {
      const floor = FLOORS[manifest.name];
      expect(floor, `${manifest.name} has no floor in this test and docs/architecture.md`).toBeDefined();
      const upward = [...imports].filter((name) => name in FLOORS && FLOORS[name]! >= floor!);
      expect(upward, `${manifest.name} (floor ${floor}) imports from its own floor or above`).toEqual([]);
    }
  });

  it("lists in each package's dependencies exactly what its sources import", async () => {
    for (const { manifest, imports, dynamicOnly } of await packages()) {
      // A module loaded with import() only on a workspace path (the dashboard bundling its sources) may be a dev dependency.
      const devOnly = (name: string) => dynamicOnly.has(name) && Object.hasOwn(manifest.devDependencies ?? {}, name);
      const declared = new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {}), ...Object.keys(manifest.optionalDependencies ?? {})]);
      // Type-only packages (@types/…) come with their runtime package.
      const missing = [...imports].filter((name) => !declared.has(name) && !declared.has(`@types/${name}`) && !devOnly(name)).sort();
      const unused = Object.keys(manifest.dependencies ?? {}).filter((name) => !imports.has(name)).sort();
      expect({ package: manifest.name, missing, unused }).toEqual({ package: manifest.name, missing: [], unused: [] });
    }
  });
});

import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/cli-run.js';
import { consumerProject, expectSuccess, packWorkspace, run } from './support/consumer-project.js';
import type { ConsumerProject } from './support/consumer-project.js';

// The packages as a user gets them: packed as `pnpm publish` packs them,
// installed with plain npm into a fresh project outside the repository, then
// used from ESM, from CommonJS, from strict TypeScript, and through `npx cutover`.
const FLAG_FILE = JSON.stringify({
  flags: {
    'search.engine': {
      state: 'ENABLED',
      variants: { off: 'off', shadow: 'shadow', live: 'live' },
      defaultVariant: 'live',
      metadata: { kind: 'migration', rollbackVariant: 'off' },
    },
  },
});

/** The ESM application as CommonJS: each `import { … } from '…'` a `require`, the rest inside an async main. */
function commonJsOf(esm: string): string {
  const imports = /^import \{ ([^}]+) \} from '([^']+)';$/gm;
  const requires = [...esm.matchAll(imports)].map(([, names, from]) => `const { ${names} } = require('${from}');`);
  const body = esm.replace(imports, '').trim();
  return `${requires.join('\n')}\n\nasync function main() {\n${body}\n}\nmain().catch((error) => {\n  console.error(error);\n  process.exitCode = 1;\n});\n`;
}

// Packing, installing and compiling take minutes on a busy machine; each test is bounded, not timed.
describe('the published packages in a fresh npm project', { timeout: 300_000 }, () => {
  let packs: string;
  let project: ConsumerProject;
  let typescript: string;

  beforeAll(async () => {
    packs = await mkdtemp(join(tmpdir(), 'cutover-packs-'));
    const tarballs = await packWorkspace(packs);
    const root = JSON.parse(await readFile(join(REPO_ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    const peers = ['@openfeature/server-sdk', 'prom-client', '@types/node'].map((name) => `${name}@${root.devDependencies[name]}`);
    typescript = `typescript@${root.devDependencies.typescript}`;
    project = await consumerProject(tarballs, [...peers, typescript]);
    await mkdir(join(project.dir, '.git'));
    await project.write('flags/search.flagd.json', FLAG_FILE);
    for (const app of ['app.mjs', 'app.ts']) await cp(join(REPO_ROOT, 'test/consumer', app), join(project.dir, app));
    await project.write('app.cjs', commonJsOf(await readFile(join(REPO_ROOT, 'test/consumer/app.mjs'), 'utf8')));
  }, 600_000);

  afterAll(async () => {
    await rm(packs, { recursive: true, force: true });
    if (project) await rm(project.dir, { recursive: true, force: true });
  });

  it('installs with --engine-strict and no engine or deprecation warning', () => {
    // npm 11 also notes packages with install scripts (protobufjs, under gRPC); that is no fault of the packages.
    const warnings = project.install.stderr.split('\n').filter((line) => /npm warn/i.test(line) && !/install-scripts/.test(line));
    expect(warnings).toEqual([]);
    expect(project.install.stderr).not.toMatch(/EBADENGINE|deprecated/i);
  });

  for (const app of ['app.mjs', 'app.cjs']) {
    it(`runs the guarded set-up from ${app === 'app.mjs' ? 'ESM (import)' : 'CommonJS (require)'}: compares, stores, exposes /metrics, rolls back`, async () => {
      await rm(join(project.dir, '.cutover'), { recursive: true, force: true });
      await rm(join(project.dir, 'flags', 'rollbacks.flagd.json'), { force: true });
      const result = expectSuccess(await project.exec(process.execPath, [app]), app);
      expect(JSON.parse(result.stdout)).toEqual({ scrapedCalls: true, verdict: 'degraded', served: 'off', compared: 300 });
    });
  }

  for (const moduleResolution of ['nodenext', 'bundler'] as const) {
    it(`typechecks a strict TypeScript application under ${moduleResolution} resolution`, async () => {
      const module = moduleResolution === 'bundler' ? 'esnext' : 'nodenext';
      const args = ['tsc', '--noEmit', '--strict', '--skipLibCheck', 'false', '--target', 'es2022', '--module', module, '--moduleResolution', moduleResolution, '--types', 'node', 'app.ts'];
      // A .ts file in a project without "type": "module" is CommonJS under nodenext; the app uses top-level await.
      await project.write('package.json', JSON.stringify({ ...JSON.parse(await readFile(join(project.dir, 'package.json'), 'utf8')), type: 'module' }, null, 2));
      expectSuccess(await project.exec('npx', ['--no-install', ...args]), `tsc (${moduleResolution})`);
    });
  }

  it('runs the cutover command: --version, validate, status, rollback', async () => {
    const cutover = (...args: string[]) => project.exec('npx', ['--no-install', 'cutover', ...args]);
    const version = JSON.parse(await readFile(join(REPO_ROOT, 'packages/cli/package.json'), 'utf8')) as { version: string };
    expect((await cutover('--version')).stdout.trim()).toBe(version.version);
    expectSuccess(await cutover('validate'), 'cutover validate');
    expect(expectSuccess(await cutover('status'), 'cutover status').stdout).toContain('search.engine');
    expectSuccess(await cutover('rollback', 'search.engine', '--reason', 'consumer test'), 'cutover rollback');
    expect(await readFile(join(project.dir, 'flags', 'rollbacks.flagd.json'), 'utf8')).toContain('search.engine');
  });

  it('publishes nothing but would publish every package (pnpm publish --dry-run)', async () => {
    const result = expectSuccess(await run('corepack', ['pnpm', 'publish', '-r', '--dry-run', '--no-git-checks'], { cwd: REPO_ROOT }), 'pnpm publish --dry-run');
    expect(`${result.stdout}${result.stderr}`).toContain('cutover');
  });
});

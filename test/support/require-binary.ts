// Finds an external program an end-to-end test needs (promtool, flagd,
// chromium...). Locally a missing program skips the suite, so a laptop without
// it still runs everything else; in CI it fails, so a broken image cannot turn
// a whole suite green by skipping it.
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

/** Options of {@link findBinary}. */
export interface FindBinaryOptions {
  /** Environment variable holding an explicit path, checked before PATH (e.g. `PROMTOOL`). */
  readonly envVar?: string;
  /** Environment to read PATH, CI and `envVar` from. @default process.env */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** True when running in CI (`CI=true`, as GitHub Actions and most CI services set it, or `CI=1`). */
export function isCi(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  return env.CI === 'true' || env.CI === '1';
}

/**
 * The absolute path of an executable, from `options.envVar` if set, else from PATH.
 * Returns `undefined` when it is missing locally (use it with `describe.skipIf`).
 * @throws {Error} when it is missing in CI, or when `envVar` names a path that is not executable
 * @example
 * const promtool = findBinary('promtool', { envVar: 'PROMTOOL' });
 * describe.skipIf(!promtool)('Prometheus rules', () => { ... });
 */
export function findBinary(name: string, options: FindBinaryOptions = {}): string | undefined {
  const env = options.env ?? process.env;
  const explicit = options.envVar ? env[options.envVar] : undefined;
  if (explicit) {
    // An explicit path is a deliberate choice: a wrong one is an error everywhere.
    if (!isExecutable(explicit)) throw new Error(`${options.envVar}=${explicit} is not an executable file`);
    return explicit;
  }
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir || !isAbsolute(dir)) continue;
    const candidate = join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  const hint = options.envVar ? ` (or set ${options.envVar} to its path)` : '';
  if (isCi(env)) throw new Error(`${name} is required in CI but was not found on PATH; install it${hint}`);
  console.warn(`${name} not found on PATH${hint}: skipping the tests that need it`);
  return undefined;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    // A directory is "executable" too (searchable); only a file will run.
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { DashboardError } from '../dashboard-error.js';

// src/ and dist/ sit side by side in the package with the same layout inside,
// so this resolves alike from the sources and from the built files.
const PACKAGE_ROOT = new URL('../../../', import.meta.url);

/** Where the page's script comes from. */
export interface DashboardScriptFiles {
  /** The browser code's entry point, bundled when present (the workspace), so the script is never stale. */
  readonly source: URL;
  /** The bundle the package build writes, read when the sources are absent (the installed package). */
  readonly bundle: URL;
}

/** This package's {@link DashboardScriptFiles}. */
export const DASHBOARD_SCRIPT_FILES: DashboardScriptFiles = {
  source: new URL('src/server/browser/main.ts', PACKAGE_ROOT),
  bundle: new URL('dist/server/browser/dashboard.js', PACKAGE_ROOT),
};

let loaded: Promise<string> | undefined;

/** The page's script, served as `/assets/dashboard.js`: read or bundled once per process. */
export function loadDashboardScript(): Promise<string> {
  loaded ??= readDashboardScript();
  return loaded;
}

/**
 * The page's script: bundled from the sources when they are there, else read
 * from the bundle the package build wrote.
 * @throws {DashboardError} `SCRIPT_MISSING` when there is neither
 */
export async function readDashboardScript(files: DashboardScriptFiles = DASHBOARD_SCRIPT_FILES): Promise<string> {
  if (existsSync(files.source)) return bundleDashboardScript(files.source);
  try {
    return await readFile(files.bundle, 'utf8');
  } catch (error) {
    const message = `the dashboard's script is missing: no ${fileURLToPath(files.bundle)} (the package build writes it) and no sources to bundle`;
    throw new DashboardError('SCRIPT_MISSING', message, { cause: error });
  }
}

/**
 * Bundles the browser code into one classic script (the page loads it with a
 * plain `<script defer>`): every module in one strict function scope, so
 * nothing leaks into the page's globals.
 */
export async function bundleDashboardScript(entry: URL = DASHBOARD_SCRIPT_FILES.source): Promise<string> {
  // Imported here: the installed package reads its bundle and ships without esbuild.
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [fileURLToPath(entry)],
    absWorkingDir: fileURLToPath(PACKAGE_ROOT),
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    banner: { js: "(function () {\n'use strict';" },
    footer: { js: '})();' },
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/** Writes the bundle the installed package serves; the package build runs it. */
export async function writeDashboardScript(files: DashboardScriptFiles = DASHBOARD_SCRIPT_FILES): Promise<void> {
  const script = await bundleDashboardScript(files.source);
  await mkdir(new URL('.', files.bundle), { recursive: true });
  await writeFile(files.bundle, script);
}

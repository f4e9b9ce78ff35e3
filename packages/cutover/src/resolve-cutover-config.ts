import { join, resolve } from 'node:path';
import { CONFIG_FILE, DEFAULT_PATHS, findProject, flagFilesOf } from '@cutover/core';
import type { ProjectPaths } from '@cutover/core';
import type { ComparisonSink, FileComparisonStore } from '@cutover/migrate';
import { readFlagMappings } from '@cutover/provider';
import { register } from 'prom-client';
import type { CutoverConfig, CutoverOptions } from './cutover-options.js';

/**
 * Fills in the defaults. Paths the options leave out come from the project
 * (the same search the CLI makes), so the application, `cutover report` and
 * `cutover rollback` agree on where the store, the audit log and the overlay
 * are without being told twice. So do the `envFlags` and `stages` of the
 * project's `cutover.config.json`, below the provider options given here.
 */
export function resolveCutoverConfig<Store extends ComparisonSink = FileComparisonStore>(
  options: CutoverOptions<Store>,
  project: () => ProjectPaths = () => findProject(),
): CutoverConfig<Store> {
  // Without files the project must be found; with them, its paths are only defaults, and the working directory stands in.
  const found = options.files === undefined ? project() : undefined;
  const paths = found ?? tryProject(project);
  return {
    files: options.files ?? flagFilesOf(found!.flags),
    registry: options.registry ?? register,
    store: options.store ?? paths.comparisons,
    audit: options.audit ?? paths.audit,
    rollbackHooks: options.rollbackHooks ?? {},
    guard: options.guard ?? {},
    outcomes: options.outcomes ?? {},
    provider: { ...(paths.root === undefined ? {} : readFlagMappings(join(paths.root, CONFIG_FILE))), ...options.provider },
    domain: options.domain,
    logger: options.logger ?? console,
  };
}

function tryProject(project: () => ProjectPaths): Pick<ProjectPaths, 'comparisons' | 'audit'> & Partial<Pick<ProjectPaths, 'root'>> {
  try {
    return project();
  } catch {
    return { comparisons: resolve(DEFAULT_PATHS.comparisons), audit: resolve(DEFAULT_PATHS.audit) };
  }
}

import type { CompiledFlag } from './compiled-flag.js';

/**
 * The keys whose definition differs between two merged flag views (added,
 * removed or changed, by fingerprint), sorted: the `flagsChanged` of a
 * CONFIGURATION_CHANGED event, for the files and for flagd's sync alike.
 */
export function changedFlagKeys(before: ReadonlyMap<string, CompiledFlag>, after: ReadonlyMap<string, CompiledFlag>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((key) => before.get(key)?.fingerprint !== after.get(key)?.fingerprint).sort();
}

import type { CompiledFlag } from './compiled-flag.js';

/**
 * The keys whose definition differs between two merged flag views (added,
 * removed or changed, by fingerprint), sorted: the `flagsChanged` of a
 * CONFIGURATION_CHANGED event, for the files and for flagd's sync alike.
 */
export function changedFlagKeys(before: ReadonlyMap<string, CompiledFlag>, after: ReadonlyMap<string, CompiledFlag>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys]
    .filter((key) => {
      const [was, is] = [before.get(key), after.get(key)];
      // The same object is the same flag (a file that did not change): no fingerprint to compute.
      return was !== is && was?.fingerprint !== is?.fingerprint;
    })
    .sort();
}

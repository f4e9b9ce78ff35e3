import { envNumber, unlessBlank } from '@cutover/core';
import { readDurationBounds } from './duration-bounds.js';

/** The environment variables of a metrics component: its histogram bounds and its flag-key limit. Blank ones leave the defaults. */
export function metricsEnv(variables: { readonly durationBuckets: string; readonly maxFlags: string }) {
  return {
    durationBuckets: { variable: variables.durationBuckets, read: readDurationBounds },
    maxFlags: { variable: variables.maxFlags, read: unlessBlank(envNumber) },
  } as const;
}

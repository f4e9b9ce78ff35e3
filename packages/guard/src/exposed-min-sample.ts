import type { GuardConfig } from './guard-config.js';

/**
 * The minimum sample a criterion needs, given how many callers the candidate
 * answers: `minSample` while it answers none (shadow: waiting costs no user
 * anything), a tenth of it when it answers all (`complete`: every call waited
 * for may be a failure a user sees), in proportion between (a canary). The
 * tests stay valid at any sample size; the minimum only keeps a verdict off
 * the first few calls of a window.
 */
export function exposedMinSample(minSample: number, exposure: number | undefined): number {
  if (exposure === undefined || !(exposure > 0)) return minSample;
  const floor = Math.ceil(minSample / 10);
  return Math.max(floor, Math.ceil(minSample - (minSample - floor) * Math.min(1, exposure)));
}

/** The config a snapshot is judged with: its minimum sample adapted to the candidate's exposure. */
export function exposedConfig(config: GuardConfig, exposure: number | undefined): GuardConfig {
  const minSample = exposedMinSample(config.minSample, exposure);
  return minSample === config.minSample ? config : { ...config, minSample };
}

import { z } from 'zod';
import { InvalidOptionError } from '@cutover/hooks';
import { DEFAULT_GUARD_CONFIG, GUARD_RISK_PRESETS } from './guard-config.js';
import type { GuardConfig, GuardOptions, GuardRisk } from './guard-config.js';

const rate = z.number().min(0).max(1);

const schema = z.strictObject({
  maxErrorRate: rate,
  maxErrorRateIncrease: rate,
  maxLatencyRatio: z.number().positive(),
  latencyQuantile: z.number().gt(0).lt(1),
  minMatchRate: rate,
  minSuccessRate: rate,
  minThroughputRatio: z.number().min(0),
  minSample: z.number().int().min(1),
  // Above 0.5 the test would trip on less evidence than a coin toss.
  significance: z.number().gt(0).max(0.5),
  risk: z.enum(['normal', 'low']),
});

/**
 * Merges defaults, the risk preset and the options (in that order, so an
 * explicit option wins over its preset), validates the result and freezes it.
 * An option given as `undefined` means its default.
 *
 * @throws InvalidOptionError naming the first option whose value is unusable
 */
export function resolveGuardConfig(options: GuardOptions = {}): GuardConfig {
  const given = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
  const preset = Object.hasOwn(GUARD_RISK_PRESETS, String(given.risk)) ? GUARD_RISK_PRESETS[given.risk as GuardRisk] : {};
  const parsed = schema.safeParse({ ...DEFAULT_GUARD_CONFIG, ...preset, ...given });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const option = issue?.code === 'unrecognized_keys' ? (issue.keys[0] ?? '') : String(issue?.path[0] ?? '');
    throw new InvalidOptionError(option, issue?.message ?? 'invalid value', { cause: parsed.error });
  }
  return Object.freeze(parsed.data);
}

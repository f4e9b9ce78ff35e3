import { z } from 'zod';
import { resolveOptions } from '@cutover/core';
import type { OptionsSpec } from '@cutover/core';
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
  minAvailability: rate,
  minTrafficRatio: rate,
  offPathLatency: z.enum(['report', 'rollback']),
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
  const risk = options.risk;
  const preset = Object.hasOwn(GUARD_RISK_PRESETS, String(risk)) ? GUARD_RISK_PRESETS[risk as GuardRisk] : {};
  const spec: OptionsSpec<GuardConfig> = { component: 'Guard', naming: 'top', schema, defaults: { ...DEFAULT_GUARD_CONFIG, ...preset } };
  return Object.freeze(resolveOptions(spec, options, {}));
}

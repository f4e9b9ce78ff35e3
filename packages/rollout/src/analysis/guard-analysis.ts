import { evaluateGuard, resolveGuardConfig } from '@cutover/guard';
import type { GuardOptions, GuardSource, GuardVerdict } from '@cutover/guard';
import type { RolloutAnalysis } from './rollout-analysis.js';

/**
 * The analysis over any `GuardSource` (e.g. `LocalRegistrySource` when the
 * controller runs inside the service). Such a source counts from the moment
 * its window starts, so after a restart the step's window restarts too.
 *
 * @throws InvalidOptionError (from `@cutover/hooks`, through the guard) when a limit is unusable
 */
export function guardAnalysis(source: GuardSource, criteria: GuardOptions = {}): RolloutAnalysis {
  const config = resolveGuardConfig(criteria);
  return {
    description: source.description,
    startWindow: () => source.startWindow(),
    evaluate: async (): Promise<GuardVerdict> => evaluateGuard(await source.snapshot(), config),
  };
}

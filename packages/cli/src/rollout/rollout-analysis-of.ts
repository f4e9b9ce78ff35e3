import type { GuardOptions } from '@cutover/guard';
import { comparisonStoreAnalysis, prometheusAnalysis } from '@cutover/rollout';
import type { ComparisonRecordSource, RolloutAnalysis } from '@cutover/rollout';

/** Where `cutover rollout run` reads each step's numbers: a Prometheus server, or the application's comparison store. */
export type RolloutAnalysisChoice = { readonly prometheus: string } | { readonly store: ComparisonRecordSource; readonly location: string };

/**
 * The analysis of a run: the fleet's numbers in Prometheus when a server is
 * given, else the comparisons the application stored (one process, or a
 * fleet sharing a PostgreSQL store), so a service without Prometheus can be
 * rolled out too.
 */
export function rolloutAnalysisOf(choice: RolloutAnalysisChoice & { readonly flagKey: string; readonly criteria?: GuardOptions }): RolloutAnalysis {
  const { flagKey, criteria } = choice;
  const limits = criteria === undefined ? {} : { criteria };
  if ('prometheus' in choice) return prometheusAnalysis({ url: choice.prometheus, flagKey, ...limits });
  return comparisonStoreAnalysis({ store: choice.store, location: choice.location, flagKey, ...limits });
}

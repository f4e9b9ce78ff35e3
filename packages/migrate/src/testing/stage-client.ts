import { MIGRATION_STAGES } from '@cutover/flag-model';
import type { Client, EvaluationContext } from '@openfeature/server-sdk';
import { InMemoryProvider, OpenFeature } from '@openfeature/server-sdk';

let domains = 0;

/** A real OpenFeature client on an InMemoryProvider serving one migration flag, for specs and benchmarks. */
export interface StageFlag {
  readonly client: Client;
  /** Serves `stage` (any string, to test unknown values) from now on. */
  set(stage: string): void;
}

/** Registers an InMemoryProvider in a fresh domain; `evaluator` picks a stage per context (a canary). */
export async function stageFlag(flagKey: string, stage: string, evaluator?: (context: EvaluationContext) => string): Promise<StageFlag> {
  const provider = new InMemoryProvider();
  const set = (value: string): void => {
    const variants = { ...Object.fromEntries(MIGRATION_STAGES.map((s) => [s, s])), [value]: value };
    provider.putConfiguration({
      [flagKey]: { variants, defaultVariant: value, disabled: false, ...(evaluator && { contextEvaluator: evaluator }) },
    });
  };
  set(stage);
  const domain = `stage-flag-${++domains}`;
  await OpenFeature.setProviderAndWait(domain, provider);
  return { client: OpenFeature.getClient(domain), set };
}

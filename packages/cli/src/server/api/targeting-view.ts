import { stageOf } from '@cutover/flag-model';
import type { FlagDefinition } from '@cutover/provider';
import { describeTargeting, targetingShape } from '../../flag-editing/describe-targeting.js';

/** One bucket of a canary, with the stage its variant serves and its share. */
export interface BucketView {
  readonly variant: string;
  readonly stage: string;
  readonly weight: number;
  /** Share of the split, 0–100. */
  readonly percent: number;
}

/** How a migration decides its stage, as the page shows it. */
export interface TargetingView {
  /** `static`: one stage for everyone; `split`: a canary; `rules`: conditions (possibly with a split inside). */
  readonly kind: 'static' | 'split' | 'rules';
  /** In words: `shadow`, `split live 10 % / shadow 90 %`, `rules (default dualwrite; …)`. */
  readonly description: string;
  /** The stage of `defaultVariant`: what everyone gets without targeting, or whoever no rule matches. */
  readonly baseline: string | null;
  /** The first split's buckets, when there is one. */
  readonly buckets: readonly BucketView[];
  /** True when the split only applies to contexts some rule selects. */
  readonly conditional: boolean;
}

/** A migration flag's targeting as the page draws it. */
export function targetingView(definition: FlagDefinition): TargetingView {
  const shape = targetingShape(definition);
  const stageOrName = (variant: string | null): string | null => (variant === null ? null : (stageOf(definition, variant) ?? variant));
  const baseline = stageOrName(shape.kind === 'static' ? shape.variant : shape.baseline);
  const split = shape.kind === 'split' ? shape.split : shape.kind === 'rules' ? shape.splits[0] : undefined;
  const total = split?.buckets.reduce((sum, bucket) => sum + bucket.weight, 0) ?? 0;
  const buckets = (split?.buckets ?? []).map((bucket) => ({
    variant: bucket.variant,
    stage: stageOrName(bucket.variant) ?? bucket.variant,
    weight: bucket.weight,
    percent: total > 0 ? (bucket.weight / total) * 100 : 0,
  }));
  return { kind: shape.kind, description: describeTargeting(definition), baseline, buckets, conditional: shape.kind === 'rules' };
}

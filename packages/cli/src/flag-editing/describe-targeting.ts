import { cohortOf, findSplits, hasTargeting } from '@cutover/flag-model';
import type { Split } from '@cutover/flag-model';
import type { FlagDefinition } from '@cutover/provider';

/** How a flag decides what to serve: one variant, a split, or rules. */
export type TargetingShape =
  | { readonly kind: 'static'; readonly variant: string | null }
  | { readonly kind: 'split'; readonly baseline: string | null; readonly split: Split }
  | { readonly kind: 'rules'; readonly baseline: string | null; readonly splits: readonly Split[] };

/** Classifies a flag's targeting. */
export function targetingShape(flag: FlagDefinition): TargetingShape {
  const baseline = flag.defaultVariant ?? null;
  if (!hasTargeting(flag.targeting)) return { kind: 'static', variant: baseline };
  const splits = findSplits(flag.targeting);
  if (splits.length === 1 && splits[0]!.topLevel) return { kind: 'split', baseline, split: splits[0]! };
  return { kind: 'rules', baseline, splits };
}

/** A flag's targeting in words: `shadow`, `split live 10 % / shadow 90 %`, `rules (default shadow; split live 10 % / shadow 90 %)`. */
export function describeTargeting(flag: FlagDefinition): string {
  const shape = targetingShape(flag);
  if (shape.kind === 'static') return shape.variant ?? '(code default)';
  if (shape.kind === 'split') return `split ${describeSplit(shape.split)}`;
  const outcomes = [...new Set(ruleOutcomes(flag.targeting))];
  const splits = shape.splits.map((split) => `; split ${describeSplit(split)}`).join('');
  return `rules${outcomes.length > 0 ? ` → ${outcomes.join(', ')}` : ''} (default ${shape.baseline ?? '(code default)'}${splits})`;
}

/** The buckets in words with their shares: `live 10 % / shadow 90 %`. */
function describeSplit(split: Split): string {
  const total = split.buckets.reduce((sum, bucket) => sum + bucket.weight, 0);
  const cohort = cohortOf(split.bucketBy);
  const shares = split.buckets.map((bucket) => `${bucket.variant} ${total > 0 ? round((bucket.weight / total) * 100) : 0} %`).join(' / ');
  return cohort === undefined ? shares : `${shares} (cohort ${cohort})`;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** The variants an `if` rule returns literally (then-branches and the final else), `null` branches left out. */
function ruleOutcomes(logic: unknown): string[] {
  if (typeof logic === 'string') return [logic];
  if (logic === null || typeof logic !== 'object' || Array.isArray(logic)) return [];
  const args = (logic as Record<string, unknown>).if;
  if (!Array.isArray(args)) return [];
  return args.flatMap((arg, i) => (i % 2 === 1 || (i === args.length - 1 && i > 0) ? ruleOutcomes(arg) : []));
}

import type { FlagDefinition } from '@cutover/provider';
import { describeSplit, findSplits } from './find-splits.js';
import type { Split } from './find-splits.js';

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

/** Whether a targeting value does anything (flagd treats `{}` and null as none). */
export function hasTargeting(targeting: unknown): boolean {
  return targeting !== undefined && targeting !== null && !(typeof targeting === 'object' && Object.keys(targeting).length === 0);
}

/** The variants an `if` rule returns literally (then-branches and the final else), `null` branches left out. */
function ruleOutcomes(logic: unknown): string[] {
  if (typeof logic === 'string') return [logic];
  if (logic === null || typeof logic !== 'object' || Array.isArray(logic)) return [];
  const args = (logic as Record<string, unknown>).if;
  if (!Array.isArray(args)) return [];
  return args.flatMap((arg, i) => (i % 2 === 1 || (i === args.length - 1 && i > 0) ? ruleOutcomes(arg) : []));
}

import type { OutcomeTotals } from '@cutover/hooks';
import type { ReportedOutcomes } from './reported-outcomes.js';

/** A migration's business outcomes as a few lines of text for `cutover report`. */
export function formatOutcomes(outcomes: ReportedOutcomes): string[] {
  const lines = [`success     candidate ${rate(outcomes.candidate)}, legacy ${rate(outcomes.legacy)}`];
  for (const [event, paths] of Object.entries(outcomes.events).sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`  ${event}: candidate ${counts(paths.candidate)}, legacy ${counts(paths.legacy)}`);
  }
  return lines;
}

function rate({ success, failure }: OutcomeTotals): string {
  const total = success + failure;
  return total > 0 ? `${((success / total) * 100).toFixed(2)} % of ${Math.round(total)}` : 'no outcomes';
}

function counts({ success, failure }: OutcomeTotals): string {
  return `${Math.round(success)} success, ${Math.round(failure)} failure`;
}

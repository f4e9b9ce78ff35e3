import type { ComparisonSummary } from '@cutover/migrate';
import type { Narrator } from './narrator.js';

/** Prints a comparison summary as `cutover report` shows it. */
export function printSummary(say: Narrator, summary: ComparisonSummary): void {
  say.fact('comparisons', `${summary.total} (${summary.matches} match, ${summary.mismatches} differ, ${summary.errors} comparator errors)`);
  say.fact('match rate', `${(summary.matchRate * 100).toFixed(1)} %`);
  say.fact('legacy', `avg ${summary.legacy.averageMs.toFixed(1)} ms, p95 ${summary.legacy.p95Ms.toFixed(1)} ms, ${summary.legacy.errors} errors`);
  say.fact('new pipeline', `avg ${summary.candidate.averageMs.toFixed(1)} ms, p95 ${summary.candidate.p95Ms.toFixed(1)} ms, ${summary.candidate.errors} errors, ${summary.candidate.timeouts} timeouts`);
  for (const { path, count } of summary.topDifferences.slice(0, 3)) say.fact('  differs at', `${path} ×${count}`);
}

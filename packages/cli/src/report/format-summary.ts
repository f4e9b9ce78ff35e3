import type { ComparisonSummary, PathSummary } from '@cutover/migrate';

/** A comparison summary as a few lines of text for `cutover report`. */
export function formatSummary(summary: ComparisonSummary): string[] {
  // The store reports a match rate of 1 over nothing; say "nothing" instead.
  if (summary.total === 0) return ['no comparisons in this range'];
  const percent = (summary.matchRate * 100).toFixed(2);
  const lines = [
    `comparisons ${summary.total}: ${summary.matches} match, ${summary.mismatches} mismatch, ${summary.errors} comparator error(s)${summary.ignored ? `, ${summary.ignored} ignored` : ''}`,
    `match rate  ${percent} %`,
    `legacy      ${formatPath(summary.legacy)}`,
    `candidate   ${formatPath(summary.candidate)}`,
  ];
  if (summary.topDifferences.length > 0) {
    lines.push('top differences:');
    for (const difference of summary.topDifferences) {
      const items = difference.items?.length ? `  (items: ${difference.items.join(', ')})` : '';
      lines.push(`  ${String(difference.count).padStart(7)}  ${difference.path}${items}`);
    }
  }
  if (summary.tornLines > 0) lines.push(`(${summary.tornLines} torn or corrupt line(s) skipped)`);
  return lines;
}

function formatPath(path: PathSummary): string {
  return `avg ${path.averageMs.toFixed(1)} ms, p95 ${path.p95Ms.toFixed(1)} ms, ${path.errors} error(s), ${path.timeouts} timeout(s) over ${path.count}`;
}

import type { ComparisonSummary, PathSummary } from '@cutover/migrate';

/** One path's calls over the window, with its failure rate. */
export interface PathView extends PathSummary {
  /** (errors + timeouts) / count; null without calls. */
  readonly errorRate: number | null;
}

/** A migration's comparisons over the window. */
export interface SummaryView {
  readonly total: number;
  readonly matches: number;
  readonly mismatches: number;
  readonly errors: number;
  /** matches / (matches + mismatches); null when nothing was compared (the store says 1). */
  readonly matchRate: number | null;
  readonly legacy: PathView;
  readonly candidate: PathView;
  readonly topDifferences: ComparisonSummary['topDifferences'];
}

/** The store's summary, with rates that say "no data" instead of looking perfect. */
export function summaryView(summary: ComparisonSummary): SummaryView {
  const decisive = summary.matches + summary.mismatches;
  return {
    total: summary.total,
    matches: summary.matches,
    mismatches: summary.mismatches,
    errors: summary.errors,
    matchRate: decisive > 0 ? summary.matchRate : null,
    legacy: pathView(summary.legacy),
    candidate: pathView(summary.candidate),
    topDifferences: summary.topDifferences.slice(0, 5),
  };
}

function pathView(path: PathSummary): PathView {
  return { ...path, errorRate: path.count > 0 ? (path.errors + path.timeouts) / path.count : null };
}

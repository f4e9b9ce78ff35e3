import { describe, expect, it } from 'vitest';
import type { ComparisonSummary } from '@cutover/migrate';
import { formatSummary } from './format-summary.js';

const path = { count: 4, errors: 0, timeouts: 0, averageMs: 10, p95Ms: 12 };
const summary = (topDifferences: ComparisonSummary['topDifferences']): ComparisonSummary => ({
  total: 4,
  matches: 2,
  mismatches: 2,
  errors: 0,
  ignored: 0,
  matchRate: 0.5,
  legacy: path,
  candidate: path,
  topDifferences,
  tornLines: 0,
});

describe(formatSummary.name, () => {
  it('names the items behind a difference path when the records name them', () => {
    const lines = formatSummary(summary([{ path: '$.kcal', count: 2, items: ['chat-42', 'chat-7'] }, { path: '$.total', count: 1 }]));
    expect(lines).toContain('        2  $.kcal  (items: chat-42, chat-7)');
    expect(lines).toContain('        1  $.total');
  });
});

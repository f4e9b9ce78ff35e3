import { describe, expect, it } from 'vitest';
import { formatOutcomes } from './format-outcomes.js';
import { reportedOutcomes } from './reported-outcomes.js';

/** Answers every query with these samples and keeps the queries. */
function prometheus(samples: { metric: Record<string, string>; value: number }[]) {
  const queries: string[] = [];
  const fetch: typeof globalThis.fetch = (_input, init) => {
    queries.push(new URLSearchParams(String(init?.body)).get('query') ?? '');
    const result = samples.map((s) => ({ metric: s.metric, value: [0, String(s.value)] }));
    return Promise.resolve(new Response(JSON.stringify({ status: 'success', data: { resultType: 'vector', result } })));
  };
  return { fetch, queries };
}

const series = (flag: string, path: string, event: string, result: string, value: number) => ({
  metric: { feature_flag_key: flag, path, event, result },
  value,
});

describe(reportedOutcomes.name, () => {
  it('sums the fleet’s outcomes over the range, per migration, path and event', async () => {
    const fake = prometheus([
      series('agent', 'candidate', 'pr_accepted', 'success', 66),
      series('agent', 'candidate', 'pr_rejected', 'failure', 34),
      series('agent', 'legacy', 'pr_accepted', 'success', 19),
      series('agent', 'legacy', 'pr_rejected', 'failure', 1),
      series('agent', 'sideways', 'pr_accepted', 'success', 5),
    ]);
    const outcomes = await reportedOutcomes({ url: 'http://prometheus:9090', seconds: 3600, flagKey: 'agent', fetch: fake.fetch });
    expect(fake.queries).toEqual(['sum by (feature_flag_key, path, event, result) (increase(cutover_migration_outcomes_total{feature_flag_key="agent"}[3600s]))']);
    const agent = outcomes.get('agent')!;
    expect(agent.candidate).toEqual({ success: 66, failure: 34 });
    expect(agent.legacy).toEqual({ success: 19, failure: 1 });
    expect(formatOutcomes(agent)).toEqual([
      'success     candidate 66.00 % of 100, legacy 95.00 % of 20',
      '  pr_accepted: candidate 66 success, 0 failure, legacy 19 success, 0 failure',
      '  pr_rejected: candidate 0 success, 34 failure, legacy 0 success, 1 failure',
    ]);
  });

  it('has nothing for a range without outcomes', async () => {
    const outcomes = await reportedOutcomes({ url: 'http://prometheus:9090', seconds: 60, fetch: prometheus([]).fetch });
    expect(outcomes.size).toBe(0);
  });
});

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { ComparisonSummary } from '@cutover/migrate';
import { isMigrationFlag } from '@cutover/flag-model';
import { parseFlagFile } from '@cutover/provider';
import type { Command } from 'commander';
import { DEFAULT_COMPARISON_STORE, globalOptions } from '../command-support/cli-paths.js';
import { openComparisonStore, STORE_OPTION_DESCRIPTION } from '../command-support/open-comparison-store.js';
import { Output } from '../command-support/output.js';
import { listFlagFiles } from '../flag-files/list-flag-files.js';
import { formatOutcomes } from '../report/format-outcomes.js';
import { formatSummary } from '../report/format-summary.js';
import { parseSince } from '../report/parse-since.js';
import { reportedOutcomes } from '../report/reported-outcomes.js';
import type { ReportedOutcomes } from '../report/reported-outcomes.js';

interface ReportOptions {
  readonly since?: string;
  readonly migration?: string;
  readonly store: string;
  readonly json?: boolean;
  readonly prometheus?: string;
}

// Business outcomes live in Prometheus only; without --since they cover the last day.
const DEFAULT_OUTCOME_SECONDS = 86_400;

/** `cutover report`: match rate, durations and top differences from the comparison store; business outcomes from Prometheus. */
export function registerReport(program: Command): void {
  program
    .command('report')
    .description('comparison summary from the store: match rate, legacy and candidate durations (avg, p95), top differences')
    .option('--since <when>', 'a duration back from now (30m, 24h, 7d) or a date (2026-03-01)')
    .option('--migration <flag>', 'only this migration flag')
    .option('--store <dir|url>', STORE_OPTION_DESCRIPTION, DEFAULT_COMPARISON_STORE)
    .option('--prometheus <url>', 'also the business outcomes (client.track) per path, from this Prometheus server')
    .option('--json', 'print the summaries as JSON')
    .action(async (options: ReportOptions, command: Command) => {
      const from = options.since === undefined ? undefined : parseSince(options.since);
      const { store, label } = await openComparisonStore(options.store);
      const range = from ? { from } : {};
      const overall = await store.getSummary(options.migration ? { ...range, flagKey: options.migration } : range);
      const migrations: Record<string, ComparisonSummary> = {};
      if (!options.migration) {
        for (const flagKey of await migrationKeys(globalOptions(command).flags)) {
          const summary = await store.getSummary({ ...range, flagKey });
          if (summary.total > 0) migrations[flagKey] = summary;
        }
      }
      await store.close();
      const outcomeSeconds = from ? (Date.now() - from.getTime()) / 1000 : DEFAULT_OUTCOME_SECONDS;
      const outcomes = options.prometheus
        ? await reportedOutcomes({ url: options.prometheus, seconds: outcomeSeconds, ...(options.migration ? { flagKey: options.migration } : {}) })
        : undefined;
      const out = new Output();
      const scope = { store: label, from: from?.toISOString() ?? null, migration: options.migration ?? null };
      if (options.json) {
        out.json({ ...scope, summary: overall, migrations, ...(outcomes ? { outcomes: Object.fromEntries(outcomes) } : {}) });
        return;
      }
      out.line(out.colors.bold(`${options.migration ?? 'all migrations'} since ${scope.from ?? 'the beginning'} (${label})`));
      for (const line of formatSummary(overall)) out.line(line);
      for (const [flagKey, summary] of Object.entries(migrations)) {
        out.line();
        out.line(out.colors.bold(flagKey));
        for (const line of formatSummary(summary)) out.line(`  ${line}`);
      }
      if (outcomes) printOutcomes(out, outcomes, `${options.prometheus} over the last ${Math.round(outcomeSeconds)} s`);
    });
}

function printOutcomes(out: Output, outcomes: ReadonlyMap<string, ReportedOutcomes>, scope: string): void {
  out.line();
  out.line(out.colors.bold(`business outcomes (${scope})`));
  if (outcomes.size === 0) out.line('no outcomes reported in this range');
  for (const [flagKey, reported] of [...outcomes].sort(([a], [b]) => a.localeCompare(b))) {
    out.line(flagKey);
    for (const line of formatOutcomes(reported)) out.line(`  ${line}`);
  }
}

/** The migration flags of the flag files, to break the report down; none when there are no files. */
async function migrationKeys(flagsDir: string): Promise<string[]> {
  if (!existsSync(flagsDir)) return [];
  const keys = new Set<string>();
  for (const file of await listFlagFiles(flagsDir)) {
    try {
      for (const [key, flag] of parseFlagFile(await readFile(file, 'utf8'), file).flags) if (isMigrationFlag(flag.definition)) keys.add(key);
    } catch {
      // `cutover validate` reports broken files; the report still covers the others.
    }
  }
  return [...keys];
}

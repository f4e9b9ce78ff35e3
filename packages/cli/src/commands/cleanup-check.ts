import { AuditLog } from '@cutover/rollback';
import type { Command } from 'commander';
import { checkCleanup } from '../cleanup/check-cleanup.js';
import { CommandExit } from '../command-support/command-exit.js';
import { DEFAULT_AUDIT_LOG, DEFAULT_COMPARISON_STORE, globalOptions, overlayPath } from '../command-support/cli-paths.js';
import { openComparisonStore, STORE_OPTION_DESCRIPTION } from '../command-support/open-comparison-store.js';
import { Output } from '../command-support/output.js';
import { listFlagFiles } from '../flag-files/list-flag-files.js';
import { DEFAULT_CLEANUP_THRESHOLDS, parseMatchRate, parseStableDays } from '../cleanup/cleanup-thresholds.js';

interface CleanupCheckOptions {
  readonly src: string;
  readonly audit: string;
  readonly store: string;
  readonly overlay?: string;
  readonly json?: boolean;
  readonly stableDays: number;
  readonly minMatchRate: number;
}

/** `cutover cleanup-check <flag>`: exit 0 only when the legacy path may be deleted. */
export function registerCleanupCheck(program: Command): void {
  program
    .command('cleanup-check')
    .description('is the legacy path ready to delete? complete for --stable-days (7), no rollback since, match rate >= --min-match-rate (99 %); lists code references')
    .argument('<flag>', 'the migration flag key')
    .option('--src <dir>', 'where to look for code references (node_modules, dist, .git skipped)', '.')
    .option('--audit <file>', 'audit log (stage and rollback records)', DEFAULT_AUDIT_LOG)
    .option('--store <dir|url>', STORE_OPTION_DESCRIPTION, DEFAULT_COMPARISON_STORE)
    .option('--overlay <file>', 'rollback overlay (default: <flags>/rollbacks.flagd.json)')
    .option('--stable-days <days>', 'days the flag must have been complete (and compared before it)', parseStableDays, DEFAULT_CLEANUP_THRESHOLDS.stableDays)
    .option('--min-match-rate <percent>', 'lowest acceptable match rate, in percent (99, 99.5%)', parseMatchRate, DEFAULT_CLEANUP_THRESHOLDS.minMatchRate)
    .option('--json', 'print the verdict as JSON')
    .action(async (flagKey: string, options: CleanupCheckOptions, command: Command) => {
      const { flags } = globalOptions(command);
      const { store } = await openComparisonStore(options.store);
      const verdict = await checkCleanup({
        flagKey,
        files: await listFlagFiles(flags),
        overlay: options.overlay ?? overlayPath(flags),
        audit: new AuditLog(options.audit),
        store,
        src: options.src,
        stableDays: options.stableDays,
        minMatchRate: options.minMatchRate,
      });
      await store.close();
      const out = new Output();
      if (options.json) out.json(verdict);
      else {
        const { green, red, bold, dim } = out.colors;
        for (const condition of verdict.conditions) out.line(`${condition.ok ? green('✓') : red('✗')} ${condition.name}: ${condition.detail}`);
        out.line(bold(`${verdict.references.length} reference(s) to ${flagKey}:`));
        for (const ref of verdict.references) out.line(`  ${ref.file}:${ref.line}: ${dim(ref.text)}`);
        out.line(verdict.ready ? green(`${flagKey}: ready, delete the legacy path and then the flag`) : red(`${flagKey}: not ready`));
      }
      if (!verdict.ready) throw new CommandExit(1);
    });
}

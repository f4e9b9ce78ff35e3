import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { CommandExit } from '../command-support/command-exit.js';
import { globalOptions } from '../command-support/cli-paths.js';
import { Output } from '../command-support/output.js';
import { listFlagFiles } from '../flag-files/list-flag-files.js';
import { formatProblem } from '../validation/flag-file-problem.js';
import { validateFlagFiles } from '../validation/validate-flag-files.js';

/**
 * `cutover validate [paths...]`: exit 1 when any file has an error (pre-commit
 * hook, CI). `--strict`, the default where `CI` is set, makes warnings errors.
 */
export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('validate flag files: flagd schema, Cutover conventions, fractional weights, dependsOn, duplicate keys')
    .argument('[paths...]', 'flag files to validate (default: every *.flagd.json in --flags except the rollback overlay)')
    .option('--json', 'print the report as JSON')
    .option('--strict', 'treat warnings as errors (default when the CI environment variable is set)')
    .option('--no-strict', 'report warnings without failing, also in CI')
    .action(async (paths: string[], options: { json?: boolean; strict?: boolean }, command: Command) => {
      const { flags } = globalOptions(command);
      const context = existsSync(flags) ? await listFlagFiles(flags) : [];
      const files = paths.length > 0 ? paths : context;
      const out = new Output();
      if (files.length === 0) {
        out.error(`cutover validate: no flag files (*.flagd.json) in ${flags}`);
        throw new CommandExit(1);
      }
      const report = await validateFlagFiles({ files, context, strict: options.strict ?? isCi(process.env) });
      if (options.json) out.json(report);
      else {
        const { red, yellow, green } = out.colors;
        for (const problem of report.problems) out.line((problem.severity === 'error' ? red : yellow)(formatProblem(problem)));
        const summary = `${report.files.length} file(s), ${report.flags} flag(s): ${report.errors} error(s), ${report.warnings} warning(s)`;
        out.line(report.errors > 0 ? red(summary) : green(summary));
      }
      if (report.errors > 0) throw new CommandExit(1);
    });
}

/** Whether this runs in CI, as CI services announce it (`CI=true`, `CI=1`). */
function isCi(env: NodeJS.ProcessEnv): boolean {
  return env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0';
}

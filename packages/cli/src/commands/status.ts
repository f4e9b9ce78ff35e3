import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { CONFIG_FILE, DEFAULT_PATHS } from '@cutover/core';
import { readFlagMappings } from '@cutover/provider';
import type { RolloutView } from '@cutover/rollout';
import { CommandExit } from '../command-support/command-exit.js';
import { globalOptions, overlayPath, projectConfigFile } from '../command-support/cli-paths.js';
import { Output } from '../command-support/output.js';
import { listFlagFiles } from '../flag-files/list-flag-files.js';
import { collectEnvStatus } from '../status/collect-env-status.js';
import type { EnvStatus } from '../status/collect-env-status.js';
import { collectStatus } from '../status/collect-status.js';
import type { DriftFinding } from '../status/overlay-drift.js';

/** `cutover status`: every migration, its stage or split, rollbacks in force, drift between git and the overlay. */
export function registerStatus(program: Command): void {
  program
    .command('status')
    .description('every migration flag with its stage or split, file, rollbacks in force, phase flags and their members, and drift between git and the rollback overlay')
    .option('--overlay <file>', 'rollback overlay (default: <flags>/rollbacks.flagd.json)')
    .option('--json', 'print the report as JSON')
    .option('--state-dir <dir>', 'rollout controllers\' state', DEFAULT_PATHS.rollouts)
    .option('--config <file>', `the ${CONFIG_FILE} declaring envFlags and stages (default: the project's; with --flags, the one beside the flags directory)`)
    .action(async (options: { overlay?: string; json?: boolean; stateDir: string; config?: string }, command: Command) => {
      const { flags } = globalOptions(command);
      const files = await listFlagFiles(flags);
      const collected = await collectStatus(files, options.overlay ?? overlayPath(flags));
      const { rollouts, drift, described } = await rolloutSection(collected.drift, { stateDir: options.stateDir, overlay: collected.overlay });
      const env = await envSection(options.config ?? projectConfigFile(command, flags), files, options.config !== undefined);
      const report = { ...collected, drift, rollouts, ...env };
      const out = new Output();
      if (options.json) out.json(report);
      else {
        const { bold, red, yellow, dim } = out.colors;
        for (const m of report.migrations) {
          const state = m.rollback ? red(`ROLLED BACK → ${m.rollback.variant}`) : bold(m.stage ?? '(no default)');
          out.line(`${bold(m.flagKey)}  ${state}  ${m.kind === 'static' ? '' : m.targeting}`);
          const about = [`file ${m.file}`, m.group && `group ${m.group}`, m.dependsOn && `depends on ${m.dependsOn}`].filter(Boolean).join(', ');
          out.line(dim(`  ${about}`));
          if (m.rollback) out.line(red(`  rolled back ${m.rollback.at} by ${m.rollback.by}: ${m.rollback.reason}`));
          const rollout = rollouts.find((r) => r.flagKey === m.flagKey);
          if (rollout) out.line(yellow(`  rollout ${described.get(rollout)} (overlay serves ${rollout.target} ${rollout.servingPercent} %)`));
        }
        for (const p of report.phases) {
          out.line(`${bold(p.flagKey)}  ${bold(`phase ${p.current ?? '(no default)'}`)}  ${dim(`of ${p.phases.join(' → ')}`)}`);
          for (const problem of p.problems) out.line(red(`  ${problem}`));
          for (const m of p.members) out.line(m.inStep ? dim(`  ${m.flagKey} ${m.stage}`) : yellow(`  ${m.flagKey} ${m.stage}, the phase declares ${m.declared}`));
        }
        for (const e of report.envFlags) {
          out.line(`${bold(e.flagKey)}  ${bold('env')}  ${Object.entries(e.variables).map(([name, value]) => `${name}=${value ?? '(unset)'}`).join(' ')}`);
          out.line(dim(`  ${e.summary}`));
        }
        for (const m of report.stageMappings) out.line(`${bold(m.flagKey)}  ${bold(m.stage)}  ${dim(`stage from ${m.stageFrom} (${m.source})`)}`);
        if (report.migrations.length === 0 && report.stageMappings.length === 0 && report.phases.length === 0) out.line(`no migration flags in ${flags}`);
        for (const d of report.drift) out.line(yellow(`drift: ${d.flagKey}: ${d.message}`));
        for (const i of report.invalid) out.line(red(`invalid: ${i.message}`));
        if (report.envInvalid !== undefined) out.line(red(`invalid: ${report.envInvalid}`));
      }
      // Drift and broken files are what a scripted check wants to catch.
      if (report.invalid.length > 0 || report.envInvalid !== undefined) throw new CommandExit(1);
    });
}

/** The env flags and stage mappings the project declares, as this shell's environment makes them; a malformed declaration or variable is reported, as the application's start would refuse it. */
async function envSection(config: string, files: readonly string[], required: boolean): Promise<EnvStatus & { envInvalid?: string }> {
  try {
    if (required && !existsSync(config)) throw new Error(`${config}: no such file`);
    return await collectEnvStatus(readFlagMappings(config), files);
  } catch (error) {
    return { envFlags: [], stageMappings: [], envInvalid: (error as Error).message };
  }
}

/**
 * The rollouts and the drift left once controller splits are accounted for.
 * The rollout package (and the guard beneath it) loads only when there is
 * something for it to read: a state directory, or overlay entries that are
 * not rollbacks; otherwise there are no rollouts and the drift stands.
 */
async function rolloutSection(drift: readonly DriftFinding[], paths: { stateDir: string; overlay: string }) {
  const unexplained = drift.some((finding) => finding.kind === 'not-rolled-back');
  if (!unexplained && !existsSync(paths.stateDir)) return { rollouts: [], drift, described: new Map<RolloutView, string>() };
  const [{ rolloutStatusSection }, { formatRollout }] = await Promise.all([import('../rollout/rollout-status-section.js'), import('@cutover/rollout')]);
  const section = await rolloutStatusSection(drift, paths);
  return { ...section, described: new Map(section.rollouts.map((view) => [view, formatRollout(view)])) };
}

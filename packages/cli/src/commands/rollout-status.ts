import type { Command } from 'commander';
import { formatPlan, formatRollout, RolloutStateFile, rolloutView } from '@cutover/rollout';
import { Output } from '../command-support/output.js';
import { addStateDirOption } from '../rollout/rollout-paths.js';
import { sharedRolloutOptions } from '../rollout/shared-rollout-options.js';

/** `cutover rollout status [flag]`: where each controller's plan stands, from its state file. */
export function registerRolloutStatus(rollout: Command): void {
  addStateDirOption(
    rollout
      .command('status')
      .description('where each rollout stands: plan, step, time left, the last verdict and its numbers')
      .argument('[flag]', 'one migration flag key (default: every rollout)')
      .option('--json', 'print the rollouts as JSON'),
  ).action(async (flagKey: string | undefined, options: { stateDir: string }, command: Command) => {
    const { json } = sharedRolloutOptions(command);
    const states = await new RolloutStateFile(options.stateDir).list();
    const views = states.filter((s) => flagKey === undefined || s.flagKey === flagKey).map((s) => rolloutView(s));
    const out = new Output();
    if (json) return out.json({ rollouts: views });
    if (views.length === 0) return out.line(flagKey ? `no rollout of ${flagKey} in ${options.stateDir}` : `no rollouts in ${options.stateDir}`);
    const { bold, dim } = out.colors;
    for (const view of views) {
      out.line(`${bold(view.flagKey)}  ${formatRollout(view)}`);
      out.line(dim(`  plan ${formatPlan(view)} (* = approval), ${view.target} vs ${view.baseline}, run ${view.runId}, updated ${view.updatedAt}`));
      if (view.lastDecision) for (const line of view.lastDecision.checks.length ? view.lastDecision.checks : [view.lastDecision.summary]) out.line(dim(`  ${line}`));
      if (view.outcome) out.line(`  ${view.outcome}`);
    }
  });
}

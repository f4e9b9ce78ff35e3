import type { Command } from 'commander';
import { AuditLog } from '@cutover/rollback';
import { readGitDefinitions, RolloutError, RolloutOverlay, RolloutStateFile } from '@cutover/rollout';
import { cliActor, globalOptions, overlayPath } from '../command-support/cli-paths.js';
import { Output } from '../command-support/output.js';
import { listFlagFiles } from '../flag-files/list-flag-files.js';
import { addStateDirOption } from '../rollout/rollout-paths.js';
import { sharedRolloutOptions } from '../rollout/shared-rollout-options.js';

/**
 * `cutover rollout finish <flag>`: after a completed rollout and the stage
 * committed in git, removes the controller's split from the overlay, so git
 * is again the one place the flag is defined.
 */
export function registerRolloutFinish(rollout: Command): void {
  addStateDirOption(
    rollout
      .command('finish')
      .description('remove a completed rollout\'s split from the overlay once git serves its target to everyone (after cutover stage <flag> <target>)')
      .argument('<flag>', 'the migration flag key')
      .option('--force', 'remove it even though git does not serve the target to everyone yet')
      .option('--overlay <file>', 'rollback overlay (default: <flags>/rollbacks.flagd.json)')
      .option('--audit <file>', 'audit log (default: .cutover/audit.jsonl)'),
  ).action(async (flagKey: string, options: { overlay?: string; stateDir: string }, command: Command) => {
    const { flags } = globalOptions(command);
    const { audit, force } = sharedRolloutOptions(command);
    const state = await new RolloutStateFile(options.stateDir).read(flagKey);
    if (state?.phase !== 'completed' && !force) throw new RolloutError('ROLLOUT_CONFLICT', `the rollout of ${flagKey} is not completed (${state?.phase ?? 'none'}); --force removes its split anyway`);
    const git = (await readGitDefinitions(await listFlagFiles(flags))).get(flagKey);
    const everyone = git !== undefined && git.defaultVariant === state?.target && git.targeting === undefined;
    if (!everyone && !force) {
      throw new RolloutError('ROLLOUT_CONFLICT', `git does not serve "${state?.target}" to everyone yet: run cutover stage ${flagKey} ${state?.target} first (removing the split now would send traffic back)`);
    }
    const removed = await new RolloutOverlay(options.overlay ?? overlayPath(flags)).remove(flagKey);
    if (removed) {
      await new AuditLog(audit).append({ action: 'rollout', status: 'completed', scope: flagKey, actor: cliActor(), reason: 'rollout finished: controller split removed from the overlay', details: { runId: state?.runId, forced: Boolean(force) } });
    }
    new Output().line(removed ? `removed the controller's split of ${flagKey} from the overlay; git serves it now` : `the overlay holds no controller split of ${flagKey}`);
  });
}

import type { Command } from 'commander';
import { formatProgress, isFinished, resolveRolloutPlan, RolloutStateFile } from '@cutover/rollout';
import type { RolloutProgress } from '@cutover/rollout';
import { CommandExit } from '../command-support/command-exit.js';
import { globalOptions, overlayPath } from '../command-support/cli-paths.js';
import { STORE_OPTION_DESCRIPTION } from '../command-support/open-comparison-store.js';
import { Output } from '../command-support/output.js';
import { listFlagFiles } from '../flag-files/list-flag-files.js';
import { parseRisk, parseSteps, parseWhole, planFromFlags } from '../rollout/rollout-plan-flags.js';
import type { RolloutPlanFlags } from '../rollout/rollout-plan-flags.js';
import { addStateDirOption, DEFAULT_ROLLOUT_PLANS } from '../rollout/rollout-paths.js';
import { sharedRolloutOptions } from '../rollout/shared-rollout-options.js';
import { readableFlagFiles } from '../rollout/readable-flag-files.js';
import { startRolloutController } from '../rollout/start-rollout-controller.js';

/** Exit codes of `cutover rollout run`. */
export const ROLLOUT_RUN_EXIT = Object.freeze({ completed: 0, rolledBack: 2, stopped: 3 });

type RunOptions = RolloutPlanFlags & { prometheus?: string; store?: string; overlay?: string; stateDir: string };

/** `cutover rollout run <flag>`: the progressive rollout controller, in the foreground, printing its progress. */
export function registerRolloutRun(rollout: Command): void {
  addStateDirOption(
    rollout
      .command('run')
      .description('advance the flag step by step through a plan, the guard judging each window; resumes a run that was interrupted')
      .argument('<flag>', 'the migration flag key')
      .option('--plan <file>', 'plan file (default: <plans>/<flag>.json when it exists)')
      .option('--plans <dir>', 'directory of plan files', DEFAULT_ROLLOUT_PLANS)
      .option('--risk <level>', 'preset: low (10 %, 30m), medium (5 %, 1h), critical (1 %, 2h, approval from 50 %)', parseRisk)
      .option('--steps <list>', 'percentages, e.g. 10,25,50,75,100', parseSteps)
      .option('--window <duration>', 'monitoring window of each step, e.g. 30m, 2h, 45s')
      .option('--interval <duration>', 'how often the guard looks inside a window (default 5s)')
      .option('--approval-from <percent>', 'steps from this percentage on wait for cutover rollout approve', parseWhole)
      .option('--to <stage>', 'the canary stage (default: the split\'s canary, else the stage after the current one)')
      .option('--graceful <duration>', 'on a non-emergency degradation, ramp the candidate down over this long')
      .option('--graceful-steps <n>', 'in this many decrements (default 5)', parseWhole)
      .option('--prometheus <url>', 'the Prometheus server that scrapes the fleet (default CUTOVER_PROMETHEUS_URL); without it, each step is judged on the comparison store')
      .option('--store <location>', `${STORE_OPTION_DESCRIPTION}; with --prometheus, the match rate is judged on its records; without, every criterion is (default .cutover/comparisons)`)
      .option('--overlay <file>', 'rollback overlay (default: <flags>/rollbacks.flagd.json)')
      .option('--audit <file>', 'audit log (default: .cutover/audit.jsonl)')
      .option('--json', 'print progress as JSON lines'),
  ).action(async (flagKey: string, options: RunOptions, command: Command) => {
    const { flags } = globalOptions(command);
    const { audit, json, to } = sharedRolloutOptions(command);
    const out = new Output();
    const prometheus = options.prometheus ?? process.env.CUTOVER_PROMETHEUS_URL;
    const previous = await new RolloutStateFile(options.stateDir).read(flagKey);
    const resuming = previous !== undefined && !isFinished(previous);
    const { options: planOptions, source } = await planFromFlags(flagKey, { ...options, ...(to === undefined ? {} : { to }) });
    const plan = resuming ? previous.plan : resolveRolloutPlan(planOptions);
    if (json) {
      // JSON lines only: the progress events say where the plan came from.
    } else if (resuming) out.line(`resuming run ${previous.runId} with the plan it started with (plan options given now are not used)`);
    else out.line(`plan from ${source}`);
    const print = (progress: RolloutProgress): void => {
      if (json) out.line(JSON.stringify({ kind: progress.kind, at: new Date().toISOString(), state: progress.state, remainingMs: progress.remainingMs, message: progress.message }));
      else for (const line of formatProgress(progress)) out.line(line);
    };
    const files = await listFlagFiles(flags);
    const readable = await readableFlagFiles(files, (file, error) => out.error(`warning: skipped ${file}, which cannot be read: ${error}; rolling out ${flagKey} from the other files`));
    const { controller, judgedOn, close } = await startRolloutController({
      flagKey,
      files,
      providerFiles: readable,
      overlay: options.overlay ?? overlayPath(flags),
      audit,
      stateDir: options.stateDir,
      plan,
      ...(prometheus === undefined ? {} : { prometheus }),
      ...(options.store === undefined ? {} : { store: options.store }),
      actor: 'controller',
      onProgress: print,
      logger: { error: (...a: unknown[]) => out.error(a.join(' ')), warn: (...a: unknown[]) => out.error(a.join(' ')), info: () => {}, debug: () => {} },
    });
    if (!json) out.line(`judging each step on ${judgedOn}${prometheus === undefined ? ' (no --prometheus: error rate, latency and match rate of the compared calls; throughput and tracked outcomes are not judged)' : ''}`);
    const stop = (): void => controller.stop();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    try {
      const state = await controller.run();
      const code = state.phase === 'completed' ? ROLLOUT_RUN_EXIT.completed : state.phase === 'rolled-back' ? ROLLOUT_RUN_EXIT.rolledBack : ROLLOUT_RUN_EXIT.stopped;
      if (code !== 0) throw new CommandExit(code);
    } finally {
      process.removeListener('SIGINT', stop);
      process.removeListener('SIGTERM', stop);
      await close();
    }
  });
}

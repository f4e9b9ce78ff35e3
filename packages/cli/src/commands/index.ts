import type { Command } from 'commander';

/** Adds one command to the program. Each command lives in its own file beside this one. */
export type RegisterCommand = (program: Command) => void;

/** A command by name, and how to load its module: a run loads only the command it runs. */
export interface LazyCommand {
  readonly name: string;
  readonly load: () => Promise<RegisterCommand>;
}

/** Every command, in the order `--help` lists them. */
export const commands: readonly LazyCommand[] = [
  { name: 'validate', load: async () => (await import('./validate.js')).registerValidate },
  { name: 'status', load: async () => (await import('./status.js')).registerStatus },
  { name: 'stage', load: async () => (await import('./stage.js')).registerStage },
  { name: 'rollout', load: async () => (await import('./rollout.js')).registerRollout },
  { name: 'phase', load: async () => (await import('./phase.js')).registerPhase },
  { name: 'rollback', load: async () => (await import('./rollback.js')).registerRollback },
  { name: 'report', load: async () => (await import('./report.js')).registerReport },
  { name: 'cleanup-check', load: async () => (await import('./cleanup-check.js')).registerCleanupCheck },
  { name: 'serve', load: async () => (await import('./serve.js')).registerServe },
];

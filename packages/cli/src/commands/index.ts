import type { Command } from 'commander';
import { registerCleanupCheck } from './cleanup-check.js';
import { registerPhase } from './phase.js';
import { registerReport } from './report.js';
import { registerRollback } from './rollback.js';
import { registerRollout } from './rollout.js';
import { registerServe } from './serve.js';
import { registerStage } from './stage.js';
import { registerStatus } from './status.js';
import { registerValidate } from './validate.js';

/** Adds one command to the program. Each command lives in its own file beside this one. */
export type RegisterCommand = (program: Command) => void;

/** Every command, in the order `--help` lists them. */
export const commands: RegisterCommand[] = [
  registerValidate,
  registerStatus,
  registerStage,
  registerRollout,
  registerPhase,
  registerRollback,
  registerReport,
  registerCleanupCheck,
  registerServe,
];

import type { Command } from 'commander';
import { registerValidate } from './validate.js';

/** Adds one command to the program. Each command lives in its own file beside this one. */
export type RegisterCommand = (program: Command) => void;

/** Every command, in the order `--help` lists them. */
export const commands: RegisterCommand[] = [
  registerValidate,
];

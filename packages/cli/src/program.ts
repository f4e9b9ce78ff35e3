import { Command } from 'commander';
import { commands } from './commands/index.js';

/** The `cutover` program with every command registered. */
export function buildProgram(): Command {
  const program = new Command('cutover')
    .description('Move migrations through their stages safely: validate and edit flag files, roll back, report, serve the dashboard.')
    .option('--flags <dir>', 'directory of flagd JSON flag files', 'flags')
    .exitOverride()
    .showHelpAfterError();
  for (const register of commands) register(program);
  return program;
}

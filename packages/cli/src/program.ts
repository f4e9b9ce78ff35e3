import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { applyProjectDefaults } from './command-support/cli-paths.js';
import { commands } from './commands/index.js';

// src/ and dist/ both sit one level below the package's manifest.
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

/** The `cutover` program with every command registered. */
export function buildProgram(): Command {
  const program = new Command('cutover')
    .description('Move migrations through their stages safely: validate and edit flag files, roll back, report, serve the dashboard.')
    .version(version, '-V, --version', 'print the version of cutover')
    .option('--flags <dir>', 'directory of flagd JSON flag files (default: CUTOVER_FLAGS_DIR, cutover.config.json, or the nearest flags/ up to the repository root)')
    .exitOverride()
    .showHelpAfterError()
    .hook('preAction', (_program, action) => applyProjectDefaults(action));
  for (const register of commands) register(program);
  return program;
}

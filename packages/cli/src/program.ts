import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { applyProjectDefaults } from './command-support/cli-paths.js';
import { commands } from './commands/index.js';
import type { LazyCommand } from './commands/index.js';

// src/ and dist/ both sit one level below the package's manifest.
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * The `cutover` program. Given the arguments of a run, it registers only the
 * command they name (or none for `--version`), so `cutover status` never
 * loads the dashboard, the rollout controller or database clients; without
 * arguments, or when they name no command, every command (for help and for
 * commander's "unknown command" hint).
 */
export async function buildProgram(argv?: readonly string[]): Promise<Command> {
  const program = new Command('cutover')
    .description('Move migrations through their stages safely: validate and edit flag files, roll back, report, serve the dashboard.')
    .version(version, '-V, --version', 'print the version of cutover')
    .option('--flags <dir>', 'directory of flagd JSON flag files (default: CUTOVER_FLAGS_DIR, cutover.config.json, or the nearest flags/ up to the repository root)')
    .exitOverride()
    .showHelpAfterError()
    .hook('preAction', (_program, action) => applyProjectDefaults(action));
  for (const command of commandsFor(argv)) (await command.load())(program);
  return program;
}

/** The commands a run needs: the one it names; none to print the version; all otherwise. */
function commandsFor(argv: readonly string[] | undefined): readonly LazyCommand[] {
  if (argv === undefined) return commands;
  const name = commandName(argv);
  const named = commands.find((command) => command.name === name);
  if (named) return [named];
  if (name === undefined && (argv.includes('-V') || argv.includes('--version'))) return [];
  return commands;
}

/** The first argument that is not a program option (or the value of `--flags`). */
function commandName(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--flags') i++;
    else if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}

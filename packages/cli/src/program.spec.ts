import { describe, expect, it } from 'vitest';
import { commands } from './commands/index.js';
import { buildProgram } from './program.js';

const registered = async (argv?: readonly string[]) => (await buildProgram(argv)).commands.map((command) => command.name());

describe('buildProgram', () => {
  it('registers only the command a run names, wherever the program options sit', async () => {
    expect(await registered(['status'])).toEqual(['status']);
    expect(await registered(['--flags', 'status', 'validate', '--json'])).toEqual(['validate']);
    expect(await registered(['--flags=dir', 'rollout', 'status'])).toEqual(['rollout']);
  });

  it('registers no command to print the version', async () => {
    expect(await registered(['--version'])).toEqual([]);
  });

  it('registers every command, in help order, for help and for a name it does not know', async () => {
    const all = commands.map((command) => command.name);
    expect(await registered()).toEqual(all);
    expect(await registered(['--help'])).toEqual(all);
    expect(await registered(['stats'])).toEqual(all);
  });
});

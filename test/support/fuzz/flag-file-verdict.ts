import { FlagFileError, parseFlagFile } from '@cutover/provider';
import { inheritedPollution, prototypeSnapshot } from './prototype-snapshot.js';

/** What parsing one flag file text did, as the fuzzing properties judge it. */
export type FlagFileVerdict =
  | { readonly kind: 'accepted'; readonly flags: number; readonly evaluations: number; readonly ms: number; readonly problems: readonly string[] }
  | { readonly kind: 'rejected'; readonly file: string; readonly jsonPath: string; readonly reason: string; readonly line?: number; readonly ms: number; readonly problems: readonly string[] }
  | { readonly kind: 'threw'; readonly name: string; readonly message: string; readonly ms: number; readonly problems: readonly string[] };

/** Contexts every accepted flag is evaluated with: none, typical, and odd shapes. */
const CONTEXTS: readonly object[] = [
  {},
  { targetingKey: 'user-1', chatId: 'beta-42', tier: 'gold', email: 'a@example.com', internalChats: ['beta-42'] },
  { targetingKey: '', chatId: 7, tier: null, version: '1.2.3' },
  { targetingKey: 'jürgen', nested: { deep: [1, { x: 'y' }] }, version: 'not-semver' },
];

/**
 * Parses `text` as flag file `file`, then evaluates every flag it accepted
 * with a few contexts. Anything but a FlagFileError naming the file, a path
 * and a reason is a finding, as are an evaluation that throws and a changed
 * built-in prototype.
 */
export function flagFileVerdict(text: string, file: string): FlagFileVerdict {
  const before = prototypeSnapshot();
  const started = performance.now();
  const problems: string[] = [];
  const polluted = (): void => {
    if (prototypeSnapshot() !== before) problems.push('a built-in prototype gained or lost a property');
    const inherited = inheritedPollution();
    if (inherited.length > 0) problems.push(`every object now inherits ${inherited.join(', ')}`);
  };
  let set;
  try {
    set = parseFlagFile(text, file);
  } catch (error) {
    const ms = performance.now() - started;
    polluted();
    if (!(error instanceof FlagFileError)) {
      const { name, message } = error instanceof Error ? error : { name: typeof error, message: String(error) };
      return { kind: 'threw', name, message: message.slice(0, 300), ms, problems };
    }
    if (error.file !== file) problems.push(`the error names ${error.file}, not ${file}`);
    if (error.reason.trim() === '') problems.push('the error gives no reason');
    return { kind: 'rejected', file: error.file, jsonPath: error.jsonPath, reason: error.reason.slice(0, 300), ...(error.line === undefined ? {} : { line: error.line }), ms, problems };
  }
  let evaluations = 0;
  for (const [key, flag] of set.flags) {
    for (const context of CONTEXTS) {
      try {
        flag.evaluate(context);
        evaluations++;
      } catch (error) {
        problems.push(`evaluating "${key}" threw: ${(error as Error).message}`);
      }
    }
  }
  polluted();
  return { kind: 'accepted', flags: set.flags.size, evaluations, ms: performance.now() - started, problems };
}

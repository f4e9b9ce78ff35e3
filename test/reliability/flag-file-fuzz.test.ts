// Flag files from a hostile or careless author: mutated copies of the
// repository's files and crafted ones. parseFlagFile accepts a file or rejects
// it with a FlagFileError naming the file, a path and a reason; it never
// throws anything else, never hangs, never touches a built-in prototype, and
// the flags it accepts evaluate without throwing.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { flagFiles } from '../../examples/flag-files.js';
import { CRAFTED_FLAG_FILES } from '../support/fuzz/crafted-flag-files.js';
import { FlagFileJudge } from '../support/fuzz/flag-file-judge.js';
import type { JudgedFlagFile } from '../support/fuzz/flag-file-judge.js';
import { mutatedDocument, mutatedText } from '../support/fuzz/flag-file-mutations.js';
import { fuzzParameters } from '../support/fuzz/fuzz-parameters.js';
import { VerdictTally } from '../support/fuzz/verdict-tally.js';

const TEXT_RUNS = 600;
const DOCUMENT_RUNS = 600;
// A parse of any file here takes milliseconds; a deadline far above that still catches a hang.
const DEADLINE_MS = 4_000;

const bases = flagFiles().map((file) => ({ name: basename(file), text: readFileSync(file, 'utf8') }));
const judge = new FlagFileJudge(DEADLINE_MS);
const tallies = { text: new VerdictTally(), document: new VerdictTally(), crafted: new VerdictTally() };
afterAll(async () => {
  await judge.close();
  console.log(`flag-file fuzzing: mutated text (${TEXT_RUNS}): ${tallies.text}; mutated documents (${DOCUMENT_RUNS}): ${tallies.document}; crafted (${CRAFTED_FLAG_FILES.length}): ${tallies.crafted}`);
});

/** Whether a verdict keeps the rules; the message says which one it broke. */
function breach(verdict: JudgedFlagFile, file: string): string | undefined {
  if (verdict.kind === 'hung' || verdict.kind === 'crashed') return `${verdict.kind}: ${verdict.problems.join('; ')}`;
  if (verdict.kind === 'threw') return `threw ${verdict.name}: ${verdict.message}`;
  if (verdict.problems.length > 0) return verdict.problems.join('; ');
  if (verdict.kind === 'rejected' && (verdict.file !== file || !/^(\/|$)/.test(verdict.jsonPath))) return `rejected without a usable location: ${JSON.stringify(verdict)}`;
  return undefined;
}

/** Judges `runs` files that `mutate` makes from the repository's files, counting verdicts in `tally`. */
async function judgeMutations(mutate: (text: string) => fc.Arbitrary<string>, runs: number, tally: VerdictTally): Promise<void> {
  const mutated = fc.constantFrom(...bases).chain((base) => fc.tuple(fc.constant(base.name), mutate(base.text)));
  await fc.assert(
    fc.asyncProperty(mutated, async ([name, text]) => {
      const verdict = await judge.judge(text, name);
      tally.add(verdict.kind);
      expect(breach(verdict, name)).toBeUndefined();
    }),
    fuzzParameters(runs),
  );
}

describe('parseFlagFile on hostile flag files', () => {
  it(`accepts or rejects with file, path and reason ${TEXT_RUNS} files mutated byte by byte`, () => judgeMutations(mutatedText, TEXT_RUNS, tallies.text), 60_000);

  it(`accepts or rejects with file, path and reason ${DOCUMENT_RUNS} files with hostile values and keys`, () => judgeMutations(mutatedDocument, DOCUMENT_RUNS, tallies.document), 60_000);

  it('accepts or rejects with file, path and reason every crafted file, in time', async () => {
    const breaches: string[] = [];
    for (const crafted of CRAFTED_FLAG_FILES) {
      const verdict = await judge.judge(crafted.text, 'crafted.flagd.json');
      tallies.crafted.add(verdict.kind);
      const broken = breach(verdict, 'crafted.flagd.json');
      if (broken) breaches.push(`${crafted.name}: ${broken}`);
    }
    expect(breaches).toEqual([]);
  }, 120_000);
});

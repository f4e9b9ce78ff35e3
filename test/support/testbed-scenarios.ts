import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AstBuilder, compile, GherkinClassicTokenMatcher, Parser } from '@cucumber/gherkin';
import { IdGenerator } from '@cucumber/messages';
import type { PickleStep } from '@cucumber/messages';

/** One scenario of the flagd-testbed evaluator suite, an example row of an outline being one scenario. */
export interface TestbedScenario {
  /** `file: scenario name [example values]`. */
  readonly name: string;
  /** Tags of the feature, the scenario and the example table. */
  readonly tags: readonly string[];
  readonly steps: readonly PickleStep[];
}

/** Every scenario of the `.feature` files in `dir`, in file order, as Gherkin's compiler expands them. */
export function loadTestbedScenarios(dir: string): TestbedScenario[] {
  const newId = IdGenerator.incrementing();
  return readdirSync(dir)
    .filter((name) => name.endsWith('.feature'))
    .sort()
    .flatMap((name) => {
      const document = new Parser(new AstBuilder(newId), new GherkinClassicTokenMatcher()).parse(readFileSync(join(dir, name), 'utf8'));
      return compile(document, name, newId).map((pickle) => ({
        name: `${name}: ${pickle.name} [${pickle.steps.map((step) => step.text.match(/"[^"]*"/g)?.join(' ') ?? '').filter(Boolean).join(' ')}]`,
        tags: pickle.tags.map((tag) => tag.name),
        steps: pickle.steps,
      }));
    });
}

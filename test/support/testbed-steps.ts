import { isDeepStrictEqual } from 'node:util';
import type { Client, EvaluationContext, EvaluationDetails, FlagValue, JsonValue } from '@openfeature/server-sdk';
import type { PickleStep } from '@cucumber/messages';
import type { TestbedScenario } from './testbed-scenarios.js';

type TestbedType = 'Boolean' | 'String' | 'Integer' | 'Float' | 'Object';

/** The keys the provider adds to every answer's metadata (which layer answered); they are not the flag's metadata. */
const PROVENANCE_KEYS = ['source'];

/** What one scenario has built up so far. */
interface ScenarioState {
  flag?: { readonly type: TestbedType; readonly key: string; readonly fallback: FlagValue };
  context: Record<string, unknown>;
  details?: EvaluationDetails<FlagValue>;
}

/** How a run expects the provider to mark its answers. */
export interface TestbedRunOptions {
  /** The layer that should answer every flag of the suite (`flagMetadata.source`). */
  readonly source: string;
}

/** A step's quoted arguments, with the suite's `\"` escapes undone. */
function quoted(text: string): string[] {
  return [...text.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((match) => match[1]!.replace(/\\"/g, '"'));
}

function typed(type: string, raw: string): FlagValue {
  switch (type) {
    case 'Boolean':
      return raw === 'true';
    case 'Integer':
      return Number.parseInt(raw, 10);
    case 'Float':
      return Number.parseFloat(raw);
    case 'Object':
      return JSON.parse(raw) as JsonValue;
    default:
      return raw;
  }
}

async function evaluate(client: Client, state: ScenarioState): Promise<EvaluationDetails<FlagValue>> {
  const { type, key, fallback } = state.flag!;
  const context = state.context as EvaluationContext;
  if (type === 'Boolean') return client.getBooleanDetails(key, fallback as boolean, context);
  if (type === 'String') return client.getStringDetails(key, fallback as string, context);
  if (type === 'Object') return client.getObjectDetails(key, fallback as JsonValue, context);
  return client.getNumberDetails(key, fallback as number, context);
}

function expectEqual(what: string, expected: unknown, actual: unknown): void {
  if (!isDeepStrictEqual(expected, actual)) throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

async function runStep(client: Client, step: PickleStep, state: ScenarioState, options: TestbedRunOptions): Promise<void> {
  const text = step.text;
  const args = quoted(text);
  let match: RegExpExecArray | null;
  if (text === 'an evaluator') return;
  if ((match = /^a (Boolean|String|Integer|Float|Object)-flag with key "/.exec(text))) {
    const type = match[1] as TestbedType;
    state.flag = { type, key: args[0]!, fallback: typed(type, args[1]!) };
  } else if (text.startsWith('a context containing a key ')) {
    state.context[args[0]!] = typed(args[1]!, args[2]!);
  } else if (text.startsWith('a context containing a nested property ')) {
    state.context[args[0]!] = { ...(state.context[args[0]!] as object), [args[1]!]: args[2]! };
  } else if (text.startsWith('a context containing a targeting key ')) {
    state.context.targetingKey = args[0]!;
  } else if (text === 'the flag was evaluated with details') {
    state.details = await evaluate(client, state);
  } else if (text.startsWith('the resolved details value should be ')) {
    expectEqual('value', typed(state.flag!.type, args[0]!), state.details!.value);
  } else if (text.startsWith('the reason should be ')) {
    expectEqual('reason', args[0], state.details!.reason);
  } else if (text.startsWith('the error-code should be ')) {
    expectEqual('error code', args[0], state.details!.errorCode);
  } else if (text === 'the resolved metadata should contain') {
    const [, ...rows] = step.argument!.dataTable!.rows.map((row) => row.cells.map((cell) => cell.value));
    for (const [key, type, value] of rows) expectEqual(`metadata ${key}`, typed(type!, value!), state.details!.flagMetadata[key!]);
  } else if (text === 'the resolved metadata is empty') {
    const metadata = { ...state.details!.flagMetadata };
    expectEqual('metadata source', options.source, metadata.source);
    for (const key of PROVENANCE_KEYS) delete metadata[key];
    expectEqual('metadata other than the provenance', {}, metadata);
  } else {
    throw new Error(`no step definition for "${text}"`);
  }
}

/** Runs one scenario through an OpenFeature client; throws the first failed expectation. */
export async function runTestbedScenario(client: Client, scenario: TestbedScenario, options: TestbedRunOptions): Promise<void> {
  const state: ScenarioState = { context: {} };
  for (const step of scenario.steps) await runStep(client, step, state, options);
}

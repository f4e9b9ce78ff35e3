import { pointerSegment } from './json-location.js';

/** A `$ref` naming an evaluator that does not exist, or a cycle between evaluators. */
export class EvaluatorReferenceError extends Error {
  constructor(
    readonly jsonPath: string,
    message: string,
  ) {
    super(message);
    this.name = 'EvaluatorReferenceError';
  }
}

/**
 * Replaces every `{"$ref": "name"}` in a targeting rule by the shared rule
 * `$evaluators.name`, as flagd does, structurally rather than by string
 * substitution so that nested references and mistakes are reported with a path.
 */
export function resolveEvaluators(logic: unknown, evaluators: Readonly<Record<string, unknown>>, jsonPath: string, seen: readonly string[] = []): unknown {
  if (Array.isArray(logic)) return logic.map((item, i) => resolveEvaluators(item, evaluators, `${jsonPath}/${i}`, seen));
  if (logic === null || typeof logic !== 'object') return logic;
  const record = logic as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 1 && keys[0] === '$ref') {
    const name = record.$ref;
    if (typeof name !== 'string' || !Object.hasOwn(evaluators, name)) {
      throw new EvaluatorReferenceError(`${jsonPath}/$ref`, `"$ref" names no evaluator in "$evaluators": ${JSON.stringify(name)}`);
    }
    if (seen.includes(name)) throw new EvaluatorReferenceError(jsonPath, `"$ref" cycle: ${[...seen, name].join(' → ')}`);
    return resolveEvaluators(evaluators[name], evaluators, `/$evaluators/${pointerSegment(name)}`, [...seen, name]);
  }
  return Object.fromEntries(keys.map((key) => [key, resolveEvaluators(record[key], evaluators, `${jsonPath}/${pointerSegment(key)}`, seen)]));
}

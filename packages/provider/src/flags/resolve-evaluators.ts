import { pointerSegment } from './json-location.js';

/** A `$ref` left unresolved: it names no evaluator, or closes a cycle between evaluators. */
export interface UnresolvedReference {
  readonly jsonPath: string;
  readonly reason: string;
}

/** A targeting rule with its `$ref`s replaced, and the ones that could not be. */
export interface ResolvedTargeting {
  readonly logic: unknown;
  readonly unresolved: readonly UnresolvedReference[];
}

/**
 * Replaces every `{"$ref": "name"}` in a targeting rule by the shared rule
 * `$evaluators.name`, as flagd does, structurally rather than by string
 * substitution so that nested references and mistakes are reported with a
 * path. A reference that cannot be resolved stays in the rule, as in flagd,
 * where evaluating it fails with PARSE_ERROR.
 */
export function resolveEvaluators(logic: unknown, evaluators: Readonly<Record<string, unknown>>, jsonPath: string): ResolvedTargeting {
  if (!containsReference(logic)) return { logic, unresolved: [] };
  const unresolved: UnresolvedReference[] = [];
  const resolved = resolve(logic, evaluators, jsonPath, [], unresolved);
  return { logic: resolved, unresolved };
}

/** Whether a rule has a `{"$ref": ...}` anywhere: a walk without the paths, for the common rule that has none. */
export function containsReference(logic: unknown): boolean {
  if (Array.isArray(logic)) return logic.some(containsReference);
  if (logic === null || typeof logic !== 'object') return false;
  for (const key in logic) if (key === '$ref' || containsReference((logic as Record<string, unknown>)[key])) return true;
  return false;
}

/**
 * The rule with its references replaced; a part without references is
 * returned as it is, not copied, so a rule that uses no `$ref` (most of them)
 * costs no memory beside the definition that holds it.
 */
function resolve(logic: unknown, evaluators: Readonly<Record<string, unknown>>, jsonPath: string, seen: readonly string[], unresolved: UnresolvedReference[]): unknown {
  if (Array.isArray(logic)) {
    const items = logic.map((item, i) => resolve(item, evaluators, `${jsonPath}/${i}`, seen, unresolved));
    return items.every((item, i) => item === logic[i]) ? logic : items;
  }
  if (logic === null || typeof logic !== 'object') return logic;
  const record = logic as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 1 && keys[0] === '$ref') {
    const name = record.$ref;
    if (typeof name !== 'string' || !Object.hasOwn(evaluators, name)) {
      unresolved.push({ jsonPath: `${jsonPath}/$ref`, reason: `"$ref" names no evaluator in "$evaluators": ${JSON.stringify(name)}` });
      return logic;
    }
    if (seen.includes(name)) {
      unresolved.push({ jsonPath, reason: `"$ref" cycle: ${[...seen, name].join(' → ')}` });
      return logic;
    }
    return resolve(evaluators[name], evaluators, `/$evaluators/${pointerSegment(name)}`, [...seen, name], unresolved);
  }
  const values = keys.map((key) => resolve(record[key], evaluators, `${jsonPath}/${pointerSegment(key)}`, seen, unresolved));
  return values.every((value, i) => value === record[keys[i]!]) ? logic : Object.fromEntries(keys.map((key, i) => [key, values[i]]));
}

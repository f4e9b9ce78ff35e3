import { TARGETING_OPERATORS } from './targeting-operators.js';

/**
 * Throws on an operator neither JSON Logic nor flagd defines: the structural
 * check a file gets when it loads, since rules compile on first evaluation.
 * The engine looks operators up in a plain object, so `toString`,
 * `constructor` or `hasOwnProperty` would be found on its prototype and
 * compile into a rule that answers a promise, which then rejects unhandled and
 * can end the process.
 */
export function checkOperators(logic: unknown): void {
  if (Array.isArray(logic)) {
    for (const item of logic) checkOperators(item);
    return;
  }
  if (logic === null || typeof logic !== 'object') return;
  const entries = Object.entries(logic);
  if (entries.length === 1 && !TARGETING_OPERATORS.has(entries[0]![0])) throw new Error(`unknown operator "${entries[0]![0]}"`);
  for (const [, value] of entries) checkOperators(value);
}

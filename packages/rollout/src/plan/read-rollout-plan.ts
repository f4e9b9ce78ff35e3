import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InvalidRolloutOptionError } from '../rollout-error.js';
import type { RolloutPlanOptions } from './rollout-plan-config.js';

/** Where a flag's plan lives by convention: `<dir>/<flag>.json`, `dir` being `rollouts` beside `flags`. */
export function rolloutPlanPath(dir: string, flagKey: string): string {
  return join(dir, `${flagKey}.json`);
}

/**
 * Reads a plan file: one JSON object with the options of `RolloutPlanConfig`
 * (validated later by `resolveRolloutPlan`). Resolves `undefined` when the
 * file does not exist and `optional` is set.
 *
 * @throws InvalidRolloutOptionError (option `plan`) when the file is not a JSON object
 */
export async function readRolloutPlan(path: string, options: { readonly optional?: boolean } = {}): Promise<RolloutPlanOptions | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (options.optional && (error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new InvalidRolloutOptionError('plan', `cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InvalidRolloutOptionError('plan', `${path} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InvalidRolloutOptionError('plan', `${path} must hold one JSON object`);
  const { $schema: _schema, ...plan } = value as Record<string, unknown>;
  return plan as RolloutPlanOptions;
}

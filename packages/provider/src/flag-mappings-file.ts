import { existsSync, readFileSync } from 'node:fs';
import { CutoverError, loadZod } from '@cutover/core';
import type { SchemaBuilder } from '@cutover/core';
import type { CutoverProviderOptions } from './cutover-provider-options.js';
import { envFlagsSchema } from './layers/env-flag-mapping.js';
import { stageMappingsSchema } from './stages/stage-mapping.js';

/** The provider options a project may declare in its `cutover.config.json`, so the application and `cutover status` read the same. */
export type FlagMappings = Pick<CutoverProviderOptions, 'envFlags' | 'stages'>;

const mappingsSchema: SchemaBuilder<FlagMappings> = (z) => z.object({ envFlags: envFlagsSchema(z).optional(), stages: stageMappingsSchema(z).optional() });
let schema: ReturnType<typeof mappingsSchema> | undefined;

/**
 * Reads `envFlags` and `stages` from a project configuration file (other keys
 * are the file's own business); none when the file does not exist.
 * @throws {CutoverError} `INVALID_CONFIG_FILE` naming the file and the bad entry
 */
export function readFlagMappings(file: string): FlagMappings {
  if (!existsSync(file)) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CutoverError('INVALID_CONFIG_FILE', `${file}: ${(error as Error).message}`, { cause: error });
  }
  schema ??= mappingsSchema(loadZod());
  const result = schema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys.join(', ')] : issue.path;
    throw new CutoverError('INVALID_CONFIG_FILE', `${file}: "${path.join('.')}": ${issue.message}`, { cause: result.error });
  }
  const { envFlags, stages } = result.data;
  return { ...(envFlags && { envFlags }), ...(stages && { stages }) };
}

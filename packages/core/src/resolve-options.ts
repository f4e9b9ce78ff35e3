import type { z } from 'zod';
import type { EnvReader } from './env-readers.js';
import { envString } from './env-readers.js';
import { InvalidOptionError } from './invalid-option-error.js';
import type { InvalidOptionInit } from './invalid-option-error.js';
import { schemaOf } from './lazy-schema.js';
import type { SchemaBuilder } from './lazy-schema.js';

/** The environment variables an option can come from, with how each is read. */
export type EnvMap<Config> = {
  readonly [Key in keyof Config]?: string | { readonly variable: string; readonly read: EnvReader };
};

/** How one component's options become its validated configuration. */
export interface OptionsSpec<Config> {
  /** What is configured, for error messages (`CutoverProvider`). */
  readonly component: string;
  /**
   * The whole configuration's schema, or a function that builds it from zod on
   * the first resolution (so importing the component does not load zod); its
   * messages become the error's reason.
   */
  readonly schema: z.ZodType<Config> | SchemaBuilder<Config>;
  /** The values used when neither the environment nor the options give one. */
  readonly defaults: Partial<Config>;
  /**
   * Options that may come from environment variables. A reader that returns
   * `undefined` leaves the option unset (a blank variable, say).
   */
  readonly env?: EnvMap<Config>;
  /**
   * How a nested bad value is named: by its dotted path (`files.0`), with
   * indexes in brackets (`steps[0].window`), or by the top-level option holding it (`files`).
   * @default 'path'
   */
  readonly naming?: 'path' | 'brackets' | 'top';
  /** Builds the error thrown for a bad option, for a package's own subclass. @default InvalidOptionError */
  readonly error?: (init: InvalidOptionInit) => InvalidOptionError;
}

type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Merges defaults, then the environment, then the options (later wins; an
 * option given as `undefined` is not given) and validates the result. Throws
 * {@link InvalidOptionError} naming the first bad option and, when the bad
 * value came from the environment, its variable.
 */
export function resolveOptions<Config extends object>(
  spec: OptionsSpec<Config>,
  options: Partial<Config> = {},
  env: Environment = process.env,
): Config {
  const fromEnv: Record<string, unknown> = {};
  const envVariableOf = new Map<string, string>();
  for (const [key, entry] of Object.entries(spec.env ?? {}) as [string, EnvMap<Config>[keyof Config]][]) {
    if (entry === undefined) continue;
    const { variable, read } = typeof entry === 'string' ? { variable: entry, read: envString } : entry;
    const raw = env[variable];
    if (raw === undefined || Object.hasOwn(definedOnly(options), key)) continue;
    const value = read(raw);
    if (value === undefined) continue;
    fromEnv[key] = value;
    envVariableOf.set(key, variable);
  }
  const candidate = { ...spec.defaults, ...fromEnv, ...definedOnly(options) };
  const result = schemaOf(spec.schema).safeParse(candidate);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  // An unknown option has no path of its own: name the keys instead.
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys.join(', ')] : issue.path;
  const top = String(path[0] ?? '');
  const option = nameOf(path, spec.naming ?? 'path') || '(options)';
  const error = spec.error ?? ((init: InvalidOptionInit) => new InvalidOptionError(init));
  throw error({
    component: spec.component,
    option,
    reason: issue.message,
    envVariable: envVariableOf.get(top),
    cause: result.error,
  });
}

function nameOf(path: readonly PropertyKey[], naming: 'path' | 'brackets' | 'top'): string {
  if (naming === 'top') return String(path[0] ?? '');
  if (naming === 'path') return path.map(String).join('.');
  return path.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : text === '' ? String(part) : `${text}.${String(part)}`), '');
}

function definedOnly<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as Partial<T>;
}

import { z } from 'zod';
import { resolveOptions } from '@cutover/core';

/** How the findings comparator judges a change in counts per alert type. */
export interface FindingsConfig {
  /** The field of a finding that holds its alert type. @default 'type' */
  readonly typeKey: string;
  /**
   * A type whose count moves by more than this fraction of legacy's is
   * reported as a warning for a person to look at; smaller moves are
   * accepted as variance.
   * @default 0.1
   */
  readonly warnBeyond: number;
  /**
   * A type whose count moves by more than this fraction is an error that
   * breaks the match; `null` keeps every count change a warning.
   * @default null
   */
  readonly failBeyond: number | null;
}

/** Options of the findings comparator; every field defaults. */
export type FindingsOptions = Partial<FindingsConfig>;

/** The defaults of {@link FindingsConfig}. */
export const DEFAULT_FINDINGS_CONFIG: FindingsConfig = {
  typeKey: 'type',
  warnBeyond: 0.1,
  failBeyond: null,
};

const schema = z
  .strictObject({
    typeKey: z.string().min(1),
    warnBeyond: z.number().min(0).finite(),
    failBeyond: z.number().min(0).finite().nullable(),
  })
  .refine((config) => config.failBeyond === null || config.failBeyond >= config.warnBeyond, {
    path: ['failBeyond'],
    message: 'must not be below warnBeyond',
  });

/** Merges options over the defaults; throws `InvalidOptionError` naming a bad option. */
export function resolveFindingsConfig(options?: FindingsOptions): FindingsConfig {
  return resolveOptions({ component: 'findings comparator', schema, defaults: DEFAULT_FINDINGS_CONFIG }, options);
}

import { z } from 'zod';
import { resolveOptions } from '@cutover/core';

/** How much AI variance the journal comparators accept. */
export interface JournalConfig {
  /** A follow-up question shorter than this, in characters, is not a question. @default 5 */
  readonly minQuestionLength: number;
  /** A follow-up question longer than this is a runaway answer, not a question. @default 500 */
  readonly maxQuestionLength: number;
  /** The candidate's question may be at most this many times longer or shorter than legacy's. @default 4 */
  readonly questionLengthRatio: number;
  /** Least `textSimilarity` to legacy's question; 0 because the AI rewords freely. @default 0 */
  readonly minQuestionSimilarity: number;
  /** Choice labels must be equal; off because the AI writes them afresh each time. @default false */
  readonly compareChoiceLabels: boolean;
}

/** Options of the journal comparators; every field defaults. */
export type JournalOptions = Partial<JournalConfig>;

/** The defaults of {@link JournalConfig}. */
export const DEFAULT_JOURNAL_CONFIG: JournalConfig = {
  minQuestionLength: 5,
  maxQuestionLength: 500,
  questionLengthRatio: 4,
  minQuestionSimilarity: 0,
  compareChoiceLabels: false,
};

const schema = z
  .strictObject({
    minQuestionLength: z.number().int().min(0),
    maxQuestionLength: z.number().int().min(1),
    questionLengthRatio: z.number().min(1),
    minQuestionSimilarity: z.number().min(0).max(1),
    compareChoiceLabels: z.boolean(),
  })
  .refine((config) => config.maxQuestionLength >= config.minQuestionLength, {
    path: ['maxQuestionLength'],
    message: 'must not be below minQuestionLength',
  });

/** Merges options over the defaults; throws `InvalidOptionError` naming a bad option. */
export function resolveJournalConfig(options?: JournalOptions): JournalConfig {
  return resolveOptions({ component: 'journal comparator', schema, defaults: DEFAULT_JOURNAL_CONFIG }, options);
}

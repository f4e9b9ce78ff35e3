import type { Comparator } from '../comparison.js';
import { textVariance } from '../text-variance.js';
import { resolveJournalConfig } from './journal-config.js';
import type { JournalOptions } from './journal-config.js';

/**
 * Follow-up questions: the two paths' questions may differ (AI
 * variance), but when legacy asked one the candidate must ask one too, of a
 * reasonable length, and none when legacy asked none.
 */
export function followUpComparator(options?: JournalOptions): Comparator<string | null | undefined> {
  const config = resolveJournalConfig(options);
  return textVariance({
    minLength: config.minQuestionLength,
    maxLength: config.maxQuestionLength,
    lengthRatio: config.questionLengthRatio,
    minSimilarity: config.minQuestionSimilarity,
  });
}

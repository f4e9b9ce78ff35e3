import { describe, expect, it } from 'vitest';
import { DEFAULT_JOURNAL_CONFIG, resolveJournalConfig } from './journal-config.js';

describe(resolveJournalConfig.name, () => {
  it('defaults to presence and length checks only', () => {
    expect(resolveJournalConfig()).toEqual({
      minQuestionLength: 5,
      maxQuestionLength: 500,
      questionLengthRatio: 4,
      minQuestionSimilarity: 0,
      compareChoiceLabels: false,
    });
    expect(resolveJournalConfig({})).toEqual(DEFAULT_JOURNAL_CONFIG);
  });

  it('names the bad option, including one that contradicts another', () => {
    expect(() => resolveJournalConfig({ questionLengthRatio: 0.5 })).toThrow(/"questionLengthRatio"/);
    expect(() => resolveJournalConfig({ minQuestionLength: 50, maxQuestionLength: 10 })).toThrow(/"maxQuestionLength"/);
  });
});

import { describe, expect, it } from 'vitest';
import { followUpComparator } from './follow-up-comparator.js';

describe(followUpComparator.name, () => {
  const compare = followUpComparator();

  it('allows AI variance: a differently worded question of similar length', () => {
    expect(compare('How did the meeting with your team go?', 'What stood out to you in today’s team meeting?').match).toBe(true);
  });

  it('allows both paths to ask nothing', () => {
    expect(compare(null, '').match).toBe(true);
  });

  it('catches a missing question, an unasked-for one and an implausible length', () => {
    expect(compare('How did the meeting go?', '').differences[0]?.reason).toBe('missing in candidate');
    expect(compare(undefined, 'Anything else on your mind?').differences[0]?.reason).toBe('missing in legacy');
    expect(compare('How did the meeting go?', 'Ok?').match).toBe(false);
    expect(compare('How did the meeting go?', 'Why? '.repeat(30)).match).toBe(false);
  });

  it('holds questions to a similarity threshold when configured', () => {
    const strict = followUpComparator({ minQuestionSimilarity: 0.7 });
    expect(strict('How did the meeting go?', 'How did the meeting go today?').match).toBe(true);
    expect(strict('How did the meeting go?', 'What did you have for lunch?').match).toBe(false);
  });
});

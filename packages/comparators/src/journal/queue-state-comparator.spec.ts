import { describe, expect, it } from 'vitest';
import { queueStateComparator } from './queue-state-comparator.js';

describe(queueStateComparator.name, () => {
  const compare = queueStateComparator();
  const question = { type: 'question', text: 'How was your day?' };
  const reminder = { type: 'reminder', text: 'Log your mood' };
  const legacy = [question, reminder];

  it('allows AI variance in the content of queued entries', () => {
    const candidate = [
      { type: 'question', text: 'What happened today?' },
      { type: 'reminder', text: 'How do you feel?' },
    ];
    expect(compare(legacy, candidate).match).toBe(true);
  });

  it('catches a different length and a different type or order', () => {
    expect(compare(legacy, [reminder, question, question]).differences.map((d) => [d.path, d.legacy, d.candidate])).toEqual([
      ['$.length', 2, 3],
      ['$[0].type', 'question', 'reminder'],
      ['$[1].type', 'reminder', 'question'],
      ['$[2]', undefined, question],
    ]);
  });

  it('treats no queue and an empty queue alike', () => {
    expect(compare(null, []).match).toBe(true);
  });
});

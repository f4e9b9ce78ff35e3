import { describe, expect, it } from 'vitest';
import { choicesComparator } from './choices-comparator.js';

const legacy = [['😊 Great', '😐 Fine'], ['😞 Rough']];

describe(choicesComparator.name, () => {
  const compare = choicesComparator();

  it('allows AI variance in the labels', () => {
    expect(compare(legacy, [['🙂 Good', '😶 Meh'], ['😣 Bad']]).match).toBe(true);
  });

  it('catches a different count, a different layout and a blank label', () => {
    expect(compare(legacy, [['Good', 'Meh', 'Bad']]).differences.map((d) => d.path)).toEqual([
      '$.length',
      '$[0].length',
      '$[0][2]',
      '$[1]',
    ]);
    expect(compare(legacy, [['Good', ' '], ['Bad']]).differences).toEqual([
      { path: '$[0][1]', legacy: '😐 Fine', candidate: ' ', reason: 'blank label' },
    ]);
  });

  it('compares labels when configured', () => {
    const strict = choicesComparator({ compareChoiceLabels: true });
    expect(strict(legacy, [['😊 Great', '😐 Fine'], ['😞 Rough ']]).match).toBe(true);
    expect(strict(legacy, [['😊 Great', 'Fine'], ['😞 Rough']]).differences[0]?.reason).toBe('label differs');
  });
});

import { describe, expect, it } from 'vitest';
import type { ChatMessage } from './chat-message.js';
import { chatMessageComparator } from './chat-message-comparator.js';

const legacy: ChatMessage = {
  text: 'Logged: Apple, 94 kcal.\nAnything else?',
  buttons: [
    [
      { text: '✅ Accept', data: 'accept:42' },
      { text: '✏️ Revise', data: 'revise:42' },
    ],
    [{ text: '🗑 Discard', data: 'discard:42' }],
  ],
};

describe(chatMessageComparator.name, () => {
  const compare = chatMessageComparator();

  describe('acceptable variance', () => {
    it('ignores surrounding and repeated whitespace', () => {
      const candidate = { ...legacy, text: '  Logged: Apple, 94 kcal.  Anything else? ' };
      expect(compare(legacy, candidate)).toEqual({ match: true, differences: [] });
    });

    it('treats no keyboard and an empty keyboard alike', () => {
      expect(compare({ text: 'Hi' }, { text: 'Hi', buttons: [] }).match).toBe(true);
    });

    it('accepts reworded text above the configured similarity', () => {
      const lenient = chatMessageComparator({ minTextSimilarity: 0.8 });
      expect(lenient(legacy, { ...legacy, text: 'Logged: Apple (94 kcal). Anything else?' }).match).toBe(true);
    });

    it('ignores callbacks when told to', () => {
      const labelsOnly = chatMessageComparator({ compareButtonActions: false });
      const candidate = { ...legacy, buttons: legacy.buttons?.map((row) => row.map((b) => ({ ...b, data: 'x' }))) };
      expect(labelsOnly(legacy, candidate).match).toBe(true);
    });
  });

  describe('true differences', () => {
    it('catches changed text', () => {
      const result = compare(legacy, { ...legacy, text: 'Logged: Apple, 49 kcal. Anything else?' });
      expect(result.differences.map((d) => [d.path, d.reason])).toEqual([['$.text', 'text differs']]);
    });

    it('catches text too far from legacy even when lenient', () => {
      const lenient = chatMessageComparator({ minTextSimilarity: 0.8 });
      expect(lenient(legacy, { ...legacy, text: 'Sorry, something went wrong.' }).match).toBe(false);
    });

    it('catches a missing row, a moved button and a changed callback', () => {
      const candidate: ChatMessage = {
        text: legacy.text,
        buttons: [[{ text: '✅ Accept', data: 'accept:43' }], [{ text: '✏️ Revise', data: 'revise:42' }], []],
      };
      expect(compare(legacy, candidate).differences.map((d) => [d.path, d.reason])).toEqual([
        ['$.buttons.length', 'length differs'],
        ['$.buttons[0].length', 'length differs'],
        ['$.buttons[0][0].data', 'callback differs'],
        ['$.buttons[0][1]', 'missing in candidate'],
        ['$.buttons[1][0].text', 'label differs'],
        ['$.buttons[1][0].data', 'callback differs'],
        ['$.buttons[2]', 'missing in legacy'],
      ]);
    });
  });
});

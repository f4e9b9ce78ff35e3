import { allOf } from '../all-of.js';
import { at } from '../at.js';
import type { Comparator } from '../comparison.js';
import { comparisonOf } from '../comparison-of.js';
import { textSimilarity } from '../text-similarity.js';
import { resolveChatConfig } from './chat-config.js';
import type { ChatConfig, ChatOptions } from './chat-config.js';
import type { ChatMessage } from './chat-message.js';
import { keyboardComparator } from './keyboard-comparator.js';

/**
 * Chat messages: the message text and the button structure
 * (rows, buttons per row, labels, callbacks). Differences sit at `$.text`
 * and `$.buttons[row][column].field`. Throws `InvalidOptionError` on a bad
 * option, at creation.
 */
export function chatMessageComparator(options?: ChatOptions): Comparator<ChatMessage> {
  const config = resolveChatConfig(options);
  return allOf(
    at('$.text', (message: ChatMessage) => message.text, textComparator(config)),
    at('$.buttons', (message: ChatMessage) => message.buttons, keyboardComparator(config)),
  );
}

function textComparator(config: ChatConfig): Comparator<string> {
  const collapse = (text: string | undefined) => (text ?? '').trim().replace(/\s+/g, ' ');
  return (legacy, candidate) => {
    const before = collapse(legacy);
    const after = collapse(candidate);
    if (before === after) return comparisonOf([]);
    if (config.minTextSimilarity < 1) {
      const similarity = textSimilarity(before, after);
      if (similarity >= config.minTextSimilarity) return comparisonOf([]);
      const reason = `similarity ${similarity.toFixed(2)} below ${config.minTextSimilarity}`;
      return comparisonOf([{ path: '$', legacy, candidate, reason }]);
    }
    return comparisonOf([{ path: '$', legacy, candidate, reason: 'text differs' }]);
  };
}

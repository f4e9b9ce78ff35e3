import type { Comparator, Difference } from '../comparison.js';
import { comparisonOf } from '../comparison-of.js';
import { elementwise } from '../elementwise.js';
import type { ChatConfig } from './chat-config.js';
import type { ChatButton, ChatMessage } from './chat-message.js';

type Keyboard = NonNullable<ChatMessage['buttons']>;

/**
 * Compares keyboards row by row and button by button: the number of rows,
 * the buttons in each row, and (as configured) their labels and actions.
 */
export function keyboardComparator(config: ChatConfig): Comparator<Keyboard | undefined> {
  const rows = elementwise(elementwise(buttonComparator(config)));
  return (legacy, candidate) => rows(legacy ?? [], candidate ?? []);
}

function buttonComparator(config: ChatConfig): Comparator<ChatButton> {
  return (legacy, candidate) => {
    const differences: Difference[] = [];
    const check = (field: keyof ChatButton, reason: string) => {
      const before = legacy[field]?.trim();
      const after = candidate[field]?.trim();
      if (before !== after) differences.push({ path: `$.${field}`, legacy: before, candidate: after, reason });
    };
    if (config.compareButtonLabels) check('text', 'label differs');
    if (config.compareButtonActions) {
      check('data', 'callback differs');
      check('url', 'link differs');
    }
    return comparisonOf(differences);
  };
}

import type { Comparator, Difference } from '../comparison.js';
import { comparisonOf } from '../comparison-of.js';
import { elementwise } from '../elementwise.js';
import { resolveJournalConfig } from './journal-config.js';
import type { JournalOptions } from './journal-config.js';

/** The answers offered under a question, as rows of button labels. */
export type JournalChoices = readonly (readonly string[])[];

/**
 * Choice keyboards: the same button structure (rows, choices per
 * row) with a non-blank label on every button; labels themselves only when
 * `compareChoiceLabels` is set, since the AI writes them afresh.
 */
export function choicesComparator(options?: JournalOptions): Comparator<JournalChoices | null | undefined> {
  const config = resolveJournalConfig(options);
  const rows = elementwise(elementwise(labelComparator(config.compareChoiceLabels)));
  return (legacy, candidate) => rows(legacy ?? [], candidate ?? []);
}

function labelComparator(compareLabels: boolean): Comparator<string> {
  return (legacy, candidate) => {
    const before = (legacy ?? '').trim();
    const after = (candidate ?? '').trim();
    const differences: Difference[] = [];
    if (after.length === 0) differences.push({ path: '$', legacy, candidate, reason: 'blank label' });
    else if (compareLabels && before !== after) differences.push({ path: '$', legacy, candidate, reason: 'label differs' });
    return comparisonOf(differences);
  };
}

export { followUpComparator } from './follow-up-comparator.js';
export { choicesComparator } from './choices-comparator.js';
export type { JournalChoices } from './choices-comparator.js';
export { queueStateComparator } from './queue-state-comparator.js';
export type { QueuedItem } from './queue-state-comparator.js';
export { DEFAULT_JOURNAL_CONFIG, resolveJournalConfig } from './journal-config.js';
export type { JournalConfig, JournalOptions } from './journal-config.js';

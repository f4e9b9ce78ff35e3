export type { Comparator, Comparison, Difference } from './comparison.js';

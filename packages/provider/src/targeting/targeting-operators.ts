/** The operators flagd adds to JSON Logic. */
export const FLAGD_OPERATORS = ['fractional', 'sem_ver', 'starts_with', 'ends_with'] as const;

/** The operator that stands in for `{"var": "$flagd.timestamp"}` after binding. */
export const NOW_OPERATOR = 'cutover.now';
/** The operator that stands in for `{"var": "$flagd.flagKey"}`: the key of the flag being evaluated. */
export const FLAG_KEY_OPERATOR = 'cutover.flagKey';
/** The operator that stands in for `{"var": "$flagd"}`: the whole object flagd adds to the context. */
export const FLAGD_OPERATOR = 'cutover.flagd';

/**
 * Every operator a rule may use: json-logic-engine's own (5.0.7, the version
 * the package pins; a test holds this list to the engine's) and flagd's. A file
 * is checked against it when it loads, before the engine itself is loaded,
 * which happens on the first evaluation of a rule.
 */
export const TARGETING_OPERATORS: ReadonlySet<string> = new Set([
  ...'+ * / - % throw max min in preserve if < <= > >= == === != !== or ?? try and substr length exists val map some all none merge filter reduce ! !! cat keys pipe eachKey every ?: not get var missing missing_some'.split(' '),
  ...FLAGD_OPERATORS,
  NOW_OPERATOR,
  FLAG_KEY_OPERATOR,
  FLAGD_OPERATOR,
]);

import { LogicEngine } from 'json-logic-engine';
import type { BucketingVersion } from '../hashing/bucketing.js';
import { BUCKETINGS } from '../hashing/bucketing-versions.js';
import { fractionalWith } from './fractional.js';
import { semVer } from './sem-ver.js';
import { endsWith, startsWith } from './string-compare.js';

/** The operator that stands in for `{"var": "$flagd.timestamp"}` after compilation. */
export const NOW_OPERATOR = 'cutover.now';
/** The operator that stands in for `{"var": "$flagd"}`: the whole object flagd adds to the context. */
export const FLAGD_OPERATOR = 'cutover.flagd';

const engines = new Map<BucketingVersion, LogicEngine>();

/**
 * `cat` as the flagd server (Go) does it: an absent value joins as the empty
 * string, where json-logic-engine writes "null". It matters when a `fractional`
 * bucketing key is built with `cat` from an attribute a context lacks.
 */
function concatenate(args: unknown): string {
  return (Array.isArray(args) ? args : [args]).map((part) => (part === null || part === undefined ? '' : String(part))).join('');
}

/**
 * The JSON Logic engine (the library flagd-core uses) with flagd's custom
 * operators, one per bucketing version. Rules are compiled once per flag into
 * plain functions.
 */
export function targetingEngine(bucketing: BucketingVersion): LogicEngine {
  let engine = engines.get(bucketing);
  if (!engine) {
    engine = new LogicEngine();
    engine.addMethod('fractional', fractionalWith(BUCKETINGS[bucketing]), { deterministic: false });
    engine.addMethod('sem_ver', semVer);
    engine.addMethod('starts_with', startsWith);
    engine.addMethod('ends_with', endsWith);
    engine.addMethod('cat', concatenate);
    engine.addMethod(NOW_OPERATOR, () => Math.floor(Date.now() / 1000), { deterministic: false });
    engine.addMethod(FLAGD_OPERATOR, (args: unknown) => ({ flagKey: (args as string[])[0], timestamp: Math.floor(Date.now() / 1000) }), { deterministic: false });
    engines.set(bucketing, engine);
  }
  return engine;
}

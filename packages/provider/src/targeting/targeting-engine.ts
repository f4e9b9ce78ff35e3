import { LogicEngine } from 'json-logic-engine';
import type { BucketingVersion } from '../hashing/bucketing.js';
import { BUCKETINGS } from '../hashing/bucketing-versions.js';
import { fractionalWith } from './fractional.js';
import { semVer } from './sem-ver.js';
import { endsWith, startsWith } from './string-compare.js';

/** The operator that stands in for `{"var": "$flagd.timestamp"}` after compilation. */
export const NOW_OPERATOR = 'cutover.now';

const engines = new Map<BucketingVersion, LogicEngine>();

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
    engine.addMethod(NOW_OPERATOR, () => Math.floor(Date.now() / 1000), { deterministic: false });
    engines.set(bucketing, engine);
  }
  return engine;
}

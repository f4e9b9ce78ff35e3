import { createRequire } from 'node:module';
import type { LogicEngine } from 'json-logic-engine';
import type { BucketingVersion } from '../hashing/bucketing.js';
import { BUCKETINGS } from '../hashing/bucketing-versions.js';
import { evaluationScratch } from './evaluation-scratch.js';
import { fractionalWith } from './fractional.js';
import { semVer } from './sem-ver.js';
import { endsWith, startsWith } from './string-compare.js';
import { FLAG_KEY_OPERATOR, FLAGD_OPERATOR, NOW_OPERATOR } from './targeting-operators.js';

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
 * operators, one per bucketing version. Rules are compiled into plain
 * functions. The library loads with the first engine, when a rule is first
 * evaluated: importing the provider, or loading files, does not pay for it.
 */
export function targetingEngine(bucketing: BucketingVersion): LogicEngine {
  let engine = engines.get(bucketing);
  if (!engine) {
    const { LogicEngine: Engine } = createRequire(import.meta.url)('json-logic-engine') as { LogicEngine: typeof LogicEngine };
    engine = new Engine();
    engine.addMethod('fractional', fractionalWith(BUCKETINGS[bucketing]), { deterministic: false });
    engine.addMethod('sem_ver', semVer);
    engine.addMethod('starts_with', startsWith);
    engine.addMethod('ends_with', endsWith);
    engine.addMethod('cat', concatenate);
    engine.addMethod(NOW_OPERATOR, () => Math.floor(Date.now() / 1000), { deterministic: false });
    engine.addMethod(FLAG_KEY_OPERATOR, () => evaluationScratch.flagKey, { deterministic: false });
    engine.addMethod(FLAGD_OPERATOR, () => ({ flagKey: evaluationScratch.flagKey, timestamp: Math.floor(Date.now() / 1000) }), { deterministic: false });
    engines.set(bucketing, engine);
  }
  return engine;
}

import { LogicEngine } from 'json-logic-engine';
import { fractional } from './fractional.js';
import { semVer } from './sem-ver.js';
import { endsWith, startsWith } from './string-compare.js';

/** The operator that stands in for `{"var": "$flagd.timestamp"}` after compilation. */
export const NOW_OPERATOR = 'cutover.now';

/**
 * One JSON Logic engine (the library flagd-core uses) with flagd's custom
 * operators. Rules are compiled once per flag into plain functions.
 */
export const targetingEngine = new LogicEngine();
targetingEngine.addMethod('fractional', fractional, { deterministic: false });
targetingEngine.addMethod('sem_ver', semVer);
targetingEngine.addMethod('starts_with', startsWith);
targetingEngine.addMethod('ends_with', endsWith);
targetingEngine.addMethod(NOW_OPERATOR, () => Math.floor(Date.now() / 1000), { deterministic: false });

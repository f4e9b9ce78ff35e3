export { createCutover } from './create-cutover.js';
export type { Cutover, CutoverMigrationInit } from './create-cutover.js';
export { resolveCutoverConfig } from './resolve-cutover-config.js';
export type { CutoverConfig, CutoverGuardOptions, CutoverOptions } from './cutover-options.js';

import type { StageMapping } from '../stages/stage-mapping.js';

/**
 * A chat bot's router read as one migration's stage: parallel mode runs both
 * and the new flag picks which answers; the new flag alone runs only the new
 * path; shadow mode runs the new one unseen.
 */
export const NUTRIBOT_STAGES: StageMapping = {
  rules: [
    { when: { PARALLEL_MODE: true, USE_NEW_NUTRIBOT: true }, stage: 'live' },
    { when: { PARALLEL_MODE: true }, stage: 'shadow' },
    { when: { USE_NEW_NUTRIBOT: true }, stage: 'complete' },
    { when: { SHADOW_MODE: true }, stage: 'shadow' },
  ],
  otherwise: 'off',
};

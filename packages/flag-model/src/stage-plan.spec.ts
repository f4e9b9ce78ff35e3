import { describe, expect, it } from 'vitest';
import { MIGRATION_STAGES } from './migration-stage.js';
import { READ_PLAN, WRITE_PLAN } from './stage-plan.js';

describe('stage plans', () => {
  it('give each stage a read and a write plan', () => {
    for (const stage of MIGRATION_STAGES) {
      expect(READ_PLAN[stage]).toBeDefined();
      expect(WRITE_PLAN[stage]).toBeDefined();
    }
  });
});

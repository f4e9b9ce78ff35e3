import { MIGRATION_STAGES } from '@cutover/provider';
import { describe, expect, it } from 'vitest';
import { READ_PLAN, STAGES, WRITE_PLAN } from './stage.js';

describe('STAGES', () => {
  it('are exactly the stages flag files are validated against, in the same order', () => {
    expect(STAGES).toEqual(MIGRATION_STAGES);
  });

  it('each have a read and a write plan', () => {
    for (const stage of STAGES) {
      expect(READ_PLAN[stage]).toBeDefined();
      expect(WRITE_PLAN[stage]).toBeDefined();
    }
  });
});

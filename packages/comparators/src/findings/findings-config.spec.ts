import { describe, expect, it } from 'vitest';
import { DEFAULT_FINDINGS_CONFIG, resolveFindingsConfig } from './findings-config.js';

describe(resolveFindingsConfig.name, () => {
  it('defaults to warnings beyond ±10 % on the `type` field and no error threshold', () => {
    expect(resolveFindingsConfig()).toEqual({ typeKey: 'type', warnBeyond: 0.1, failBeyond: null });
    expect(resolveFindingsConfig({})).toEqual(DEFAULT_FINDINGS_CONFIG);
  });

  it('names the bad option, including a failure threshold below the warning one', () => {
    expect(() => resolveFindingsConfig({ typeKey: '' })).toThrow(/"typeKey"/);
    expect(() => resolveFindingsConfig({ warnBeyond: 0.5, failBeyond: 0.2 })).toThrow(/"failBeyond"/);
  });
});

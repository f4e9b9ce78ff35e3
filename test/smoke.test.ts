import { expect, it } from 'vitest';
import { hello } from '@cutover/provider';
it('resolves workspace sources', () => { expect(hello).toBe('world'); });

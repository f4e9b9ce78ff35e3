import { describe, expect, it } from 'vitest';
import type { LayerResolution } from '../layer-resolution.js';
import { RemoteMarks } from './remote-marks.js';

const answer: LayerResolution = Object.freeze({ value: 'live', variant: 'live', reason: 'SPLIT', flagMetadata: Object.freeze({ source: 'file', flagSetId: 'app' }) });

describe(RemoteMarks.name, () => {
  it('names the answer "remote" and keeps the rest as evaluated', () => {
    expect(new RemoteMarks().current(answer)).toEqual({ ...answer, flagMetadata: { source: 'remote', flagSetId: 'app' } });
  });

  it('adds stale: true to an answer from the last synced configuration', () => {
    expect(new RemoteMarks().lastSynced(answer)).toEqual({ ...answer, flagMetadata: { source: 'remote', flagSetId: 'app', stale: true } });
  });

  it('marks an answer once and reuses the copy', () => {
    const marks = new RemoteMarks();
    expect(marks.current(answer)).toBe(marks.current(answer));
    expect(marks.lastSynced(answer)).toBe(marks.lastSynced(answer));
  });
});

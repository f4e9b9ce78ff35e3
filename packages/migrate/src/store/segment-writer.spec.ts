import { describe, expect, it, vi } from 'vitest';
import { FakeFileSystem } from '../testing/fake-file-system.js';
import { SegmentWriter } from './segment-writer.js';

const line = (i: number): string => `{"seq":${String(i).padStart(3, '0')}}\n`;

function writer(fileSystem: FakeFileSystem) {
  const onWriteError = vi.fn();
  const segments = new SegmentWriter({ directory: '/store', maxQueuedBytes: 1 << 20, onWriteError, fileSystem });
  return { segments, onWriteError };
}

describe(SegmentWriter.name, () => {
  it('counts as lost only the records that did not reach a full disk', async () => {
    const size = line(0).length;
    // Room for three whole lines and half of the fourth.
    const disk = new FakeFileSystem(3 * size + Math.floor(size / 2));
    const { segments, onWriteError } = writer(disk);
    const done = vi.fn();
    for (let i = 0; i < 8; i++) void segments.append('2026-03-01', line(i))?.then(done);
    await segments.flush();
    expect(done).toHaveBeenCalledTimes(8);
    expect(onWriteError).toHaveBeenCalledTimes(1);
    expect(onWriteError).toHaveBeenCalledWith(expect.objectContaining({ code: 'ENOSPC' }), 5);
    expect(disk.lines().slice(0, 3)).toEqual([0, 1, 2].map((i) => line(i).trim()));
  });

  it('counts the whole batch as lost when nothing reached the disk', async () => {
    const { segments, onWriteError } = writer(new FakeFileSystem(0));
    for (let i = 0; i < 4; i++) void segments.append('2026-03-01', line(i));
    await segments.flush();
    expect(onWriteError).toHaveBeenCalledWith(expect.objectContaining({ code: 'ENOSPC' }), 4);
  });

  it('starts a fresh file after a failed write, so a torn line stays the last of its file', async () => {
    const size = line(0).length;
    const disk = new FakeFileSystem(size + 3);
    const { segments } = writer(disk);
    void segments.append('2026-03-01', line(0));
    void segments.append('2026-03-01', line(1));
    await segments.flush();
    expect(disk.files.size).toBe(1);
    void segments.append('2026-03-01', line(2));
    await segments.flush();
    expect(disk.files.size).toBe(2);
  });
});

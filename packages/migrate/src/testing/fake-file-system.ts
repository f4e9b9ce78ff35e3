import { basename } from 'node:path';
import type { FileIdentity, SegmentFile, SegmentFileSystem } from '../store/segment-file-system.js';

/** An errno-style error, as node:fs raises them. */
function fsError(code: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${path}`), { code, path });
}

/**
 * A file system in memory for the segment writer, with a disk of limited
 * capacity: writes past it are short, then fail with ENOSPC, as on a full disk.
 */
export class FakeFileSystem implements SegmentFileSystem {
  /** File contents by name. */
  readonly files = new Map<string, Buffer>();
  private readonly inodes = new Map<string, number>();
  private nextInode = 1;

  constructor(private capacity = Number.POSITIVE_INFINITY) {}

  async mkdir(): Promise<undefined> {
    return undefined;
  }

  async open(path: string): Promise<SegmentFile> {
    const name = basename(path);
    if (!this.files.has(name)) {
      this.files.set(name, Buffer.alloc(0));
      this.inodes.set(name, this.nextInode++);
    }
    const ino = this.inodes.get(name) ?? 0;
    return {
      write: async (buffer, offset, length) => {
        if (this.capacity <= 0) throw fsError('ENOSPC', path);
        const bytesWritten = Math.min(length, this.capacity);
        this.capacity -= bytesWritten;
        const before = this.files.get(name) ?? Buffer.alloc(0);
        this.files.set(name, Buffer.concat([before, buffer.subarray(offset, offset + bytesWritten)]));
        return { bytesWritten };
      },
      stat: async () => ({ dev: 1, ino }),
      close: async () => undefined,
    };
  }

  async stat(path: string): Promise<FileIdentity> {
    const ino = this.inodes.get(basename(path));
    if (ino === undefined) throw fsError('ENOENT', path);
    return { dev: 1, ino };
  }

  /** The lines of every file, in file-name order, the torn tail of a file included. */
  lines(): string[] {
    return [...this.files.keys()].sort().flatMap((name) => (this.files.get(name) ?? Buffer.alloc(0)).toString('utf8').split('\n').filter(Boolean));
  }
}

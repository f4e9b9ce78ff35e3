import { mkdir, open, stat } from 'node:fs/promises';

/** Which file a path or a handle is: a path whose identity changed no longer names the open file. */
export interface FileIdentity {
  readonly dev: number;
  readonly ino: number;
}

/** An open segment file: `node:fs/promises`' `FileHandle` is one. */
export interface SegmentFile {
  /** One write(2): may write fewer bytes than asked (a disk filling up), or reject. */
  write(buffer: Uint8Array, offset: number, length: number): Promise<{ bytesWritten: number }>;
  stat(): Promise<FileIdentity>;
  close(): Promise<void>;
}

/** The file system calls a segment writer makes; a test passes a fake to inject disk faults. */
export interface SegmentFileSystem {
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
  /** Opens for appending (`'a'`), creating the file. */
  open(path: string, flags: 'a'): Promise<SegmentFile>;
  stat(path: string): Promise<FileIdentity>;
}

/** The real file system. */
export const NODE_FILE_SYSTEM: SegmentFileSystem = { mkdir, open, stat };

// `2026-05-01.4242-9f3a1c2e.jsonl`: the UTC day, then the writer that owns the file.
const SEGMENT = /^(\d{4}-\d{2}-\d{2})\.([A-Za-z0-9_-]+)\.jsonl$/;

/** One writer's file of one day. */
export interface DayFile {
  readonly name: string;
  /** `YYYY-MM-DD`, UTC. */
  readonly day: string;
  readonly writer: string;
}

/** The UTC day (`YYYY-MM-DD`) of an ISO timestamp or a date. */
export function dayOf(time: string | Date): string {
  return (typeof time === 'string' ? time : time.toISOString()).slice(0, 10);
}

/** The file name of `writer`'s segment for `day`. */
export function dayFileName(day: string, writer: string): string {
  return `${day}.${writer}.jsonl`;
}

/** Parses a file name of the store; `undefined` for anything else in the directory. */
export function parseDayFile(name: string): DayFile | undefined {
  const match = SEGMENT.exec(name);
  if (!match?.[1] || !match[2]) return undefined;
  return { name, day: match[1], writer: match[2] };
}

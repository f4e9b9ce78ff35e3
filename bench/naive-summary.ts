import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** What the naive reader computes: the figures a summary gives. */
export interface NaiveSummary {
  readonly total: number;
  readonly matchRate: number;
  readonly legacyP95Ms: number;
}

interface Line {
  readonly outcome: string;
  readonly legacy: { readonly durationMs: number };
  readonly candidate: { readonly durationMs: number };
}

/**
 * The summary anyone would write first: `readline` over every JSONL file,
 * `JSON.parse` per line, durations collected and sorted for the p95. The
 * baseline the store's summary is measured against, in the same run.
 */
export async function naiveSummary(directory: string): Promise<NaiveSummary> {
  let total = 0;
  let matches = 0;
  let mismatches = 0;
  const legacy: number[] = [];
  const candidate: number[] = [];
  for (const name of (await readdir(directory)).filter((n) => n.endsWith('.jsonl'))) {
    for await (const text of createInterface({ input: createReadStream(join(directory, name)), crlfDelay: Infinity })) {
      if (text === '') continue;
      const line = JSON.parse(text) as Line;
      total++;
      if (line.outcome === 'match') matches++;
      else if (line.outcome === 'mismatch') mismatches++;
      legacy.push(line.legacy.durationMs);
      candidate.push(line.candidate.durationMs);
    }
  }
  legacy.sort((a, b) => a - b);
  candidate.sort((a, b) => a - b);
  return { total, matchRate: matches + mismatches === 0 ? 1 : matches / (matches + mismatches), legacyP95Ms: legacy[Math.floor(0.95 * (legacy.length - 1))] ?? 0 };
}

import type { ComparisonRecord } from '../store/comparison-record.js';
import type { ComparisonSink } from '../store/comparison-sink.js';

/** A comparison sink that keeps records in memory, for specs. */
export class MemorySink implements ComparisonSink {
  readonly records: ComparisonRecord[] = [];

  async record(record: ComparisonRecord): Promise<void> {
    this.records.push(record);
  }
}

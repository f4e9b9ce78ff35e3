// The native exposition needs five small messages of one fixed schema, written
// once per scrape; a hand-written encoder of the three wire types they use
// spares the package a protobuf runtime and a code generation step.

const VARINT = 0;
const FIXED64 = 1;
const LENGTH_DELIMITED = 2;

/**
 * Writes protocol buffer fields (varint, zigzag, double, bytes, nested
 * messages) into a growing byte list. Integers are JavaScript numbers, exact
 * up to 2^53, which counts of calls never reach.
 */
export class ProtobufWriter {
  private readonly bytes: number[] = [];
  private static readonly scratch = new DataView(new ArrayBuffer(8));

  /** A `uint32` / `uint64` / enum field. */
  uint(field: number, value: number): this {
    this.tag(field, VARINT);
    this.varint(value);
    return this;
  }

  /** A `sint32` / `sint64` field (zigzag: 0, −1, 1, −2 … as 0, 1, 2, 3 …). */
  sint(field: number, value: number): this {
    this.tag(field, VARINT);
    this.varint(value >= 0 ? value * 2 : -value * 2 - 1);
    return this;
  }

  /** A `double` field, little-endian. */
  double(field: number, value: number): this {
    this.tag(field, FIXED64);
    ProtobufWriter.scratch.setFloat64(0, value, true);
    for (let i = 0; i < 8; i++) this.bytes.push(ProtobufWriter.scratch.getUint8(i));
    return this;
  }

  /** A `string` field, UTF-8. */
  string(field: number, value: string): this {
    return this.bytesField(field, new TextEncoder().encode(value));
  }

  /** An embedded message field, written by `write` into a writer of its own. */
  message(field: number, write: (writer: ProtobufWriter) => void): this {
    const nested = new ProtobufWriter();
    write(nested);
    return this.bytesField(field, nested.bytes);
  }

  /** The bytes so far, prefixed with their length as a varint (the `delimited` stream encoding). */
  delimited(): number[] {
    const prefix = new ProtobufWriter();
    prefix.varint(this.bytes.length);
    return [...prefix.bytes, ...this.bytes];
  }

  /** The bytes so far. */
  finish(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }

  private bytesField(field: number, value: ArrayLike<number>): this {
    this.tag(field, LENGTH_DELIMITED);
    this.varint(value.length);
    for (let i = 0; i < value.length; i++) this.bytes.push(value[i]!);
    return this;
  }

  private tag(field: number, wireType: number): void {
    this.varint(field * 8 + wireType);
  }

  // Division, not bit shifts: JavaScript's shifts stop at 32 bits.
  private varint(value: number): void {
    let rest = Math.max(0, Math.floor(value));
    while (rest >= 0x80) {
      this.bytes.push((rest % 0x80) | 0x80);
      rest = Math.floor(rest / 0x80);
    }
    this.bytes.push(rest);
  }
}

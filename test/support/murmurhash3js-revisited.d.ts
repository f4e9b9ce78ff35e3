// The package ships no types; this covers what the parity test uses of the
// CommonJS object it exports.
declare module 'murmurhash3js-revisited' {
  /** MurmurHash3's x86 variants. */
  export const x86: {
    /** MurmurHash3 x86 32-bit over bytes (integers 0–255), as an unsigned integer. */
    hash32(bytes: Uint8Array | readonly number[], seed?: number): number;
  };
  /** Whether every call checks that its input is an array of bytes. @default true */
  export let inputValidation: boolean;
}

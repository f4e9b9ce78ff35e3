/** The kind of a value as a reader of a difference would name it. */
export type ValueKind =
  | 'undefined'
  | 'null'
  | 'boolean'
  | 'number'
  | 'bigint'
  | 'string'
  | 'symbol'
  | 'function'
  | 'array'
  | 'date'
  | 'map'
  | 'set'
  | 'object';

/** Names the kind of a value; unlike `typeof`, tells arrays, null and dates apart. */
export function valueKind(value: unknown): ValueKind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Date) return 'date';
  if (value instanceof Map) return 'map';
  if (value instanceof Set) return 'set';
  return typeof value;
}

/**
 * Places a path reported by an inner comparator under the path of the value it
 * compared: `prefixPath('$.food', '$.items[2]')` is `$.food.items[2]`.
 */
export function prefixPath(prefix: string, path: string): string {
  if (prefix === '$') return path;
  return path.startsWith('$') ? prefix + path.slice(1) : `${prefix}.${path}`;
}

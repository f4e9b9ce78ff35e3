import semver from 'semver';
import type { SemVer } from 'semver';

/** Accepts `v1.2.3`, `1.2`, `1` and numbers, as the flagd server does; null when not a version. */
function toVersion(raw: unknown): SemVer | null {
  const text = String(raw).replace(/^[vV]/, '');
  const strict = semver.parse(text);
  if (strict) return strict;
  return /^\d+(\.\d+)?$/.test(text) ? semver.coerce(text) : null;
}

/** flagd's `sem_ver` operator: `[version, operator, version]`, null when malformed. */
export function semVer(args: unknown): boolean | null {
  if (!Array.isArray(args) || args.length !== 3) return null;
  const left = toVersion(args[0]);
  const right = toVersion(args[2]);
  if (!left || !right) return null;
  const order = semver.compare(left, right);
  switch (String(args[1])) {
    case '=':
      return order === 0;
    case '!=':
      return order !== 0;
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    case '>=':
      return order >= 0;
    case '^':
      return left.major === right.major;
    case '~':
      return left.major === right.major && left.minor === right.minor;
    default:
      return null;
  }
}

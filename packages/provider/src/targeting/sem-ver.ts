import { createRequire } from 'node:module';
import type * as Semver from 'semver';
import type { SemVer } from 'semver';

/** semver, loaded by the first `sem_ver` a rule evaluates: most flag sets never use the operator. */
let library: typeof Semver | undefined;
const semver = (): typeof Semver => (library ??= createRequire(import.meta.url)('semver') as typeof Semver);

/**
 * The versions flagd's `sem_ver` accepts (Go's golang.org/x/mod/semver after
 * flagd adds the `v`): `v1`, `v1.2` and `v1.2.3`, a pre-release and build only
 * after a full version, no leading zeros.
 */
const GO_SEMVER = /^v(0|[1-9]\d*)(?:\.(0|[1-9]\d*)(?:\.(0|[1-9]\d*)(-(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*)?(\+[0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*)?)?)?$/;

/**
 * A context or rule value as a version, as flagd reads it: any value as its
 * text (a number `2` is "2"), a `v` prefixed unless there is one (`V` becomes
 * `v`), partial versions completed with zeros; null when not a version.
 */
function toVersion(raw: unknown): SemVer | null {
  let text = typeof raw === 'string' ? raw : String(raw);
  if (!text.startsWith('v')) text = `v${text.replace(/^V/, '')}`;
  const match = GO_SEMVER.exec(text);
  if (!match) return null;
  const [, major, minor = '0', patch = '0', prerelease = '', build = ''] = match;
  return semver().parse(`${major}.${minor}.${patch}${prerelease}${build}`);
}

/** flagd's `sem_ver` operator: `[version, operator, version]`, null when malformed. */
export function semVer(args: unknown): boolean | null {
  if (!Array.isArray(args) || args.length !== 3 || typeof args[1] !== 'string') return null;
  const left = toVersion(args[0]);
  const right = toVersion(args[2]);
  if (!left || !right) return null;
  const order = semver().compare(left, right);
  switch (args[1]) {
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

import { pointerSegment } from './json-location.js';
import { containsReference } from './resolve-evaluators.js';
import type { UnresolvedReference } from './resolve-evaluators.js';

/** A `$ref` in a rule as written, with where it is. */
interface WrittenReference {
  readonly name: string;
  readonly jsonPath: string;
}

/**
 * Counts, without expanding anything, how many JSON nodes the `$ref`s of a
 * rule would copy in from `$evaluators`, each evaluator's expanded size
 * computed once, so the count takes time linear in the file even where the
 * expansion would be exponential. A reference that cannot be resolved (no
 * such evaluator, a cycle) counts as the one node it stays.
 */
export class ReferencedSize {
  private readonly sizes = new Map<string, number>();
  private readonly open = new Set<string>();

  constructor(private readonly evaluators: Readonly<Record<string, unknown>>) {}

  /**
   * The first problem with `logic` against `limit`: the `$ref` of the rule
   * that copies in the most, with the count in words, when the rule's
   * references copy more than `limit` nodes in all; undefined otherwise.
   */
  check(logic: unknown, jsonPath: string, limit: number): UnresolvedReference | undefined {
    if (!containsReference(logic)) return undefined;
    const references: WrittenReference[] = [];
    collectReferences(logic, jsonPath, references);
    let copied = 0;
    let largest: (WrittenReference & { size: number }) | undefined;
    for (const reference of references) {
      const size = this.evaluatorSize(reference.name);
      copied += size;
      if (!largest || size > largest.size) largest = { ...reference, size };
    }
    if (copied <= limit || !largest) return undefined;
    return {
      jsonPath: `${largest.jsonPath}/$ref`,
      reason: `"$ref"s would copy ${count(copied)} nodes of "$evaluators" into this rule (at most ${count(limit)}), "${largest.name}" alone ${count(largest.size)}: evaluators that reference each other more than once multiply`,
    };
  }

  /** The nodes `$evaluators[name]` expands to. */
  private evaluatorSize(name: string): number {
    const known = this.sizes.get(name);
    if (known !== undefined) return known;
    if (!Object.hasOwn(this.evaluators, name) || this.open.has(name)) return 1;
    this.open.add(name);
    const size = this.nodes(this.evaluators[name]);
    this.open.delete(name);
    this.sizes.set(name, size);
    return size;
  }

  private nodes(logic: unknown): number {
    if (Array.isArray(logic)) return logic.reduce((sum: number, item) => sum + this.nodes(item), 1);
    if (logic === null || typeof logic !== 'object') return 1;
    const name = referenceName(logic);
    if (name !== undefined) return this.evaluatorSize(name);
    return Object.values(logic).reduce((sum: number, value) => sum + this.nodes(value), 1);
  }
}

function collectReferences(logic: unknown, jsonPath: string, into: WrittenReference[]): void {
  if (Array.isArray(logic)) logic.forEach((item, i) => collectReferences(item, `${jsonPath}/${i}`, into));
  else if (logic !== null && typeof logic === 'object') {
    const name = referenceName(logic);
    if (name !== undefined) into.push({ name, jsonPath });
    else for (const [key, value] of Object.entries(logic)) collectReferences(value, `${jsonPath}/${pointerSegment(key)}`, into);
  }
}

/** The evaluator a `{"$ref": "name"}` node names. */
function referenceName(logic: object): string | undefined {
  const keys = Object.keys(logic);
  const name = (logic as { $ref?: unknown }).$ref;
  return keys.length === 1 && keys[0] === '$ref' && typeof name === 'string' ? name : undefined;
}

/** `1 048 575`, as the rest of the messages write numbers. */
function count(value: number): string {
  return value >= 1e15 ? value.toExponential(1) : Math.round(value).toLocaleString('en').replace(/,/g, ' ');
}

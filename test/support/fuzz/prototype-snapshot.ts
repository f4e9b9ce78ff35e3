/** The own property names of the built-in prototypes a parser or evaluator could pollute. */
export function prototypeSnapshot(): string {
  const prototypes = { Object: Object.prototype, Array: Array.prototype, Function: Function.prototype, String: String.prototype };
  return JSON.stringify(Object.entries(prototypes).map(([name, prototype]) => [name, Reflect.ownKeys(prototype).map(String).sort()]));
}

/** What a polluted `Object.prototype` would make every object answer: the inherited names a hostile input may have set. */
export function inheritedPollution(): string[] {
  const probe: Record<string, unknown> = {};
  return ['polluted', 'isAdmin', 'flags', 'variants', 'targeting', 'state', 'defaultVariant', 'toString'].filter((name) => name !== 'toString' ? probe[name] !== undefined : probe.toString !== Object.prototype.toString);
}

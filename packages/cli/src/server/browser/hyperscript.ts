const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * An attribute of {@link h} and {@link svg}: `text` sets the text content, a
 * function under an `on…` key listens to that event, `true` sets an empty
 * attribute, and null, undefined or false set nothing.
 */
export type AttributeValue = string | number | boolean | null | undefined | ((event: Event) => void);

/** The attributes of an element, by name. */
export type Attributes = Readonly<Record<string, AttributeValue>>;

/** A child: a node, a string (as text), or null, undefined or false (skipped, for conditional children). */
export type Child = Node | string | null | undefined | false;

/** Creates an HTML element with its attributes and children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, children: readonly Child[] = []): HTMLElementTagNameMap[K] {
  return appendAll(setAttributes(document.createElement(tag), attributes), children);
}

/** Creates an SVG element with its attributes and children. */
export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Attributes = {}, children: readonly Child[] = []): SVGElementTagNameMap[K] {
  return appendAll(setAttributes(document.createElementNS(SVG_NS, tag), attributes), children);
}

/** Appends the children that are not skipped. */
export function appendAll<T extends ParentNode>(node: T, children: readonly Child[]): T {
  for (const child of children) {
    if (child !== null && child !== undefined && child !== false) node.append(child);
  }
  return node;
}

/** Replaces every child of `node`. */
export function replaceChildren<T extends ParentNode>(node: T, children: readonly Child[]): T {
  node.replaceChildren();
  return appendAll(node, children);
}

function setAttributes<T extends Element>(node: T, attributes: Attributes): T {
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'text') node.textContent = String(value);
    else if (typeof value === 'function') node.addEventListener(key.replace(/^on/, ''), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  return node;
}

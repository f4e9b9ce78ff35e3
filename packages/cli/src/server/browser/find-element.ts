/**
 * The page shell's element matching `selector`, checked to be a `type`
 * (`HTMLElement` unless told).
 * @throws {Error} when the shell lacks it: the server and the script disagree
 */
export function findElement(selector: string): HTMLElement;
export function findElement<T extends Element>(selector: string, type: abstract new () => T): T;
export function findElement(selector: string, type: abstract new () => Element = HTMLElement): Element {
  const found = document.querySelector(selector);
  if (!(found instanceof type)) throw new Error(`the page has no ${type.name} at "${selector}"`);
  return found;
}

import { findElement } from './find-element.js';

/** How a message reads: a success, an error, or neutral (`''`). */
export type NoticeKind = 'ok' | 'error' | '';

/** Shows `text` in the banner under the header; an empty text hides it. */
export function notice(text: string, kind: NoticeKind): void {
  const node = findElement('#notice');
  node.hidden = !text;
  node.className = `notice ${kind}`;
  node.textContent = text;
}

/**
 * Folds away differences no reader would notice: case, accents, punctuation
 * and runs of whitespace. `Café  au-lait!` becomes `cafe au lait`.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

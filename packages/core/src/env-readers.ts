/**
 * Turns an environment variable's text into an option value. Returning the
 * text unchanged lets the schema reject it with its own message.
 */
export type EnvReader = (raw: string) => unknown;

/** The text as is. */
export const envString: EnvReader = (raw) => raw;

/** A number (`"250"` → 250); anything else stays text, so the schema names it. */
export const envNumber: EnvReader = (raw) => {
  const trimmed = raw.trim();
  const value = Number(trimmed);
  return trimmed === '' || Number.isNaN(value) ? raw : value;
};

/** A comma-separated list, items trimmed, empty items dropped. */
export const envList: EnvReader = (raw) =>
  raw
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');

const TRUE = new Set(['true', '1', 'yes', 'on']);
const FALSE = new Set(['false', '0', 'no', 'off']);

/** `true/1/yes/on` or `false/0/no/off` (any case); anything else stays text, so the schema names it. */
export const envBoolean: EnvReader = (raw) => {
  const word = raw.trim().toLowerCase();
  if (TRUE.has(word)) return true;
  if (FALSE.has(word)) return false;
  return raw;
};

/** Wraps `read` so that a blank variable (`FLAGD_HOST=`) leaves the option unset instead of reaching the schema. */
export function unlessBlank(read: EnvReader): EnvReader {
  return (raw) => (raw.trim() === '' ? undefined : read(raw));
}

/** A comma-separated list of numbers (`"0.1, 0.5,1"`); an item that is not a number stays text, so the schema names it. */
export const envNumberList: EnvReader = (raw) => (envList(raw) as string[]).map(envNumber);

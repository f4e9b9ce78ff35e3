/** Shown for a number the API does not have (no calls, no comparisons). */
const MISSING = '–';

/** A ratio as a percentage: `97.5 %`. */
export function pct(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined) return MISSING;
  return `${(value * 100).toFixed(digits)} %`;
}

/** A duration in milliseconds: one decimal under 10 ms, whole numbers above. */
export function msText(value: number | null | undefined): string {
  if (value === null || value === undefined) return MISSING;
  return value < 10 ? `${value.toFixed(1)} ms` : `${Math.round(value).toLocaleString()} ms`;
}

/** A count with the reader's digit grouping. */
export function count(value: number | null | undefined): string {
  return value === null || value === undefined ? MISSING : Number(value).toLocaleString();
}

/** Hours and minutes of an ISO time, for chart axes. */
export function clock(iso: string): string {
  return new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/** An ISO time to the second, with the date unless it is today. */
export function when(iso: string): string {
  const date = new Date(iso);
  const today = new Date().toDateString() === date.toDateString();
  const time = date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return today ? time : `${date.toLocaleDateString()} ${time}`;
}

/** A length of time in the largest unit that keeps it readable: `90 s`, `5 min`, `3 h`, `2 d`. */
export function duration(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172800) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86400)} d`;
}

/** Whether a targeting value does anything: flagd treats an absent targeting, `null` and `{}` alike, as none. */
export function hasTargeting(targeting: unknown): boolean {
  return targeting !== undefined && targeting !== null && !(typeof targeting === 'object' && Object.keys(targeting).length === 0);
}

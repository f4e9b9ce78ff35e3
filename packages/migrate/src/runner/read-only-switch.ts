/**
 * What turns read-only mode on: a fixed answer, an environment variable read
 * once (`true/1/yes/on` or `false/0/no/off`, unset or blank is off), or a
 * boolean flag evaluated per call with the caller's context.
 */
export type ReadOnlySwitch = boolean | { readonly env: string } | { readonly flag: string };

/** How one run of one implementation ended; shared by the runner's observations and the stored records. */
export type ObservationStatus = 'ok' | 'error' | 'timeout';

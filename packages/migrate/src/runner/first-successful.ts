import type { Observation } from './observation.js';

/**
 * The first of two runs to succeed; when neither does, `preferred`'s outcome
 * (the stage's authoritative path), so a failure reads as it would without the race.
 */
export function firstSuccessful<O>(preferred: Promise<Observation<O>>, other: Promise<Observation<O>>): Promise<Observation<O>> {
  return new Promise((resolve) => {
    let failed = 0;
    let preferredFailure: Observation<O> | undefined;
    const settle = (observation: Observation<O>, isPreferred: boolean): void => {
      if (observation.status === 'ok') return resolve(observation);
      if (isPreferred) preferredFailure = observation;
      if (++failed === 2) resolve(preferredFailure!);
    };
    // Observations never reject (observe catches), so no rejection handler is needed.
    void preferred.then((observation) => settle(observation, true));
    void other.then((observation) => settle(observation, false));
  });
}

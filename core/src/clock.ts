import type { Clock } from '@preau/sdk';

export { parisDay } from '@preau/sdk';

/** The wall clock. */
export const systemClock: Clock = { now: () => new Date() };

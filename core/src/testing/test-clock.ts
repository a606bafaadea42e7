import type { Clock } from '@preau/sdk';

/** A clock tests move by hand: it stands still until told otherwise. */
export interface TestClock extends Clock {
  set(instant: Date | string): void;
  advance(milliseconds: number): void;
}

/** A clock set to `start` (by default a school day: Thursday 26 November 2026, 10:00 in Paris). */
export function createTestClock(start: Date | string = '2026-11-26T09:00:00Z'): TestClock {
  let now = new Date(start);
  return {
    now: () => new Date(now),
    set: (instant) => void (now = new Date(instant)),
    advance: (milliseconds) => void (now = new Date(now.getTime() + milliseconds)),
  };
}

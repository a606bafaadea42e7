import type { Clock } from '@preau/sdk';

/** The wall clock. */
export const systemClock: Clock = { now: () => new Date() };

/** The calendar day of an instant in Europe/Paris, as 'YYYY-MM-DD': school days follow French time. */
export function parisDay(instant: Date): string {
  return instant.toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
}

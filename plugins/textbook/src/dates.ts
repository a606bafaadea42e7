/** Days as the school counts them: Europe/Paris calendar days written "2026-11-26". */

// Homework "for tomorrow" means tomorrow in Paris, not in UTC.
export { parisDay } from '@preau/sdk';

/** The day `days` after `day` (negative: before). Noon UTC keeps daylight saving out of the count. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** 0 for Monday … 6 for Sunday. */
export function weekday(day: string): number {
  return (new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7;
}

/** The days classes are held, 0 for Monday: the four-day week most primary schools keep (no Wednesday). */
export const FOUR_DAY_WEEK: readonly number[] = [0, 1, 3, 4];

/** The school days of the plugin's settings (1 = Monday there), 0 for Monday here. */
export function schoolDaysOf(settings: Record<string, unknown>): number[] {
  const days = Array.isArray(settings.schoolDays) ? settings.schoolDays.map(Number) : [];
  return days.length ? days.map((d) => d - 1) : [...FOUR_DAY_WEEK];
}

/** The next school day after `day`: Friday's "pour demain" is Monday's homework, Tuesday's is Thursday's. */
export function nextSchoolDay(day: string, schoolDays: readonly number[] = FOUR_DAY_WEEK): string {
  let next = addDays(day, 1);
  for (let n = 0; n < 7 && !schoolDays.includes(weekday(next)); n += 1) next = addDays(next, 1);
  return next;
}

/** The Monday of the week of `day`. */
export function mondayOf(day: string): string {
  return addDays(day, -weekday(day));
}

/** Whole days from `from` to `to` (`to` - `from`). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);
}

/** Where a homework due on `due` stands for a family looking on `today`: the family page's three headings (and today's). */
export type DueBucket = 'today' | 'tomorrow' | 'week' | 'later';

export function bucketOf(due: string, today: string, schoolDays: readonly number[] = FOUR_DAY_WEEK): DueBucket {
  if (due <= today) return 'today';
  const next = nextSchoolDay(today, schoolDays);
  if (due <= next) return 'tomorrow';
  // On a Friday evening or a weekend, "cette semaine" is the coming school week.
  if (due <= addDays(mondayOf(next), 6)) return 'week';
  return 'later';
}

const FRENCH_DAY = new Intl.DateTimeFormat('fr-FR', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });

/** "jeudi 26 novembre": how a day is written on paper. */
export function frenchDay(day: string): string {
  return FRENCH_DAY.format(new Date(`${day}T12:00:00Z`));
}

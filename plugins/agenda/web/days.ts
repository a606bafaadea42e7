// Days as 'YYYY-MM-DD' strings of the Paris calendar: arithmetic on UTC dates at midnight, which have no DST,
// so the views never depend on the browser's own time zone.

const PARIS_DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today in Paris. */
export const today = (): string => PARIS_DAY.format(new Date());

const asDate = (day: string) => new Date(`${day}T00:00:00Z`);
const asDay = (date: Date) => date.toISOString().slice(0, 10);

export const addDays = (day: string, days: number): string => asDay(new Date(asDate(day).getTime() + days * 86_400_000));

export function addMonths(day: string, months: number): string {
  const date = asDate(day);
  return asDay(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1)));
}

/** Monday of the day's week (French weeks start on Monday). */
export const mondayOf = (day: string): string => addDays(day, -((asDate(day).getUTCDay() + 6) % 7));

export const firstOfMonth = (day: string): string => `${day.slice(0, 8)}01`;

/** The days of the month's grid: whole weeks, Monday to Sunday, around the month of `day`. */
export function monthGrid(day: string): string[] {
  const start = mondayOf(firstOfMonth(day));
  const last = addDays(addMonths(day, 1), -1);
  const days: string[] = [];
  for (let d = start; d <= last || days.length % 7 !== 0; d = addDays(d, 1)) days.push(d);
  return days;
}

/** An instant safely before the Paris start of `day` (the server cuts on real instants; the views on days). */
export const instantBefore = (day: string): string => new Date(asDate(day).getTime() - 2 * 3_600_000).toISOString();

const formats = new Map<string, Intl.DateTimeFormat>();
/** Formats a day in the user's language ('fr-FR' / 'en-GB'), read as a calendar day (UTC midnight). */
export function formatDayOf(day: string, language: 'fr' | 'en', options: Intl.DateTimeFormatOptions): string {
  const key = `${language}${JSON.stringify(options)}`;
  if (!formats.has(key)) formats.set(key, new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { ...options, timeZone: 'UTC' }));
  return formats.get(key)!.format(asDate(day));
}

/** The time of a wall time, as French clocks write it: 08:30 → "08:30". */
export const timeOf = (wall: string): string => wall.slice(11, 16);

/** True when the occurrence covers `day` (all-day: its days; timed: the days it touches). */
export function covers(occurrence: { allDay: boolean; start: string; end: string }, day: string): boolean {
  const first = occurrence.start.slice(0, 10);
  if (occurrence.allDay) return first <= day && day <= occurrence.end;
  const endDay = occurrence.end.slice(11) === '00:00' ? addDays(occurrence.end.slice(0, 10), -1) : occurrence.end.slice(0, 10);
  return first <= day && day <= (endDay < first ? first : endDay);
}

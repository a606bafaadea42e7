/** A French public holiday (jour férié). */
export interface PublicHoliday {
  /** 'YYYY-MM-DD'. */
  day: string;
  name: string;
}

const iso = (date: Date) => date.toISOString().slice(0, 10);
const plus = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000);

/** Easter Sunday of a year (the anonymous Gregorian algorithm, Meeus/Jones/Butcher), as a UTC date. */
export function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(year, month - 1, day));
}

/** The eleven public holidays of metropolitan France in a year, by date. */
export function publicHolidays(year: number): PublicHoliday[] {
  const easter = easterSunday(year);
  const fixed = (month: number, day: number, name: string): PublicHoliday => ({ day: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, name });
  return [
    fixed(1, 1, "Jour de l'an"),
    { day: iso(plus(easter, 1)), name: 'Lundi de Pâques' },
    fixed(5, 1, 'Fête du Travail'),
    fixed(5, 8, 'Victoire 1945'),
    { day: iso(plus(easter, 39)), name: 'Ascension' },
    { day: iso(plus(easter, 50)), name: 'Lundi de Pentecôte' },
    fixed(7, 14, 'Fête nationale'),
    fixed(8, 15, 'Assomption'),
    fixed(11, 1, 'Toussaint'),
    fixed(11, 11, 'Armistice 1918'),
    fixed(12, 25, 'Noël'),
  ].sort((x, y) => x.day.localeCompare(y.day));
}

/** The public holidays from `from` to `to` (days, inclusive). */
export function publicHolidaysBetween(from: string, to: string): PublicHoliday[] {
  const years = Array.from({ length: Number(to.slice(0, 4)) - Number(from.slice(0, 4)) + 1 }, (_, i) => Number(from.slice(0, 4)) + i);
  return years.flatMap(publicHolidays).filter((h) => h.day >= from && h.day <= to);
}

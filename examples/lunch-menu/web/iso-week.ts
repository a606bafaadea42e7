/** The ISO week of a date, as 'YYYY-Www' (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(date: Date): string {
  const day = new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = new Date(Date.UTC(day.getUTCFullYear(), 0, 1));
  const week = Math.ceil(((day.getTime() - yearStart.getTime()) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** The ISO week `offset` weeks after `week`. */
export function shiftWeek(week: string, offset: number): string {
  const [year, number] = week.split('-W').map(Number) as [number, number];
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() || 7) - 1) * 86_400_000);
  const target = new Date(monday.getTime() + ((number - 1 + offset) * 7 + 3) * 86_400_000);
  return isoWeek(new Date(target.getUTCFullYear(), target.getUTCMonth(), target.getUTCDate()));
}

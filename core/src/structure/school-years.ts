import type { Knex } from 'knex';
import { parisDay } from '../clock.js';

/** The school year a day falls in by default (1 September – 31 August), named by the year it starts. */
export function defaultStartYear(day: string): number {
  const [year, month] = day.split('-').map(Number) as [number, number];
  return month >= 9 ? year : year - 1;
}

/** How the school year starting in `startYear` is written: "2026-2027". */
export function schoolYearLabel(startYear: number): string {
  return `${startYear}-${startYear + 1}`;
}

/**
 * The school year of an instant (Europe/Paris): a row of `core.school_years` when an academy set other dates,
 * else the default.
 */
export async function currentStartYear(knex: Knex, now: Date): Promise<number> {
  const day = parisDay(now);
  const row = await knex('core.school_years').where('starts_on', '<=', day).andWhere('ends_on', '>=', day).first('start_year');
  return row?.start_year ?? defaultStartYear(day);
}

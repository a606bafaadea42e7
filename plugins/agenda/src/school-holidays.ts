import type { Knex } from '@preau/sdk';
import { readIcs } from './ics-reader.js';
import { NoHolidays } from './errors.js';
import { dayBefore } from './events.js';

export interface SchoolHoliday {
  name: string;
  /** First day without school and last one, both included ('YYYY-MM-DD'). */
  firstDay: string;
  lastDay: string;
  zone: string;
}


/**
 * The holidays of a school calendar file such as the ministry's per zone (« Vacances de Noël - Zone A », all
 * day, the end being the day school starts again): names without the zone, days included. A one-day event
 * (a « pont ») is a holiday of one day; timed events are left out.
 */
export function holidaysOfIcs(content: string, zone: string): SchoolHoliday[] {
  const holidays = readIcs(content).flatMap((event) => {
    if (!event.allDay) return [];
    const firstDay = event.startWall.slice(0, 10);
    const lastDay = dayBefore(event.endWall);
    const name = event.title.replace(/\s*[-–]\s*zones?\s+[\w ,-]+$/i, '').trim() || event.title;
    return lastDay >= firstDay ? [{ name, firstDay, lastDay, zone }] : [];
  });
  if (holidays.length === 0) throw NoHolidays();
  return holidays.sort((a, b) => a.firstDay.localeCompare(b.firstDay));
}

/** Replaces the zone's holidays over the span the file covers (a new year's file leaves the earlier years). */
export async function replaceZoneHolidays(db: Knex, zone: string, holidays: readonly SchoolHoliday[]): Promise<void> {
  const first = holidays[0]!.firstDay;
  const last = holidays.reduce((max, h) => (h.lastDay > max ? h.lastDay : max), first);
  await db.transaction(async (trx) => {
    await trx('school_holidays').where({ zone }).where('last_day', '>=', first).where('first_day', '<=', last).delete();
    await trx('school_holidays').insert(holidays.map((h) => ({ zone, name: h.name, first_day: h.firstDay, last_day: h.lastDay })));
  });
}

/** The holidays overlapping [from, to] in the zones of these schools. */
export async function holidaysOfSchools(db: Knex, schoolIds: readonly number[], from: string, to: string): Promise<SchoolHoliday[]> {
  if (schoolIds.length === 0) return [];
  return (await db('school_holidays as h')
    .whereIn('h.zone', db('school_zones').whereIn('school_id', schoolIds).distinct('zone'))
    .where('h.last_day', '>=', from).where('h.first_day', '<=', to)
    .orderBy('h.first_day')
    .select('h.name', 'h.zone', db.raw(`to_char(h.first_day, 'YYYY-MM-DD') as "firstDay"`), db.raw(`to_char(h.last_day, 'YYYY-MM-DD') as "lastDay"`))) as SchoolHoliday[];
}

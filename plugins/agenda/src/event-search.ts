import { frenchOrder, frenchSortKey, roleIncludes, type AccessRole, type Knex } from '@preau/sdk';
import { eventColumns, expand, type EventRow } from './events.js';
import type { Occurrence } from './schemas.js';

const YEAR = 365 * 86_400_000;
export const MAX_SEARCH_RESULTS = 50;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The events of these calendars whose title, place or description holds every word of `query` (case and
 * accents ignored), a year either side of `now`: each series once, at its occurrence nearest to now (the next
 * one when there is one), the coming ones first in date order, then the past ones latest first.
 */
export async function searchEvents(db: Knex, roles: ReadonlyMap<number, AccessRole>, query: string, now: Date): Promise<Occurrence[]> {
  const words = frenchSortKey(query).split(/\s+/).filter(Boolean);
  if (roles.size === 0 || words.length === 0) return [];
  const from = new Date(now.getTime() - YEAR);
  const to = new Date(now.getTime() + YEAR);
  const searched = `${frenchOrder('e.title')} || ' ' || ${frenchOrder('e.place')} || ' ' || ${frenchOrder('e.description_text')}`;
  const rows = (await db('events as e')
    .whereIn('e.calendar_id', [...roles.keys()])
    .where('e.starts_at', '<', to)
    .whereRaw(`coalesce(e.last_ends_at, 'infinity') > ?`, [from])
    .where((q) => { for (const word of words) q.whereRaw(`${searched} like ? escape '\\'`, [`%${escapeLike(word)}%`]); })
    .orderBy('e.id')
    .limit(500)
    .select(eventColumns(db))) as EventRow[];
  const nearest = new Map<number, Occurrence>();
  const distance = (o: { startsAt: string; endsAt: string }) => (Date.parse(o.endsAt) > now.getTime() ? Date.parse(o.startsAt) - now.getTime() : YEAR + now.getTime() - Date.parse(o.startsAt));
  for (const occurrence of expand(rows, from, to, (row) => roleIncludes(roles.get(row.calendar_id), 'contribute'))) {
    // An occurrence changed alone belongs to its series' result.
    const series = occurrence.seriesId ?? occurrence.eventId;
    const known = nearest.get(series);
    if (!known || distance(occurrence) < distance(known)) nearest.set(series, occurrence);
  }
  return [...nearest.values()].sort((a, b) => distance(a) - distance(b)).slice(0, MAX_SEARCH_RESULTS);
}

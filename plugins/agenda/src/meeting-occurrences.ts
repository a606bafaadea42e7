import type { CurrentUser, Knex, PluginServices } from '@preau/sdk';
import type { EventRow } from './events.js';
import { addWallMinutes } from './paris-time.js';

const WALL = `'YYYY-MM-DD"T"HH24:MI'`;

/**
 * The booked meetings that concern the user, as event rows of their class's calendar so that the views and the
 * iCal subscription show them like any event: a teacher's own rounds' bookings ("Rendez-vous : famille de …")
 * and a relative's children's ("Rendez-vous : <round>"). Nobody else sees a family's slot. Their id is 0 (no
 * event has it, nothing can be edited through them) and their UID names the slot and the family.
 */
export async function meetingRows(services: Pick<PluginServices, 'db' | 'structure'>, user: CurrentUser, calendarIds: readonly number[], window?: { from: Date; to: Date }): Promise<EventRow[]> {
  const { db, structure } = services;
  const children = user.profile === 'Relative' ? (await structure.childrenOf(user.id)).map((c) => c.id) : [];
  if (user.profile !== 'Relative' && user.profile !== 'Teacher' && user.profile !== 'Personnel') return [];
  const query = db('meeting_slots as s')
    .join('meeting_rounds as r', 'r.id', 's.round_id')
    .join('calendars as c', (join) => join.on('c.class_id', 'r.class_id').andOnVal('c.kind', 'class'))
    .whereNotNull('s.pupil_id')
    .whereIn('c.id', calendarIds)
    .where((q: Knex.QueryBuilder) => (user.profile === 'Relative' ? q.whereIn('s.pupil_id', children) : q.where('r.teacher_id', user.id)));
  if (window) query.where('s.starts_at', '<', window.to).where('s.ends_at', '>', window.from);
  const rows = (await query.select(
    's.id', 's.pupil_id', 's.booked_at', 'r.id as round_id', 'r.title', 'r.place', 'r.duration_minutes', 'c.id as calendar_id',
    db.raw(`to_char(s.start_wall, ${WALL}) as start_wall`),
  )) as { id: number; pupil_id: number; booked_at: Date; round_id: number; title: string; place: string; duration_minutes: number; calendar_id: number; start_wall: string }[];
  if (rows.length === 0) return [];
  const pupils = new Map((await structure.people([...new Set(rows.map((r) => r.pupil_id))])).map((p) => [p.id, p.displayName]));
  return rows.map((row) => {
    const pupil = pupils.get(row.pupil_id) ?? '';
    const title = user.profile === 'Relative' ? `Rendez-vous : ${row.title} (${pupil})` : `Rendez-vous : famille de ${pupil}`;
    return {
      id: 0,
      calendar_id: row.calendar_id,
      uid: `meeting-${row.id}-${row.pupil_id}@preau`,
      title,
      description: '',
      description_text: user.profile === 'Relative' ? '' : row.title,
      place: row.place,
      all_day: false,
      start_wall: row.start_wall,
      end_wall: addWallMinutes(row.start_wall, row.duration_minutes),
      rule: null,
      exdates: [],
      reminder_minutes: null,
      series_id: null,
      occurrence_wall: null,
      sequence: 0,
      updated_at: new Date(row.booked_at),
    };
  });
}

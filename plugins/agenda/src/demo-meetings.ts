import type { PluginServices } from '@preau/sdk';
import { slotRows, slotsOf } from './meetings.js';
import { toWall, wallToInstant } from './paris-time.js';

const DAY = 86_400_000;

/**
 * The demo's parent–teacher meetings: the class's teacher offers two Tuesdays, 16:30–18:30 in 15 minutes, from
 * the Tuesday after next; families book until the day before, and the first two have booked, so that the
 * teacher's planning, the « pas encore inscrits » list and a family's booked slot all show something.
 */
export async function addDemoMeetings(services: Pick<PluginServices, 'db' | 'structure'>, input: { schoolId: number; classId: number; teacher: number; now: Date }): Promise<void> {
  if (await services.db('meeting_rounds').where({ class_id: input.classId }).first('id')) return;
  // The structure is read before the transaction: on PGlite the transaction holds the only connection.
  const pupils = (await services.structure.pupilsOf([input.classId])).slice(0, 2);
  const relatives = await services.structure.relativesOf(pupils.map((p) => p.id));
  const noon = new Date(`${toWall(input.now).slice(0, 10)}T12:00:00Z`);
  const toTuesday = ((2 - noon.getUTCDay() + 7) % 7 || 7) + 7;
  const tuesday = (weeks: number) => new Date(noon.getTime() + (toTuesday + 7 * weeks) * DAY).toISOString().slice(0, 10);
  const starts = slotsOf({ durationMinutes: 15, days: [0, 1].map((weeks) => ({ day: tuesday(weeks), from: '16:30', to: '18:30' })) }, input.now);
  await services.db.transaction(async (trx) => {
    const [round] = await trx('meeting_rounds').insert({
      school_id: input.schoolId, class_id: input.classId, teacher_id: input.teacher, title: 'Rencontres parents–enseignant du trimestre',
      place: 'Salle de classe', duration_minutes: 15, book_until: wallToInstant(`${tuesday(0)}T00:00`),
    }).returning('id');
    const slots = (await trx('meeting_slots').insert(slotRows(round.id as number, starts, 15)).returning('id')) as { id: number }[];
    for (const [index, pupil] of pupils.entries()) {
      const relative = relatives.find((link) => link.pupilId === pupil.id)?.relative.id;
      if (relative) await trx('meeting_slots').where({ id: slots[index * 3]!.id }).update({ pupil_id: pupil.id, booked_by: relative, booked_at: input.now });
    }
  });
}

import type { CurrentUser, DatedItem, DatedItemsWindow, PluginServices } from '@preau/sdk';
import { currentClasses, familyPupils } from './access.js';
import { familyHomework } from './family.js';

/**
 * The homework due over the window, for calendars: a family's children's (each their own, differentiated work
 * included only for the pupils it was set for) and the classes a teacher keeps the cahier of.
 */
export async function homeworkDue(user: CurrentUser, window: DatedItemsWindow, services: PluginServices): Promise<DatedItem[]> {
  if (user.profile === 'Relative' || user.profile === 'Student') {
    const pupils = await familyPupils(services, user, window.schools);
    const byPupil = await familyHomework(services, pupils, window.from, 300);
    const several = pupils.length > 1;
    return pupils.flatMap((pupil) => (byPupil.get(pupil.id) ?? [])
      .filter((homework) => homework.dueOn <= window.to)
      .map((homework) => ({
        id: `${homework.id}-${pupil.id}`,
        title: `${homework.subject} : ${homework.title}${several ? ` (${pupil.displayName})` : ''}`,
        day: homework.dueOn,
        kind: 'due' as const,
        url: `/apps/textbook/homework/${homework.id}`,
      })));
  }
  const classes = await currentClasses(services, user, window.schools);
  if (classes.length === 0) return [];
  const labels = new Map(classes.map((access) => [access.class.id, access.class.label]));
  const rows = (await services.db('entries')
    .whereIn('class_id', [...labels.keys()]).where({ kind: 'homework' })
    .whereBetween('due_on', [window.from, window.to])
    .orderBy(['due_on', 'subject', 'id'])
    .limit(500)
    .select('id', 'class_id', 'subject', 'title', services.db.raw(`to_char(due_on, 'YYYY-MM-DD') as due_on`))) as { id: number; class_id: number; subject: string; title: string; due_on: string }[];
  return rows.map((row) => ({
    id: String(row.id),
    title: `${labels.get(row.class_id)} · ${row.subject} : ${row.title}`,
    day: row.due_on,
    kind: 'due' as const,
    url: `/apps/textbook/homework/${row.id}`,
  }));
}

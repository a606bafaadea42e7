import { administersSchool, type CurrentUser, type DatedItem, type DatedItemsWindow, type PluginServices } from '@preau/sdk';
import { childrenInSchools } from './access.js';
import { wordUrl } from './delivery.js';
import { parisDay } from './word-access.js';

interface DeadlineRow {
  id: number;
  title: string;
  deadline: string;
  pupil_id?: number;
}

const parisTime = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const MAX_ITEMS = 300;

/**
 * The deadlines of the words' questions over the window, for calendars: a family's for each child the word went
 * to (saying which child when there are several), and a teacher's for the words they follow (their own, their
 * classes', their school's when they direct it). Only sent words count: one prepared for later says nothing yet.
 */
export async function questionDeadlines(user: CurrentUser, window: DatedItemsWindow, services: PluginServices): Promise<DatedItem[]> {
  // Instants a day either side of the Paris days asked; the Paris day of each decides.
  const after = new Date(`${window.from}T00:00:00Z`).getTime() - 86_400_000;
  const before = new Date(`${window.to}T00:00:00Z`).getTime() + 2 * 86_400_000;
  const schoolIds = window.schools.map((s) => s.id);
  const deadlines = services.db('words as w')
    .whereNotNull('w.sent_at').whereIn('w.school_id', schoolIds)
    .whereRaw(`(w.question->>'deadline') is not null and (w.question->>'deadline')::timestamptz between ? and ?`, [new Date(after), new Date(before)])
    .orderByRaw(`(w.question->>'deadline')::timestamptz, w.id`)
    .limit(MAX_ITEMS);

  const asItem = (row: DeadlineRow, suffix: string): DatedItem => {
    const instant = new Date(row.deadline);
    return { id: row.pupil_id ? `${row.id}-${row.pupil_id}` : String(row.id), title: `${user.language === 'en' ? 'Answer due: ' : 'Réponse attendue : '}${row.title}${suffix}`, day: parisDay(instant), time: parisTime.format(instant), kind: 'deadline', url: wordUrl(row.id) };
  };

  if (user.profile === 'Relative' || user.profile === 'Student') {
    const children = user.profile === 'Student' ? new Map([[user.id, { displayName: user.displayName }]]) : await childrenInSchools(user, window.schools, services.structure);
    if (children.size === 0) return [];
    const rows = (await deadlines.clone().join('deliveries as d', 'd.word_id', 'w.id').whereIn('d.pupil_id', [...children.keys()]).orderBy('d.pupil_id')
      .select('w.id', 'w.title', services.db.raw(`w.question->>'deadline' as deadline`), 'd.pupil_id')) as DeadlineRow[];
    const several = children.size > 1;
    return rows.map((row) => asItem(row, several ? ` (${children.get(row.pupil_id!)?.displayName ?? ''})` : ''));
  }
  if (user.profile !== 'Teacher' && user.profile !== 'Personnel') return [];
  const directed = schoolIds.filter((id) => administersSchool(user, id));
  const classes = (await services.structure.classesOf(user.id)).filter((c) => schoolIds.includes(c.schoolId)).map((c) => c.id);
  const rows = (await deadlines.clone()
    .where((q) => {
      q.where('w.author_id', user.id);
      if (directed.length > 0) q.orWhereIn('w.school_id', directed);
      if (classes.length > 0) q.orWhereExists(services.db('audience as a').whereRaw('a.word_id = w.id').whereIn('a.class_id', classes));
    })
    .select('w.id', 'w.title', services.db.raw(`w.question->>'deadline' as deadline`))) as DeadlineRow[];
  return rows.map((row) => asItem(row, ''));
}

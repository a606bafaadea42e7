import { frenchSortKey, type Knex, type PluginServices } from '@preau/sdk';
import { SubjectNotOffered, SubjectsInvalid } from './errors.js';
import type { Subject, SubjectInput } from './schemas.js';

type Services = Pick<PluginServices, 'db' | 'clock'>;

/** The primary school's programme (cycles 2 and 3): a school's list until its director first saves one. */
export const DEFAULT_SUBJECTS: readonly string[] = [
  'Français', 'Mathématiques', 'Questionner le monde', 'Sciences et technologie', 'Histoire', 'Géographie',
  'Langues vivantes', 'Arts plastiques', 'Éducation musicale', 'EPS', 'EMC',
];

interface SubjectRow {
  id: number;
  name: string;
  hidden: boolean;
}

/** The school's subjects in its order, hidden ones included; the defaults (without ids) when never saved. */
export async function schoolSubjects(db: Knex, schoolId: number): Promise<Subject[]> {
  const rows: SubjectRow[] = await db('subjects').where({ school_id: schoolId }).orderBy(['position', 'id']).select('id', 'name', 'hidden');
  if (rows.length === 0) return DEFAULT_SUBJECTS.map((name) => ({ id: null, name, hidden: false }));
  return rows;
}

/** The names a teacher picks from in the entry form: the school's subjects not hidden. */
export async function offeredSubjects(db: Knex, schoolId: number): Promise<string[]> {
  return (await schoolSubjects(db, schoolId)).filter((s) => !s.hidden).map((s) => s.name);
}

/**
 * Refuses a subject the school does not offer (hidden or unknown). An entry that keeps the subject it already
 * has is left alone: a subject hidden since still reads on old entries and on their changes.
 */
export async function requireOffered(db: Knex, schoolId: number, subject: string, kept?: string): Promise<void> {
  if (kept !== undefined && subject === kept) return;
  if (!(await offeredSubjects(db, schoolId)).includes(subject)) throw SubjectNotOffered(subject);
}

/** Names unique once case and accents are set aside ("eps" and "EPS" are one subject), at least one shown. */
function checkList(list: readonly SubjectInput[], known: ReadonlySet<number>): void {
  const seen = new Set<string>();
  for (const item of list) {
    const key = frenchSortKey(item.name.trim());
    if (!key) throw SubjectsInvalid({ fr: 'Une matière doit avoir un nom.', en: 'A subject needs a name.' });
    if (seen.has(key)) throw SubjectsInvalid({ fr: `La matière « ${item.name.trim()} » figure deux fois.`, en: `The subject "${item.name.trim()}" is listed twice.` });
    seen.add(key);
    if (item.id != null && !known.has(item.id)) throw SubjectsInvalid({ fr: `La matière n° ${item.id} n'appartient pas à cette école.`, en: `Subject ${item.id} does not belong to this school.` });
  }
  if (!list.some((item) => !item.hidden)) throw SubjectsInvalid({ fr: 'Gardez au moins une matière visible.', en: 'Keep at least one subject shown.' });
}

/**
 * Saves the school's whole list in the order given, in one transaction: known ids renamed, moved or hidden,
 * new names added, the ones left out removed (old entries keep their subject's name).
 */
export async function saveSubjects(services: Services, schoolId: number, list: readonly SubjectInput[]): Promise<Subject[]> {
  const now = services.clock.now();
  return services.db.transaction(async (trx) => {
    const known = new Set<number>(await trx('subjects').where({ school_id: schoolId }).forUpdate().pluck('id'));
    checkList(list, known);
    const kept = new Set(list.flatMap((item) => (item.id != null ? [item.id] : [])));
    await trx('subjects').where({ school_id: schoolId }).whereNotIn('id', [...kept]).delete();
    for (const [position, item] of list.entries()) {
      const values = { name: item.name.trim(), hidden: item.hidden, position, updated_at: now };
      if (item.id != null) await trx('subjects').where({ id: item.id, school_id: schoolId }).update(values);
      else await trx('subjects').insert({ school_id: schoolId, ...values });
    }
    return schoolSubjects(trx, schoolId);
  });
}

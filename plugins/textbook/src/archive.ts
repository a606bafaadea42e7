import { compareFrench, type CurrentUser, type PluginServices, type SchoolRef } from '@preau/sdk';
import { visesSchool, type ClassAccess } from './access.js';

/**
 * The cahiers of past school years the user may read: those of classes they taught, and every one of a school
 * they sign for. Kept read-only (the archive), to reuse last year's entries by copying them.
 */
export async function archivedClasses(services: Pick<PluginServices, 'db' | 'structure' | 'rights'>, user: CurrentUser, schools: readonly SchoolRef[]): Promise<ClassAccess[]> {
  if (schools.length === 0) return [];
  const written: { class_id: number; school_id: number }[] = await services.db('entries').whereIn('school_id', schools.map((s) => s.id)).distinct('class_id', 'school_id');
  if (written.length === 0) return [];
  const current = new Set<number>();
  for (const schoolId of new Set(written.map((w) => w.school_id))) {
    for (const c of await services.structure.classesOfSchool(schoolId)) current.add(c.id);
  }
  const past = written.filter((w) => !current.has(w.class_id));
  if (past.length === 0) return [];
  const signs = new Set(schools.filter((s) => visesSchool(services, user, s.id)).map((s) => s.id));
  const taught = new Set((await services.structure.staffOf(past.map((p) => p.class_id))).filter((s) => s.user.id === user.id).map((s) => s.classId));
  const readable = past.filter((p) => signs.has(p.school_id) || taught.has(p.class_id)).map((p) => p.class_id);
  const classes = await services.structure.classes(readable);
  return classes
    .map((c) => ({ class: c, current: false, mayWrite: false, mayVisa: signs.has(c.schoolId) }))
    .sort((a, b) => compareFrench(a.class.label, b.class.label) || b.class.id - a.class.id);
}

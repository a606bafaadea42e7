import { administersSchool, type CurrentUser, type PluginServices, type SchoolClassRef, type SchoolRef } from '@preau/sdk';

/** The row of a word that access decisions need. */
export interface WordAccessRow {
  id: number;
  school_id: number;
  author_id: number | null;
  sent_at: Date | null;
}

/**
 * The classes a staff member may write to this year, in schools where the app is on: the classes they teach or
 * belong to as staff, and every class of a school they direct.
 */
export async function manageableClasses(user: CurrentUser, schools: readonly SchoolRef[], structure: PluginServices['structure']): Promise<SchoolClassRef[]> {
  if (user.profile !== 'Teacher' && user.profile !== 'Personnel') return [];
  const enabled = new Set(schools.map((s) => s.id));
  const byId = new Map<number, SchoolClassRef>();
  for (const c of await structure.classesOf(user.id)) if (enabled.has(c.schoolId)) byId.set(c.id, c);
  for (const school of schools) {
    if (!administersSchool(user, school.id)) continue;
    for (const c of await structure.classesOfSchool(school.id)) byId.set(c.id, c);
  }
  return [...byId.values()].sort((a, b) => a.label.localeCompare(b.label, 'fr'));
}

/**
 * Staff who follow a word: its author, the direction of its school, and the staff of the classes it reached.
 * They see its tracking, remind, print and answer families.
 */
export async function followsWord(user: CurrentUser, word: WordAccessRow, classIds: readonly number[], schools: readonly SchoolRef[], structure: PluginServices['structure']): Promise<boolean> {
  if (!schools.some((s) => s.id === word.school_id)) return false;
  if (user.profile !== 'Teacher' && user.profile !== 'Personnel') return false;
  if (word.author_id === user.id || administersSchool(user, word.school_id)) return true;
  const staff = await structure.staffOf(classIds);
  return staff.some((s) => s.user.id === user.id);
}

/** Only the author and the direction change or delete a word. */
export function editsWord(user: CurrentUser, word: WordAccessRow): boolean {
  return word.author_id === user.id || administersSchool(user, word.school_id);
}

/** The user's children who are in a school where the app is on. */
export async function childrenInSchools(user: CurrentUser, schools: readonly SchoolRef[], structure: PluginServices['structure']): Promise<Map<number, { displayName: string; classId: number | null }>> {
  if (user.profile !== 'Relative') return new Map();
  const enabled = new Set(schools.map((s) => s.id));
  const children = await structure.childrenOf(user.id);
  return new Map(children.filter((c) => c.schoolId !== null && enabled.has(c.schoolId)).map((c) => [c.id, { displayName: c.displayName, classId: c.classId }]));
}

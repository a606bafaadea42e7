import { administersSchool, compareFrench, type CurrentUser, type PluginServices, type SchoolClassRef, type SchoolRef } from '@preau/sdk';
import { ClassNotFound, ChildNotAllowed } from './errors.js';

type Services = Pick<PluginServices, 'db' | 'structure' | 'rights'>;

/** Reads every cahier of the school and signs it: the direction, and an inspector given the school's `inspect` right. */
export function visesSchool(services: Services, user: CurrentUser, schoolId: number): boolean {
  return administersSchool(user, schoolId) || services.rights.can(user, 'textbook', 'inspect', [schoolId]);
}

const isStaff = (user: CurrentUser) => user.profile === 'Teacher' || user.profile === 'Personnel';

/** What a staff member may do with one class's cahier. */
export interface ClassAccess {
  class: SchoolClassRef;
  /** A class of this school year (false: the archive). */
  current: boolean;
  mayWrite: boolean;
  mayVisa: boolean;
}

/** True when the user teaches the class (a member of its staff) or was named its replacement teacher. */
async function teaches(services: Services, user: CurrentUser, classId: number, current: boolean): Promise<boolean> {
  const staff = await services.structure.staffOf([classId]);
  if (staff.some((s) => s.user.id === user.id)) return true;
  return current && !!(await services.db('replacements').where({ class_id: classId, teacher_id: user.id }).first('class_id'));
}

/**
 * A class's cahier as a staff member reaches it: its teachers (and replacement) write in this year's; the
 * direction and inspectors read and sign every class of the school; a past year's class is read-only. Anyone
 * else, or a class of a school where the app is off for them, gets 404.
 */
export async function classAccess(services: Services, user: CurrentUser, schools: readonly SchoolRef[], classId: number): Promise<ClassAccess> {
  if (!isStaff(user) && !services.rights.can(user, 'textbook', 'inspect')) throw ClassNotFound();
  const [found] = await services.structure.classes([classId]);
  if (!found || !schools.some((s) => s.id === found.schoolId)) throw ClassNotFound();
  const current = (await services.structure.classesOfSchool(found.schoolId)).some((c) => c.id === classId);
  const mayVisa = visesSchool(services, user, found.schoolId);
  const teacher = isStaff(user) && (await teaches(services, user, classId, current));
  if (!teacher && !mayVisa) throw ClassNotFound();
  const mayWrite = current && teacher && services.rights.can(user, 'textbook', 'write', [found.schoolId]);
  return { class: found, current, mayWrite, mayVisa };
}

/** The classes whose cahier the user opens this year: those they teach or replace in, every class of a school they sign. */
export async function currentClasses(services: Services, user: CurrentUser, schools: readonly SchoolRef[]): Promise<ClassAccess[]> {
  const enabled = new Set(schools.map((s) => s.id));
  const byId = new Map<number, ClassAccess>();
  const write = (schoolId: number) => services.rights.can(user, 'textbook', 'write', [schoolId]);
  if (isStaff(user)) {
    const replaced: number[] = await services.db('replacements').where({ teacher_id: user.id }).pluck('class_id');
    const taught = await services.structure.classesOf(user.id);
    const replacedClasses = await services.structure.classes(replaced.filter((id) => !taught.some((c) => c.id === id)));
    for (const c of [...taught, ...replacedClasses]) {
      if (!enabled.has(c.schoolId)) continue;
      byId.set(c.id, { class: c, current: true, mayWrite: write(c.schoolId), mayVisa: visesSchool(services, user, c.schoolId) });
    }
  }
  for (const school of schools) {
    if (!visesSchool(services, user, school.id)) continue;
    for (const c of await services.structure.classesOfSchool(school.id)) {
      if (!byId.has(c.id)) byId.set(c.id, { class: c, current: true, mayWrite: false, mayVisa: true });
    }
  }
  // A replacement named for a class of a past year is not one any more.
  const current = new Set<number>();
  for (const schoolId of new Set([...byId.values()].map((a) => a.class.schoolId))) {
    for (const c of await services.structure.classesOfSchool(schoolId)) current.add(c.id);
  }
  return [...byId.values()].filter((a) => current.has(a.class.id)).sort((a, b) => compareFrench(a.class.label, b.class.label));
}

/** A child the user reads homework for: the pupil themself, or a relative's child, with their class of today. */
export interface FamilyPupil {
  id: number;
  displayName: string;
  classId: number | null;
  schoolId: number | null;
}

/**
 * The pupils whose homework the user reads: themself for a pupil, their children for a relative, each with the
 * class the structure gives today (a pupil who changed class sees the new class's cahier).
 */
export async function familyPupils(services: Services, user: CurrentUser, schools: readonly SchoolRef[]): Promise<FamilyPupil[]> {
  const enabled = new Set(schools.map((s) => s.id));
  if (user.profile === 'Student') {
    const classes = (await services.structure.classesOf(user.id)).filter((c) => enabled.has(c.schoolId));
    const [own] = classes;
    if (!own) return [];
    return [{ id: user.id, displayName: user.displayName, classId: own.id, schoolId: own.schoolId }];
  }
  if (user.profile !== 'Relative') return [];
  const children = await services.structure.childrenOf(user.id);
  return children
    .filter((c) => c.schoolId !== null && enabled.has(c.schoolId))
    .map((c) => ({ id: c.id, displayName: c.displayName, classId: c.classId, schoolId: c.schoolId }));
}

/** One of the user's family pupils, or 403. */
export async function familyPupil(services: Services, user: CurrentUser, schools: readonly SchoolRef[], pupilId: number): Promise<FamilyPupil> {
  const pupil = (await familyPupils(services, user, schools)).find((p) => p.id === pupilId);
  if (!pupil) throw ChildNotAllowed();
  return pupil;
}

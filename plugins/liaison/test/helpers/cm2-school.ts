import { createTestPlatform, type TestPlatform, type TestUser } from '@preau/core/testing';
import liaison from '../../src/index.js';

/** A pupil of the CM2 with the relatives who receive the words for them. */
export interface Family {
  pupil: TestUser;
  relatives: TestUser[];
}

/** The CM2 of the issue: 27 pupils, 2 relatives each, three pairs of siblings (whose parents are the same). */
export interface Cm2School {
  platform: TestPlatform;
  schoolId: number;
  teacher: TestUser;
  director: TestUser;
  otherTeacher: TestUser;
  classId: number;
  otherClassId: number;
  families: Family[];
  /** A relative of a pupil of the other class of the school. */
  otherParent: TestUser;
  /** A teacher of another school. */
  foreignTeacher: TestUser;
}

export async function cm2School(): Promise<Cm2School> {
  const platform = await createTestPlatform({ plugins: [liaison] });
  const school = await platform.createSchool({ name: 'École Jean Moulin' });
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [school], displayName: 'BÉRANGER Louise' });
  const director = await platform.createUser({ profile: 'Teacher', schools: [school], displayName: 'DIRECTION Paul', functions: [{ function: 'director', schoolId: school.id }] });
  const otherTeacher = await platform.createUser({ profile: 'Teacher', schools: [school], displayName: 'ROUX Marc' });
  const cm2 = await platform.createClass({ school, label: 'CM2 - Mme BÉRANGER', levels: ['CM2'], teachers: [teacher], pupils: 27 });
  const cp = await platform.createClass({ school, label: 'CP - M. ROUX', levels: ['CP'], teachers: [otherTeacher], pupils: 1, relativesPerPupil: 1 });
  const families: Family[] = [];
  for (const [index, pupil] of cm2.pupils.entries()) {
    // Pupils 1, 3 and 5 are the younger siblings of pupils 0, 2 and 4: the same two parents.
    if (index % 2 === 1 && index < 6) {
      const older = families[index - 1]!;
      for (const relative of older.relatives) await platform.linkRelative(relative, pupil);
      families.push({ pupil, relatives: older.relatives });
      continue;
    }
    const relatives = [];
    for (const n of [1, 2]) {
      const relative = await platform.createUser({ profile: 'Relative', schools: [school], displayName: `PARENT${n} Élève${index + 1}` });
      await platform.linkRelative(relative, pupil);
      relatives.push(relative);
    }
    families.push({ pupil, relatives });
  }
  const otherSchool = await platform.createSchool({ name: 'École Victor Hugo' });
  const foreignTeacher = await platform.createUser({ profile: 'Teacher', schools: [otherSchool] });
  return { platform, schoolId: school.id, teacher, director, otherTeacher, classId: cm2.id, otherClassId: cp.id, families, otherParent: cp.relatives[0]![0]!, foreignTeacher };
}

/** The word of the scenario. */
export const PISCINE = {
  title: 'Sortie à la piscine',
  body: '<p>La classe ira à la piscine <strong>jeudi</strong>.</p><script>alert(1)</script>',
  category: 'sortie',
  requiresAck: true,
  repliesAllowed: true,
};

import { createTestPlatform, type TestPlatform, type TestUser } from '@preau/core/testing';

type School = Awaited<ReturnType<TestPlatform['createSchool']>>;
import textbook from '../../src/index.js';

/** A school with a CM2 (5 pupils, a parent each), a CP, its teachers, the director, and a school elsewhere. */
export interface TextbookSchool {
  platform: TestPlatform;
  schoolId: number;
  school: School;
  teacher: TestUser;
  director: TestUser;
  otherTeacher: TestUser;
  cm2: { id: number; pupils: TestUser[]; parents: TestUser[] };
  cp: { id: number; pupils: TestUser[]; parents: TestUser[] };
  foreignTeacher: TestUser;
  foreignParent: TestUser;
}

/** Makes the school on a platform shared by a test file (call once per file, or per test for a fresh school). */
export async function textbookSchool(platform: TestPlatform): Promise<TextbookSchool> {
  const school = await platform.createSchool({ name: 'École Jean Moulin' });
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [school], displayName: 'BÉRANGER Louise' });
  const director = await platform.createUser({ profile: 'Teacher', schools: [school], displayName: 'DIRECTION Paul', functions: [{ function: 'director', schoolId: school.id }] });
  const otherTeacher = await platform.createUser({ profile: 'Teacher', schools: [school], displayName: 'ROUX Marc' });
  const cm2 = await platform.createClass({ school, label: 'CM2 - Mme BÉRANGER', levels: ['CM2'], teachers: [teacher], pupils: 5, relativesPerPupil: 1 });
  const cp = await platform.createClass({ school, label: 'CP - M. ROUX', levels: ['CP'], teachers: [otherTeacher], pupils: 2, relativesPerPupil: 1 });
  const other = await platform.createSchool({ name: 'École Victor Hugo' });
  const foreignTeacher = await platform.createUser({ profile: 'Teacher', schools: [other] });
  const elsewhere = await platform.createClass({ school: other, label: 'CE1', teachers: [foreignTeacher], pupils: 1, relativesPerPupil: 1 });
  return {
    platform, schoolId: school.id, school, teacher, director, otherTeacher,
    cm2: { id: cm2.id, pupils: cm2.pupils, parents: cm2.relatives.map((r) => r[0]!) },
    cp: { id: cp.id, pupils: cp.pupils, parents: cp.relatives.map((r) => r[0]!) },
    foreignTeacher, foreignParent: elsewhere.relatives[0]![0]!,
  };
}

/** The platform with the textbook app, for one test file. */
export function textbookPlatform(): Promise<TestPlatform> {
  return createTestPlatform({ plugins: [textbook] });
}

/** A homework as a teacher writes it: due the next day of the test clock (Thursday 26 November 2026 → Friday). */
export const HOMEWORK = {
  kind: 'homework',
  subject: 'Mathématiques',
  title: 'Exercices 3 et 4 page 42',
  body: '<p>Faire les exercices <strong>3 et 4</strong>.</p><script>alert(1)</script><img src=x onerror=alert(1)>',
  day: '2026-11-26',
  dueOn: '2026-11-27',
  minutes: 20,
} as const;

export const SESSION = {
  kind: 'session',
  subject: 'Français',
  title: 'Lecture : le Petit Prince',
  body: '<p>Chapitre 2, lu à voix haute.</p>',
  day: '2026-11-26',
} as const;

import type { TestClass, TestPlatform, TestUser } from '@preau/core/testing';

/** The people and groups of a test school. */
export interface TestSchool {
  school: Awaited<ReturnType<TestPlatform['createSchool']>>;
  director: TestUser;
  teacher: TestUser;
  otherTeacher: TestUser;
  cook: TestUser;
  cm2: TestClass;
  ce1: TestClass;
  schoolGroup(profile: string): number;
  classGroup(classId: number, profile: string): number;
}

/** A school with a director, two classes with families, a cook, and the groups a thread is shared with. */
export async function makeSchool(platform: TestPlatform): Promise<TestSchool> {
  const school = await platform.createSchool();
  const director = await platform.createUser({ profile: 'Teacher', schools: [school], functions: [{ function: 'director', schoolId: school.id }] });
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [school] });
  const otherTeacher = await platform.createUser({ profile: 'Teacher', schools: [school] });
  const cook = await platform.createUser({ profile: 'Personnel', schools: [school] });
  const cm2 = await platform.createClass({ school, label: 'CM2', teachers: [teacher], pupils: 2, relativesPerPupil: 2 });
  const ce1 = await platform.createClass({ school, label: 'CE1', teachers: [otherTeacher, director], pupils: 1, relativesPerPupil: 1 });
  // The school's groups as its administrators list them (`GET /api/core/schools/:schoolId/groups`).
  const groups = (await platform.as(director).inject(`/api/core/schools/${school.id}/groups`)).json() as { id: number; kind: string; profile: string | null; classId: number | null }[];
  const schoolGroup = (profile: string) => groups.find((g) => g.kind === 'school' && g.profile === profile)!.id;
  const classGroup = (classId: number, profile: string) => groups.find((g) => g.kind === 'class' && g.classId === classId && g.profile === profile)!.id;
  return { school, director, teacher, otherTeacher, cook, cm2, ce1, schoolGroup, classGroup };
}

/** The titles in a user's timeline for the news app. */
export async function timelineTitles(platform: TestPlatform, user: TestUser): Promise<string[]> {
  const response = await platform.as(user).inject('/api/core/timeline?app=news');
  return response.json().items.map((item: { params: { title: string } }) => item.params.title);
}

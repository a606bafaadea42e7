import t from 'tap';
import { createTestPlatform } from '../../src/testing/index.js';
import { createStructureService } from '../../src/structure/structure-service.js';

t.test('plugins read classes, pupils, relatives, staff and groups of this school year through the structure service', async (t) => {
  const platform = await createTestPlatform();
  t.teardown(() => platform.close());
  const structure = createStructureService(platform.knex, platform.clock);
  const school = await platform.createSchool({ name: 'École Jean Moulin' });
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [school], displayName: 'MARTIN Claire' });
  const cm1 = await platform.createClass({ school, label: 'CM1', teachers: [teacher], pupils: 2, relativesPerPupil: 2 });
  const cp = await platform.createClass({ school, label: 'CP', pupils: 1, relativesPerPupil: 1 });
  const [parent] = cm1.relatives[0]!;
  await platform.linkRelative(parent!, cp.pupils[0]!);

  t.same((await structure.classesOf(teacher.id)).map((c) => c.label), ['CM1'], "a teacher's classes");
  t.same((await structure.classesOf(parent!.id)).map((c) => c.label), ['CM1', 'CP'], "a parent's children's classes");
  t.same((await structure.classesOfSchool(school.id)).map((c) => c.label), ['CM1', 'CP']);
  t.same((await structure.pupilsOf([cm1.id])).map((p) => p.id).sort(), cm1.pupils.map((p) => p.id).sort());
  t.equal((await structure.relativesOf([cm1.pupils[0]!.id])).length, 2, 'both relatives of a pupil');
  t.same((await structure.childrenOf(parent!.id)).map((c) => c.classId).sort(), [cm1.id, cp.id].sort(), 'each child with their class');
  t.same((await structure.staffOf([cm1.id, cp.id])).map((s) => s.user.id), [teacher.id], 'class staff, not pupils');
  t.same((await structure.people([teacher.id, 999_999, parent!.id])).map((p) => p.id), [teacher.id, parent!.id], 'unknown ids left out, order kept');

  const parentsCm1 = await platform.knex('core.groups').where({ class_id: cm1.id, profile: 'Relative' }).first('id');
  t.equal((await structure.groupMembers([parentsCm1.id])).length, 4, "the class's parents group");
  t.ok((await structure.groupsOf(parent!.id)).includes(parentsCm1.id), 'the groups a parent belongs to');
  t.same((await structure.membersOf(school.id, ['Teacher'])).map((p) => p.id), [teacher.id], "a school's members of a profile");
  t.equal((await structure.membersOf(school.id)).length, 1 + 3 + 5, 'every member of the school');
});

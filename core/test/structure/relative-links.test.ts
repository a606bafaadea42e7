import t from 'tap';
import { createTestPlatform } from '../../src/testing/index.js';

const platform = await createTestPlatform();
t.teardown(() => platform.close());
const school = await platform.createSchool();
const other = await platform.createSchool();
const director = await platform.createUser({ profile: 'Teacher', schools: [school], functions: [{ function: 'director', schoolId: school.id }] });
const teacher = await platform.createUser({ profile: 'Teacher', schools: [school] });
const cm2 = await platform.createClass({ school, label: 'CM2', teachers: [teacher], pupils: 1, relativesPerPupil: 1 });
const pupil = cm2.pupils[0]!;
const url = (pupilId: number, relativeId: number, schoolId = school.id) => `/api/core/schools/${schoolId}/pupils/${pupilId}/relatives/${relativeId}`;
const childrenOf = async (user: Parameters<typeof platform.as>[0]) => (await platform.as(user).inject('/api/core/me')).json().children.map((c: { id: number }) => c.id);

t.test('a director links a guardian ONDE does not know to a pupil, and can undo it', async (t) => {
  const guardian = await platform.createUser({ profile: 'Relative', schools: [school] });
  t.same(await childrenOf(guardian), []);
  const linked = await platform.as(director).inject({ method: 'PUT', url: url(pupil.id, guardian.id) });
  t.equal(linked.statusCode, 204, linked.body);
  t.same(await childrenOf(guardian), [pupil.id], 'the guardian now sees the child');
  const parentsGroup = await platform.knex('core.groups').where({ class_id: cm2.id, profile: 'Relative' }).first('id');
  const members = await platform.knex('core.group_members').where({ group_id: parentsGroup.id }).pluck('user_id');
  t.ok(members.includes(guardian.id), "and is one of the class's parents, for every app that writes to them");
  t.equal((await platform.as(director).inject({ method: 'PUT', url: url(pupil.id, guardian.id) })).statusCode, 204, 'linking twice is harmless');
  t.ok(await platform.knex('core.audit_log').where({ action: 'relative-linked', target_user_id: guardian.id }).first('id'), 'audited');

  t.equal((await platform.as(director).inject({ method: 'DELETE', url: url(pupil.id, guardian.id) })).statusCode, 204);
  t.same(await childrenOf(guardian), [], 'unlinked, the child is gone from their account');
  t.ok(await platform.knex('core.audit_log').where({ action: 'relative-unlinked', target_user_id: guardian.id }).first('id'));
});

t.test('only the school’s administrators link, and only its pupils to its relatives', async (t) => {
  const guardian = await platform.createUser({ profile: 'Relative', schools: [school] });
  const outsider = await platform.createUser({ profile: 'Relative', schools: [other] });
  t.equal((await platform.as(teacher).inject({ method: 'PUT', url: url(pupil.id, guardian.id) })).statusCode, 403, 'not a teacher');
  t.equal((await platform.as(director).inject({ method: 'PUT', url: url(pupil.id, outsider.id) })).statusCode, 404, 'not a parent of another school');
  const wrong = await platform.as(director).inject({ method: 'PUT', url: url(pupil.id, teacher.id) });
  t.equal(wrong.statusCode, 400, 'not a teacher as a guardian');
  t.equal(wrong.json().code, 'PREAU_ERR_BAD_REQUEST');
  t.equal((await platform.as(director).inject({ method: 'PUT', url: url(guardian.id, pupil.id) })).statusCode, 400, 'nor the other way round');
  t.equal((await platform.as(director).inject({ method: 'PUT', url: url(pupil.id, guardian.id, other.id) })).statusCode, 403, "nor in a school they do not run");
  t.same(await childrenOf(guardian), [], 'nothing was linked');
});

import t from 'tap';
import { createTestPlatform } from '../../src/testing/index.js';
import { importedSchool } from '../helpers/imported-school.js';

const platform = await createTestPlatform();
t.teardown(() => platform.close());
const a = await importedSchool(platform, 'tilleuls', 'École A');
const b = await importedSchool(platform, 'jeanMoulin', 'École B');
const classOfB = b.classes[0]!;
const pupilOfB = await platform.knex('core.memberships as m').join('core.users as u', 'u.id', 'm.user_id')
  .where({ 'm.school_id': b.school.id, 'u.profile': 'Student' }).first('u.id');

t.test('a director of school A can neither read nor change school B', async (t) => {
  const as = platform.as(a.director);
  const reads = [
    `/api/core/schools/${b.school.id}/classes`,
    `/api/core/schools/${b.school.id}/classes/${classOfB.id}/members`,
    `/api/core/schools/${b.school.id}/users`,
    `/api/core/schools/${b.school.id}/groups`,
    `/api/core/schools/${b.school.id}/audit`,
    `/api/core/schools/${b.school.id}/imports`,
  ];
  for (const url of reads) t.equal((await as.inject(url)).statusCode, 403, `GET ${url}`);
  const writes: [string, string, unknown?][] = [
    ['POST', `/api/core/schools/${b.school.id}/classes`, { label: 'CM1 pirate', levels: ['CM1'] }],
    ['PATCH', `/api/core/schools/${b.school.id}/classes/${classOfB.id}`, { label: 'Renommée' }],
    ['POST', `/api/core/schools/${b.school.id}/classes/${classOfB.id}/activation-slips`, {}],
    ['POST', `/api/core/schools/${b.school.id}/users/${pupilOfB.id}/block`],
    ['POST', `/api/core/schools/${b.school.id}/users/${pupilOfB.id}/activation-code`],
    ['POST', `/api/core/schools/${b.school.id}/users`, { profile: 'Teacher', firstName: 'Intrus', lastName: 'Dehors' }],
    ['POST', `/api/core/schools/${b.school.id}/groups`, { name: 'Pirates', memberIds: [] }],
  ];
  for (const [method, url, payload] of writes) {
    const response = await as.inject({ method: method as 'POST', url, ...(payload ? { payload: payload as object } : {}) });
    t.equal(response.statusCode, 403, `${method} ${url}`);
  }
  // A class or user of school B addressed through school A's URL is not found there.
  t.equal((await as.inject(`/api/core/schools/${a.school.id}/classes/${classOfB.id}/members`)).statusCode, 404);
  t.equal((await as.inject({ method: 'POST', url: `/api/core/schools/${a.school.id}/users/${pupilOfB.id}/block` })).statusCode, 404);
  const stillPending = await platform.knex('core.users').where({ id: pupilOfB.id }).first('state');
  t.equal(stillPending.state, 'pending', 'nothing of school B changed');
});

t.test('a relative sees only their own children and cannot reach the administration', async (t) => {
  const relative = await platform.knex('core.users as u').join('core.relative_links as rl', 'rl.relative_id', 'u.id')
    .join('core.memberships as m', 'm.user_id', 'u.id').where('m.school_id', a.school.id).first('u.id', 'u.login');
  await platform.knex('core.users').where({ id: relative.id }).update({ state: 'active' });
  const as = platform.as({ id: relative.id, login: relative.login, displayName: '', profile: 'Relative', password: '' });
  const me = (await as.inject('/api/core/me')).json();
  const own = await platform.knex('core.relative_links').where({ relative_id: relative.id }).pluck('pupil_id');
  t.same(me.children.map((c: { id: number }) => c.id).sort(), [...own].sort());
  t.ok(me.children.length > 0);
  t.equal((await as.inject(`/api/core/schools/${a.school.id}/classes`)).statusCode, 403);
  t.equal((await as.inject(`/api/core/schools/${a.school.id}/users`)).statusCode, 403);
  t.equal((await as.inject({ method: 'POST', url: `/api/core/schools/${a.school.id}/users/${own[0]}/activation-code` })).statusCode, 403);
});

t.test('a director manages classes, teachers and manual groups of their school; derived groups follow the classes', async (t) => {
  const as = platform.as(a.director);
  const created = await as.inject({ method: 'POST', url: `/api/core/schools/${a.school.id}/classes`, payload: { label: 'TPS - Mme LEROY', levels: ['TPS'] } });
  t.equal(created.statusCode, 201, created.body);
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [a.school], displayName: 'LEROY Anne' });
  const assigned = await as.inject({ method: 'PUT', url: `/api/core/schools/${a.school.id}/classes/${created.json().id}/teachers`, payload: { userIds: [teacher.id] } });
  t.same(assigned.json().teachers, [{ id: teacher.id, displayName: 'LEROY Anne' }]);
  const outsider = await platform.createUser({ profile: 'Teacher', schools: [b.school] });
  const refused = await as.inject({ method: 'PUT', url: `/api/core/schools/${a.school.id}/classes/${created.json().id}/teachers`, payload: { userIds: [outsider.id] } });
  t.equal(refused.statusCode, 403, 'a teacher of another school cannot be assigned');
  const renamed = await as.inject({ method: 'PATCH', url: `/api/core/schools/${a.school.id}/classes/${created.json().id}`, payload: { label: 'TPS - Mme LEROY-MARTIN' } });
  t.equal(renamed.json().label, 'TPS - Mme LEROY-MARTIN');

  const groups = (await as.inject(`/api/core/schools/${a.school.id}/groups`)).json();
  const names = groups.map((g: { name: string }) => g.name);
  t.ok(names.includes("Parents de l'école") && names.includes("Enseignants de l'école"));
  t.ok(names.includes('Enseignants — TPS - Mme LEROY-MARTIN'), 'derived groups are renamed with their class');
  const teachersOfClass = groups.find((g: { name: string }) => g.name === 'Enseignants — TPS - Mme LEROY-MARTIN');
  t.equal(teachersOfClass.members, 1);
  const parentsOfSchool = groups.find((g: { name: string }) => g.name === "Parents de l'école");
  t.equal(parentsOfSchool.members, 69, 'every imported guardian is in the parents group');

  const manual = await as.inject({ method: 'POST', url: `/api/core/schools/${a.school.id}/groups`, payload: { name: 'Chorale', memberIds: [teacher.id] } });
  t.equal(manual.statusCode, 201);
  t.equal(manual.json().members, 1);
  const derivedEdit = await as.inject({ method: 'PUT', url: `/api/core/schools/${a.school.id}/groups/${parentsOfSchool.id}`, payload: { name: 'x', memberIds: [] } });
  t.equal(derivedEdit.statusCode, 404, 'derived groups are not edited by hand');
  const foreignMember = await as.inject({ method: 'PUT', url: `/api/core/schools/${a.school.id}/groups/${manual.json().id}`, payload: { name: 'Chorale', memberIds: [outsider.id] } });
  t.equal(foreignMember.statusCode, 403);
  t.equal((await as.inject({ method: 'DELETE', url: `/api/core/schools/${a.school.id}/groups/${manual.json().id}` })).statusCode, 204);
});

t.test('an administrator creates an account by hand and finds it by name', async (t) => {
  const as = platform.as(a.director);
  const created = await as.inject({ method: 'POST', url: `/api/core/schools/${a.school.id}/users`, payload: { profile: 'Guest', firstName: 'Hélène', lastName: "D'Arcy", email: 'helene@asso.fr' } });
  t.equal(created.statusCode, 201, created.body);
  t.match(created.json(), { user: { login: 'helene.darcy', displayName: "D'ARCY Hélène", state: 'pending' }, activation: { code: /^[A-Z0-9]{8}$/ } });
  const twin = await as.inject({ method: 'POST', url: `/api/core/schools/${a.school.id}/users`, payload: { profile: 'Guest', firstName: 'Helene', lastName: 'Darcy' } });
  t.equal(twin.json().user.login, 'helene.darcy2', 'a numeric suffix on collision');
  const found = await as.inject(`/api/core/schools/${a.school.id}/users?q=darcy&profile=Guest`);
  t.equal(found.json().length, 2);
  const bad = await as.inject({ method: 'POST', url: `/api/core/schools/${a.school.id}/users`, payload: { profile: 'Pirate', firstName: 'x', lastName: 'y' } });
  t.equal(bad.statusCode, 400);
  t.equal(bad.json().code, 'PREAU_ERR_VALIDATION');
});

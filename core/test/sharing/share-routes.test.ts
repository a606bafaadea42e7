import t from 'tap';
import { folder, sharingSchool } from './sharing-school.js';

// The share dialog's routes. The teacher owns Classe, shared read with her class's parents and managed by a
// colleague; Sorties is inside it.
const school = await sharingSchool();
const { platform, sharing, teacher, otherTeacher, teacherB, cm2, ce1, a } = school;
t.teardown(() => platform.close());
const { knex } = platform;
const parentsOfCm2 = await school.group('cm2', 'Relative');
const [parent1, parent2] = [cm2.relatives[0]![0]!, cm2.relatives[1]![0]!];
await sharing.register(folder('classe'), { owner: teacher.id });
await sharing.register(folder('sorties'), { owner: teacher.id, parent: folder('classe') });
await sharing.grant(folder('classe'), { role: 'read', groups: [parentsOfCm2] }, { by: teacher.id, notify: false });
await sharing.grant(folder('classe'), { role: 'manage', users: [otherTeacher.id] }, { by: teacher.id, notify: false });
const url = (id: string) => `/api/core/shares/folders/folder/${id}`;
const grantRows = () => knex('core.share_grants').orderBy('id').select('resource_id', 'user_id', 'group_id', 'role', 'granted_by');

t.test('the owner sees who a folder is shared with: its own grants, then those it inherits, with names', async (t) => {
  const response = await platform.as(teacher).inject(url('sorties'));
  t.equal(response.statusCode, 200, response.body);
  t.match(response.json(), {
    resource: { app: 'folders', type: 'folder', id: 'sorties' },
    role: 'owner',
    owner: { id: teacher.id, displayName: 'MARTIN Sophie' },
    grants: [
      { grantee: { kind: 'group', id: parentsOfCm2, name: 'Parents — CM2 - Mme MARTIN', schoolId: a.id }, role: 'read', inheritedFrom: { type: 'folder', id: 'classe', title: 'un dossier', url: '/apps/folders/classe' }, lapsed: false },
      { grantee: { kind: 'user', id: otherTeacher.id, displayName: 'PETIT Louis', profile: 'Teacher' }, role: 'manage', grantedBy: { id: teacher.id, displayName: 'MARTIN Sophie' }, schoolId: a.id },
    ],
  });
});

t.test('a manager adds and changes grants; the answer and the database show them', async (t) => {
  const response = await platform.as(otherTeacher).inject({ method: 'PUT', url: url('sorties'), payload: { role: 'contribute', users: [parent1.id, parent2.id] } });
  t.equal(response.statusCode, 200, response.body);
  t.match(response.json(), { role: 'manage', grants: [{ grantee: { id: parent1.id }, role: 'contribute', inheritedFrom: null }, { grantee: { id: parent2.id }, inheritedFrom: null }] });
  const changed = await platform.as(otherTeacher).inject({ method: 'PUT', url: url('sorties'), payload: { role: 'read', users: [parent2.id], notify: false } });
  t.equal(changed.statusCode, 200);
  const [sorties] = await knex('core.shared_resources').where({ key: 'sorties' }).pluck('id');
  t.same((await grantRows()).filter((g) => g.resource_id === sorties).map((g) => [g.user_id, g.role, g.granted_by]), [[parent1.id, 'contribute', otherTeacher.id], [parent2.id, 'read', otherTeacher.id]]);
  const told = await knex('core.notification_recipients as r').join('core.notifications as n', 'n.id', 'r.notification_id').where({ 'n.type': 'shared-with-you' }).pluck('r.user_id');
  t.same(told.sort(), [parent1.id, parent2.id].sort(), 'each parent told once, by default');
});

t.test('a reader is told they cannot manage it; others of the school, of another school or signed out learn nothing; nothing changes', async (t) => {
  const before = await grantRows();
  const reader = await platform.as(parent2).inject(url('classe'));
  t.equal(reader.statusCode, 403);
  t.equal(reader.json().code, 'PREAU_ERR_SHARE_MANAGE_REQUIRED');
  t.match(reader.json().message, /propriétaire et les gestionnaires/, 'in French');
  t.equal((await platform.as(parent2).inject({ method: 'PUT', url: url('classe'), payload: { role: 'manage', users: [parent2.id] } })).statusCode, 403);
  for (const stranger of [teacherB, ce1.relatives[0]![0]!]) {
    for (const request of [
      { method: 'GET' as const, url: url('classe') },
      { method: 'PUT' as const, url: url('classe'), payload: { role: 'manage', users: [stranger.id] } },
      { method: 'DELETE' as const, url: `${url('classe')}/groups/${parentsOfCm2}` },
      { method: 'DELETE' as const, url: `${url('classe')}/users/${otherTeacher.id}` },
    ]) {
      const response = await platform.as(stranger).inject(request);
      t.equal(response.statusCode, 404, `${stranger.displayName}: ${request.method} ${request.url}`);
      t.equal(response.json().code, 'PREAU_ERR_SHARE_NOT_FOUND');
    }
  }
  t.equal((await platform.inject(url('classe'))).statusCode, 401, 'anonymous');
  t.same(await grantRows(), before);
});

t.test('unknown apps, types and resources are not found', async (t) => {
  for (const path of ['/api/core/shares/messaging/folder/classe', '/api/core/shares/folders/note/classe', url('inconnu')]) {
    const response = await platform.as(teacher).inject(path);
    t.equal(response.statusCode, 404, path);
    t.equal(response.json().code, 'PREAU_ERR_SHARE_NOT_FOUND');
  }
  t.equal((await platform.as(teacher).inject('/api/core/shares/folders/folder/a%2Fb')).statusCode, 400, 'an id that cannot be one');
});

t.test('a share outside the communication rules, or with nobody, is refused and writes nothing', async (t) => {
  const before = await grantRows();
  const outside = await platform.as(teacher).inject({ method: 'PUT', url: url('classe'), payload: { role: 'read', users: [parent1.id, teacherB.id] } });
  t.equal(outside.statusCode, 403);
  t.match(outside.json(), { code: 'PREAU_ERR_SHARE_RECIPIENTS_REFUSED', details: { users: [teacherB.id], groups: [] } });
  const nobody = await platform.as(teacher).inject({ method: 'PUT', url: url('classe'), payload: { role: 'read' } });
  t.equal(nobody.json().code, 'PREAU_ERR_SHARE_NO_RECIPIENT');
  const badRole = await platform.as(teacher).inject({ method: 'PUT', url: url('classe'), payload: { role: 'owner', users: [parent1.id] } });
  t.equal(badRole.statusCode, 400, 'owner is not a role one grants');
  t.same(await grantRows(), before);
});

t.test('a manager removes a grant; removing it again finds nothing', async (t) => {
  const removed = await platform.as(otherTeacher).inject({ method: 'DELETE', url: `${url('sorties')}/users/${parent1.id}` });
  t.equal(removed.statusCode, 204);
  t.equal(await sharing.roleOf(parent1.id, folder('sorties')), 'read', 'the parent still reads it through the class folder');
  const again = await platform.as(otherTeacher).inject({ method: 'DELETE', url: `${url('sorties')}/users/${parent1.id}` });
  t.equal(again.statusCode, 404);
  t.equal(again.json().code, 'PREAU_ERR_SHARE_GRANT_NOT_FOUND');
  t.equal((await platform.as(teacher).inject({ method: 'DELETE', url: `${url('classe')}/groups/${parentsOfCm2}` })).statusCode, 204);
  t.equal(await sharing.roleOf(parent1.id, folder('sorties')), null);
});

t.test('the dialog needs the app on for one of the user’s schools, and the right the type declares', async (t) => {
  await platform.platform.apps.set(a.id, { app: 'folders', enabled: false, startsOn: null, endsOn: null }, null);
  t.teardown(() => platform.platform.apps.set(a.id, { app: 'folders', enabled: true, startsOn: null, endsOn: null }, null));
  const off = await platform.as(teacher).inject(url('classe'));
  t.equal(off.statusCode, 403);
  t.equal(off.json().code, 'PREAU_ERR_APP_DISABLED');
  await platform.platform.apps.set(a.id, { app: 'folders', enabled: true, startsOn: null, endsOn: null }, null);
  const album = { type: 'album', id: 'kermesse' };
  await sharing.register(album, { owner: parent1.id });
  const byParent = await platform.as(parent1).inject('/api/core/shares/folders/album/kermesse');
  t.equal(byParent.statusCode, 403, 'only teachers hold the right to share albums');
  t.equal(byParent.json().code, 'PREAU_ERR_FORBIDDEN');
  await sharing.grant(album, { role: 'manage', users: [teacher.id] }, { by: null, notify: false });
  t.equal((await platform.as(teacher).inject('/api/core/shares/folders/album/kermesse')).statusCode, 200);
});

t.test('a person’s data export lists what was shared with them, what they shared and what they own, by id', async (t) => {
  const exported = (await platform.as(teacher).inject('/api/core/me/export')).json().core.shares;
  t.match(exported.owned, [{ app: 'folders', type: 'folder', id: 'classe' }, { app: 'folders', type: 'folder', id: 'sorties' }]);
  t.match(exported.sharedByThem, [{ app: 'folders', id: 'classe', role: 'manage', sharedWith: 'PETIT Louis' }]);
  const colleague = (await platform.as(otherTeacher).inject('/api/core/me/export')).json().core.shares;
  t.match(colleague.sharedWithThem, [{ app: 'folders', type: 'folder', id: 'classe', role: 'manage' }]);
});

import t from 'tap';
import { definePlugin, roleIncludes, sharingWithRoles } from '@preau/sdk';
import { createTestPlatform } from '../../src/testing/index.js';
import { foldersApp } from './sharing-school.js';

const THREAD_ROLES = [
  { name: 'read', label: { fr: 'Lecture', en: 'Read' }, description: { fr: 'lire', en: 'read' } },
  { name: 'contribute', label: { fr: 'Contribution', en: 'Contribute' }, description: { fr: 'proposer', en: 'submit' } },
  { name: 'publish', label: { fr: 'Publication', en: 'Publish' }, description: { fr: 'valider et publier', en: 'validate and publish' } },
  { name: 'manage', label: { fr: 'Gestion', en: 'Manage' }, description: { fr: 'tout', en: 'everything' } },
] as const;
type ThreadRole = (typeof THREAD_ROLES)[number]['name'];

/** An app whose threads have four roles, managed by their school's administrators. */
const threadsApp = definePlugin({
  name: 'threads',
  version: '1.0.0',
  sdk: '^1.0.0',
  title: { fr: 'Fils', en: 'Threads' },
  sharing: {
    thread: { title: { fr: 'un fil', en: 'a thread' }, url: '/apps/threads/{id}', roles: THREAD_ROLES, implicitManagers: 'school-admins' },
  },
});

const platform = await createTestPlatform({ plugins: [threadsApp, foldersApp] });
t.teardown(() => platform.close());
const a = await platform.createSchool({ name: 'École A' });
const b = await platform.createSchool({ name: 'École B' });
const director = await platform.createUser({ profile: 'Teacher', schools: [a], functions: [{ function: 'director', schoolId: a.id }], displayName: 'MARTINEZ Isabelle' });
const localAdmin = await platform.createUser({ profile: 'Personnel', schools: [a], functions: [{ function: 'local-admin', schoolId: a.id }] });
const directorB = await platform.createUser({ profile: 'Teacher', schools: [b], functions: [{ function: 'director', schoolId: b.id }] });
const teacher = await platform.createUser({ profile: 'Teacher', schools: [a], displayName: 'MARTIN Sophie' });
const cook = await platform.createUser({ profile: 'Personnel', schools: [a], displayName: 'FABRE Nadia' });
const cm2 = await platform.createClass({ school: a, label: 'CM2', teachers: [teacher], pupils: 1, relativesPerPupil: 1 });
const parent = cm2.relatives[0]![0]!;
const staffGroup = Number((await platform.knex('core.groups').where({ school_id: a.id, kind: 'school', profile: 'Personnel' }).first('id')).id);

const threads = sharingWithRoles(platform.platform.sharing.forApp('threads'), THREAD_ROLES);
const folders = platform.platform.sharing.forApp('folders');
const canteen = { type: 'thread', id: 1 };
await threads.register(canteen, { owner: teacher.id, school: a.id });
await threads.grant(canteen, { role: 'publish', groups: [staffGroup] }, { by: null, notify: false });
await threads.grant(canteen, { role: 'read', users: [parent.id] }, { by: null, notify: false });

t.test("a type's own roles are granted, answered and ranked in its order", async (t) => {
  t.equal(await threads.roleOf(cook.id, canteen), 'publish', 'through a group');
  t.equal(await threads.roleOf(parent.id, canteen), 'read');
  t.equal(await threads.roleOf(teacher.id, canteen), 'owner');
  const cookRole = await threads.roleOf(cook.id, canteen);
  t.ok(roleIncludes<ThreadRole>(cookRole, 'contribute', THREAD_ROLES.map((r) => r.name)), 'publish includes contribute');
  t.notOk(roleIncludes<ThreadRole>(cookRole, 'manage', THREAD_ROLES.map((r) => r.name)), 'but not manage');
  t.match((await threads.listGrants(canteen)).grants, [{ grantee: { kind: 'group', id: staffGroup }, role: 'publish' }, { grantee: { kind: 'user', id: parent.id }, role: 'read' }]);
  const shared = await threads.sharedWithMe(cook.id);
  t.same(shared.people.flatMap((p) => p.items.map((item) => item.role)), ['publish'], 'Partagé avec moi says the role by its name');
});

t.test('a role outside the type’s list is refused, whichever list it belongs to', async (t) => {
  await t.rejects(threads.grant(canteen, { role: 'edit' as ThreadRole, users: [cook.id] }, { by: null }), { code: 'PREAU_ERR_SHARE_ROLE_UNKNOWN', statusCode: 400 });
  await folders.register({ type: 'folder', id: 'f1' }, { owner: teacher.id });
  await t.rejects(
    sharingWithRoles(folders, THREAD_ROLES).grant({ type: 'folder', id: 'f1' }, { role: 'publish', users: [cook.id] }, { by: teacher.id }),
    { code: 'PREAU_ERR_SHARE_ROLE_UNKNOWN', details: { roles: ['read', 'contribute', 'manage'] } },
    "a folder's list is the default one",
  );
  const route = await platform.as(teacher).inject({ method: 'PUT', url: '/api/core/shares/threads/thread/1', payload: { role: 'owner', users: [cook.id] } });
  t.equal(route.statusCode, 400);
  t.equal(route.json().code, 'PREAU_ERR_SHARE_ROLE_UNKNOWN');
});

t.test('only the last role manages the sharing, and the dialog is given the type’s roles in the user’s language', async (t) => {
  const url = '/api/core/shares/threads/thread/1';
  const byPublisher = await platform.as(cook).inject(url);
  t.equal(byPublisher.statusCode, 403, 'publish is not enough');
  t.equal(byPublisher.json().code, 'PREAU_ERR_SHARE_MANAGE_REQUIRED');
  const answer = (await platform.as(teacher).inject(url)).json();
  t.same(answer.roles.map((role: { label: string }) => role.label), ['Lecture', 'Contribution', 'Publication', 'Gestion']);
  t.same(answer.roles[2], { name: 'publish', label: 'Publication', description: 'valider et publier' });
  const changed = await platform.as(teacher).inject({ method: 'PUT', url, payload: { role: 'manage', users: [cook.id], notify: false } });
  t.equal(changed.statusCode, 200);
  t.equal((await platform.as(cook).inject(url)).statusCode, 200, 'a person given the last role manages it');
  const folderAnswer = (await platform.as(teacher).inject('/api/core/shares/folders/folder/f1')).json();
  t.same(folderAnswer.roles.map((role: { name: string }) => role.name), ['read', 'contribute', 'manage'], 'a type without a list keeps lecture, contribution, gestion');
});

t.test("a school's administrators manage its resources without a grant; other schools' do not", async (t) => {
  t.equal(await threads.roleOf(director.id, canteen), 'manage');
  t.equal(await threads.roleOf(localAdmin.id, canteen), 'manage');
  t.equal(await threads.roleOf(platform.admin.id, canteen), 'manage', 'the academy administrator too');
  t.equal(await threads.roleOf(directorB.id, canteen), null);
  t.equal((await platform.as(director).inject('/api/core/shares/threads/thread/1')).statusCode, 200, 'the director opens the share dialog');
  await threads.grant(canteen, { role: 'read', users: [teacher.id] }, { by: director.id, notify: false });
  t.equal((await platform.as(directorB).inject('/api/core/shares/threads/thread/1')).statusCode, 404);
  await threads.register({ type: 'thread', id: 2 }, { owner: null });
  t.equal(await threads.roleOf(director.id, { type: 'thread', id: 2 }), null, 'a resource registered without a school has no implicit managers');
  await t.rejects(folders.register({ type: 'folder', id: 'f2' }, { owner: teacher.id, school: a.id }), { code: 'PREAU_ERR_SHARE_RESOURCE_INVALID' }, 'a type that declares none takes no school');
});

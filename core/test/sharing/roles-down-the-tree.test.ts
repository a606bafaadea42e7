import t from 'tap';
import type { SharedResourceRef } from '@preau/sdk';
import { file, folder, sharingSchool } from './sharing-school.js';

// The teacher's tree:  1 Classe ─┬─ 2 Sorties ── file 10
//                                └─ 3 Photos ── 4 Kermesse ── file 11
const school = await sharingSchool();
const { platform, sharing, teacher, otherTeacher, cm2 } = school;
t.teardown(() => platform.close());
const { knex } = platform;
const [parent1, parent2] = [cm2.relatives[0]![0]!, cm2.relatives[1]![0]!];
for (const [resource, parent] of [[folder(1), null], [folder(2), folder(1)], [file(10), folder(2)], [folder(3), folder(1)], [folder(4), folder(3)], [file(11), folder(4)]] as const) {
  await sharing.register(resource, { owner: teacher.id, parent });
}
const parentsOfCm2 = await school.group('cm2', 'Relative');
const byTeacher = { by: teacher.id, notify: false } as const;
const roles = async (userId: number, resources: SharedResourceRef[]) => Promise.all(resources.map((r) => sharing.roleOf(userId, r)));
const parentIdOf = async (id: number) =>
  (await knex('core.shared_resources as r').leftJoin('core.shared_resources as p', 'p.id', 'r.parent_id').where({ 'r.app': 'folders', 'r.key': String(id), 'r.type': 'folder' }).first('p.key')).key;

t.test('a role granted on a folder reaches everything under it, and nothing beside or above it', async (t) => {
  await sharing.grant(folder(2), { role: 'read', users: [parent1.id] }, byTeacher);
  t.same(await roles(parent1.id, [folder(2), file(10), folder(1), folder(3), file(11)]), ['read', 'read', null, null, null]);
  t.same(await roles(teacher.id, [folder(1), file(11)]), ['owner', 'owner'], 'the owner of the top folder owns all of it');
});

t.test('the strongest role wins, wherever in the ancestors it is granted', async (t) => {
  await sharing.grant(folder(1), { role: 'read', groups: [parentsOfCm2] }, byTeacher);
  await sharing.grant(folder(3), { role: 'contribute', users: [parent2.id] }, byTeacher);
  await sharing.grant(folder(4), { role: 'read', users: [parent2.id] }, byTeacher);
  t.same(await roles(parent2.id, [folder(1), folder(2), folder(3), folder(4), file(11)]), ['read', 'read', 'contribute', 'contribute', 'contribute'],
    'a weaker grant lower down takes nothing away from a stronger one above');
  await sharing.grant(file(11), { role: 'manage', users: [parent2.id] }, byTeacher);
  t.equal(await sharing.roleOf(parent2.id, file(11)), 'manage', 'and a stronger one lower down adds to it');
});

t.test('someone who adds a file to a folder shared with them owns it, as does the owner of the folder', async (t) => {
  await sharing.grant(folder(3), { role: 'contribute', users: [otherTeacher.id] }, byTeacher);
  await sharing.register(file(12), { owner: otherTeacher.id, parent: folder(3) });
  t.same(await roles(otherTeacher.id, [file(12), folder(3), folder(1)]), ['owner', 'contribute', null]);
  t.equal(await sharing.roleOf(teacher.id, file(12)), 'owner');
  const stored = await knex('core.shared_resources').where({ app: 'folders', type: 'file', key: '12' }).first('owner_id');
  t.equal(stored.owner_id, otherTeacher.id, 'the core keeps the owner the app gave');
});

t.test('moving a folder moves the access it inherits, and moving it back restores it', async (t) => {
  // parent2 reads 1 (group), contributes to 3 and 4: under 2 Sorties, Kermesse only inherits the group's read.
  await sharing.setParent(folder(4), folder(2));
  t.equal(await parentIdOf(4), '2');
  t.same(await roles(parent2.id, [folder(4), folder(3)]), ['read', 'contribute']);
  t.same(await roles(otherTeacher.id, [folder(4), file(11)]), [null, null], 'the colleague who contributes to Photos no longer reaches it');
  await sharing.setParent(folder(4), folder(3));
  t.same(await roles(parent2.id, [folder(4)]), ['contribute']);
  t.same(await roles(otherTeacher.id, [folder(4), file(11)]), ['contribute', 'contribute']);
  await sharing.setParent(folder(2), null);
  t.same(await roles(parent2.id, [folder(2), file(10)]), [null, null], 'a folder moved to the top inherits nothing');
  t.equal(await sharing.roleOf(teacher.id, folder(2)), 'owner', 'its own owner keeps it');
  await sharing.setParent(folder(2), folder(1));
});

t.test('a folder cannot be moved into itself or into one of its subfolders, and nothing moves', async (t) => {
  await t.rejects(sharing.setParent(folder(1), folder(4)), { code: 'PREAU_ERR_SHARE_CYCLE', statusCode: 409 });
  await t.rejects(sharing.setParent(folder(3), folder(3)), { code: 'PREAU_ERR_SHARE_CYCLE' });
  await t.rejects(sharing.register(folder(3), { owner: teacher.id, parent: file(11) }), { code: 'PREAU_ERR_SHARE_CYCLE' }, 'nor through register');
  t.same([await parentIdOf(1), await parentIdOf(3), await parentIdOf(4)], [null, '1', '3']);
});

t.test('an app names only the types its manifest declares, with well-formed ids, and parents it registered', async (t) => {
  await t.rejects(sharing.register({ type: 'note', id: 1 }, { owner: teacher.id }), { code: 'PREAU_ERR_SHARE_RESOURCE_INVALID', statusCode: 400 });
  await t.rejects(sharing.roleOf(teacher.id, { type: 'folder', id: '../1' }), { code: 'PREAU_ERR_SHARE_RESOURCE_INVALID' });
  await t.rejects(sharing.register(folder(50), { owner: teacher.id, parent: folder(404) }), { code: 'PREAU_ERR_SHARE_RESOURCE_UNKNOWN' });
  t.notOk(await knex('core.shared_resources').where({ app: 'folders', key: '50' }).first('id'), 'a refused registration writes nothing');
  t.equal(await sharing.roleOf(teacher.id, folder(404)), null, 'an unregistered resource gives nobody a role');
  await t.rejects(platform.platform.sharing.forApp('messaging').roleOf(teacher.id, folder(1)), { code: 'PREAU_ERR_SHARE_RESOURCE_INVALID' }, 'another app cannot name them');
});

t.test('a list is filtered to what the user may read, in its order, with each role', async (t) => {
  const list = [file(11), folder(2), folder(404), file(10), folder(3)];
  t.same(await sharing.filterReadable(parent1.id, list), [
    { type: 'file', id: 11, role: 'read' },
    { type: 'folder', id: 2, role: 'read' },
    { type: 'file', id: 10, role: 'read' },
    { type: 'folder', id: 3, role: 'read' },
  ]);
  t.same(await sharing.filterReadable(school.teacherB.id, list), [], 'a teacher of another school reads none');
  t.same(await sharing.filterReadable(parent1.id, []), []);
});

t.test('removing a folder forgets everything under it and their grants', async (t) => {
  await sharing.remove(folder(3));
  const left = await knex('core.shared_resources').where({ app: 'folders' }).orderBy(['type', 'key']).select('type', 'key');
  t.same(left.map((r) => `${r.type} ${r.key}`), ['file 10', 'folder 1', 'folder 2']);
  const grants = await knex('core.share_grants as s').join('core.shared_resources as r', 'r.id', 's.resource_id').pluck('r.key');
  t.same([...new Set(grants)].sort(), ['1', '2'], 'the grants on 3, 4 and 11 went with them');
  t.same(await roles(parent2.id, [folder(3), file(11)]), [null, null]);
});

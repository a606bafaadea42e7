import t from 'tap';
import { file, folder, sharingSchool } from './sharing-school.js';

// "Partagé avec moi" of a CM2 parent: shares by the class's teacher (to the parents' group and to them), by
// another teacher, and by the app itself; their own folder; things inside what is already shared with them.
const school = await sharingSchool();
const { platform, sharing, teacher, otherTeacher, cm2, ce1 } = school;
t.teardown(() => platform.close());
const parent = cm2.relatives[0]![0]!;
const parentsOfCm2 = await school.group('cm2', 'Relative');
const minute = () => platform.clock.advance(60_000);
for (const id of ['f1', 'f2', 'f3', 'f4', 'sub', 'doc']) await sharing.register(id === 'doc' ? file(id) : folder(id), { owner: teacher.id, parent: id === 'sub' ? folder('f1') : null });
for (const id of ['f5', 'f6']) await sharing.register(folder(id), { owner: otherTeacher.id });
await sharing.register(folder('f7'), { owner: parent.id });
await sharing.register(folder('f8'), { owner: null });

const quiet = { notify: false } as const;
await sharing.grant(folder('f1'), { role: 'read', groups: [parentsOfCm2] }, { by: teacher.id, ...quiet });
await sharing.grant(folder('f2'), { role: 'read', groups: [parentsOfCm2] }, { by: teacher.id, ...quiet });
await sharing.grant(folder('f3'), { role: 'read', groups: [parentsOfCm2] }, { by: teacher.id, ...quiet });
minute();
await sharing.grant(folder('f4'), { role: 'contribute', users: [parent.id] }, { by: teacher.id, ...quiet });
minute();
await sharing.grant(folder('f5'), { role: 'read', users: [parent.id] }, { by: otherTeacher.id, ...quiet });
minute();
await sharing.grant(folder('f6'), { role: 'read', users: [parent.id] }, { by: otherTeacher.id, ...quiet });
minute();
// Inside f1, already shared with the parent: reached by opening f1, not listed again.
await sharing.grant(folder('sub'), { role: 'contribute', users: [parent.id] }, { by: teacher.id, ...quiet });
minute();
await sharing.grant(file('doc'), { role: 'read', users: [parent.id] }, { by: teacher.id, ...quiet });
minute();
await sharing.grant(folder('f8'), { role: 'read', users: [parent.id] }, { by: null, ...quiet });
// The parent's own folder, where the teacher added one shared back with them: it is in their own space.
await sharing.grant(folder('f7'), { role: 'contribute', users: [teacher.id] }, { by: parent.id, ...quiet });
await sharing.register(folder('f7-x'), { owner: teacher.id, parent: folder('f7') });
await sharing.grant(folder('f7-x'), { role: 'read', users: [parent.id] }, { by: teacher.id, ...quiet });

type Page = Awaited<ReturnType<typeof sharing.sharedWithMe>>;
const shape = (page: Page) => page.people.map((group) => [group.sharedBy?.displayName ?? null, group.items.map((item) => `${item.id}:${item.role}`)]);

t.test('a parent sees what was shared with them grouped by who shared it, newest first, and not their own', async (t) => {
  const page = await sharing.sharedWithMe(parent.id, { type: 'folder' });
  t.same(shape(page), [
    [null, ['f8:read']],
    ['MARTIN Sophie', ['f4:contribute', 'f3:read', 'f2:read', 'f1:read']],
    ['PETIT Louis', ['f6:read', 'f5:read']],
  ]);
  t.equal(page.nextCursor, null);
  t.same(page.people[1]!.sharedBy, { id: teacher.id, displayName: 'MARTIN Sophie' });
  t.ok(page.people[1]!.items[0]!.sharedAt instanceof Date);
  const all = await sharing.sharedWithMe(parent.id);
  t.same(shape(all)[1], ['MARTIN Sophie', ['doc:read', 'f4:contribute', 'f3:read', 'f2:read', 'f1:read']], 'every type without a filter');
});

t.test('pages follow each other without a gap or a repeat, a sharer continuing on the next page', async (t) => {
  const pages: Page[] = [];
  let cursor: string | undefined;
  do {
    const page = await sharing.sharedWithMe(parent.id, { type: 'folder', limit: 3, cursor });
    pages.push(page);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  t.same(pages.map(shape), [
    [[null, ['f8:read']], ['MARTIN Sophie', ['f4:contribute', 'f3:read']]],
    [['MARTIN Sophie', ['f2:read', 'f1:read']], ['PETIT Louis', ['f6:read']]],
    [['PETIT Louis', ['f5:read']]],
  ]);
});

t.test('a parent of another class sees nothing of it, and a malformed cursor is a coded 400', async (t) => {
  t.same(await sharing.sharedWithMe(ce1.relatives[0]![0]!.id), { people: [], nextCursor: null });
  await t.rejects(sharing.sharedWithMe(parent.id, { cursor: 'pas-un-curseur' }), { code: 'PREAU_ERR_CURSOR', statusCode: 400 });
  await t.rejects(sharing.sharedWithMe(parent.id, { cursor: Buffer.from('["x",1,2]').toString('base64url') }), { code: 'PREAU_ERR_CURSOR' });
  await t.rejects(sharing.sharedWithMe(parent.id, { type: 'note' }), { code: 'PREAU_ERR_SHARE_RESOURCE_INVALID' });
});

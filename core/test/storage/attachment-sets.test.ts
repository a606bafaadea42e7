import t from 'tap';
import { createTestPlatform, waitFor } from '../../src/testing/index.js';
import { diskStorage, pattern } from './storage-fixtures.js';

const backend = await diskStorage();
const platform = await createTestPlatform({ config: { storage: backend.config } });
t.teardown(async () => {
  await platform.close();
  await backend.close();
});
const storage = platform.platform.storage;
const attachments = platform.platform.attachments.forApp('notebook');
const school = await platform.createSchool();
const KIB = 1024;

const upload = (owner: number, name: string, size = 10 * KIB) => storage.put(pattern(size), { owner, name });
const collected = (id: string) => waitFor(async () => (await storage.stat(id)) === undefined, { what: `blob ${id} collected` });
const word = (id: number) => ({ type: 'word', id });

t.test('a set keeps its files in order under their names, one storage reference each', async (t) => {
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [school] });
  const a = await upload(teacher.id, 'piscine.pdf');
  const b = await upload(teacher.id, 'menu.png', 20 * KIB);
  const { files, refused } = await attachments.check(teacher.id, [b.id, a.id]);
  t.same(refused, []);
  await platform.knex.transaction((trx) => attachments.set(word(1), files, { transaction: trx }));
  const [first, second, none] = await attachments.of([word(1), word(2), word(1)]);
  t.same(first!.map((f) => [f.id, f.name, f.size]), [[b.id, 'menu.png', 20 * KIB], [a.id, 'piscine.pdf', 10 * KIB]], 'in the order given');
  t.same(second, [], 'a holder without files has an empty list');
  t.same(none, first, 'one list per holder asked, in their order');
  t.same(await platform.knex('core.storage_references').where({ holder: 'notebook:word:1' }).orderBy('blob_id').pluck('blob_id'), [a.id, b.id].sort(),
    'the holder is the one apps gave their references before the sets');
  t.same(await platform.knex('core.storage_references').where({ holder: 'inserted:notebook:word:1' }).pluck('blob_id'), [], 'apart from inserted files');
});

t.test('setting again reorders, keeps shared files, and lets the dropped ones be collected (quota freed)', async (t) => {
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [school] });
  const a = await upload(teacher.id, 'a.pdf');
  const b = await upload(teacher.id, 'b.pdf');
  const c = await upload(teacher.id, 'c.pdf');
  const all = (await attachments.check(teacher.id, [a.id, b.id, c.id])).files;
  await attachments.set(word(10), all);
  await attachments.set(word(11), [all[0]!]);
  t.equal((await storage.usage(teacher.id)).used, 30 * KIB);
  await attachments.set(word(10), [all[2]!, all[0]!]);
  t.same((await attachments.of([word(10)]))[0]!.map((f) => f.name), ['c.pdf', 'a.pdf']);
  t.ok(await collected(b.id), 'the dropped file nothing else holds is collected');
  t.equal((await storage.usage(teacher.id)).used, 20 * KIB, 'and its owner’s quota freed');
  await attachments.release([word(10)]);
  t.ok(await collected(c.id));
  t.ok(await storage.stat(a.id), 'a file another holder keeps stays');
  t.same((await attachments.of([word(11)]))[0]!.map((f) => f.id), [a.id]);
  await attachments.release([word(11)]);
  t.ok(await collected(a.id), 'until the last holder lets go');
  t.equal((await storage.usage(teacher.id)).used, 0);
});

t.test('only the author’s files, or those a given holder already has, may be attached', async (t) => {
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [school] });
  const colleague = await platform.createUser({ profile: 'Teacher', schools: [school] });
  const mine = await upload(teacher.id, 'moi.pdf');
  const theirs = await upload(colleague.id, 'collegue.pdf');
  const unknown = 'f'.repeat(32);
  const stolen = await attachments.check(teacher.id, [mine.id, theirs.id, unknown]);
  t.same(stolen, { files: [], refused: [theirs.id, unknown] }, 'nothing is attached when one is refused');
  await attachments.set(word(20), (await attachments.check(colleague.id, [theirs.id])).files);
  const kept = await attachments.check(teacher.id, [theirs.id, mine.id], { alreadyOn: [word(20)] });
  t.same(kept.files.map((f) => f.name), ['collegue.pdf', 'moi.pdf'], 'an edit keeps a file the holder already had');
  t.same((await attachments.check(teacher.id, [theirs.id], { alreadyOn: [word(21)] })).refused, [theirs.id], 'not through another holder');
  t.same((await platform.platform.attachments.forApp('other').check(teacher.id, [theirs.id], { alreadyOn: [word(20)] })).refused, [theirs.id],
    'nor through another app’s holder of the same name');
});

t.test('a rolled back transaction changes no set and collects no file', async (t) => {
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [school] });
  const a = await upload(teacher.id, 'a.pdf');
  const b = await upload(teacher.id, 'b.pdf');
  const files = (await attachments.check(teacher.id, [a.id])).files;
  await attachments.set(word(30), files);
  const other = (await attachments.check(teacher.id, [b.id])).files;
  await t.rejects(platform.knex.transaction(async (trx) => {
    await attachments.set(word(30), other, { transaction: trx });
    await attachments.release([word(30)], { transaction: trx });
    throw new Error('half-way');
  }), /half-way/);
  t.same((await attachments.of([word(30)]))[0]!.map((f) => f.id), [a.id]);
  t.ok(await storage.stat(a.id), 'the file is still there');
  t.same(await platform.knex('core.storage_references').where({ holder: 'notebook:word:30' }).pluck('blob_id'), [a.id]);
});

t.test('a holder must be a type and an id of letters, digits, dashes or underscores', async (t) => {
  await t.rejects(attachments.of([{ type: 'word:1', id: 2 }]), /invalid holder/);
  await t.rejects(attachments.release([{ type: 'word', id: '1 or 1=1' }]), /invalid holder/);
});

import t from 'tap';
import { createTestPlatform, fileUpload, type TestPlatform, type TestUser } from '@preau/core/testing';
import news from '../src/index.js';
import moveToCore from '../migrations/005-attachments-in-core.js';
import { makeSchool } from './school.js';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

interface OldRow { item_id: number; blob_id: string; name: string; media_type: string; size: number; position: number }

let platform: TestPlatform;
t.before(async () => {
  platform = await createTestPlatform({ plugins: [news] });
});
t.teardown(() => platform.close());

/** Runs a step of migration 005 as the migrator does: in a transaction, on the app's schema then the core's. */
async function migrate(step: 'up' | 'down'): Promise<void> {
  await platform.knex.transaction(async (trx) => {
    await trx.raw('set local search_path to news, core');
    await moveToCore[step](trx);
  });
}

const byPlace = (a: { holder: string; position: number }, b: { holder: string; position: number }) => a.holder.localeCompare(b.holder) || a.position - b.position;

t.test('moving the items’ files to the storage keeps every file of every item, its name and its place', async (t) => {
  const s = await makeSchool(platform);
  const thread = (await platform.as(s.director).inject({
    method: 'POST', url: '/api/news/threads',
    payload: { schoolId: s.school.id, title: 'Restaurant scolaire', shares: [{ groupId: s.schoolGroup('Personnel'), role: 'publish' }] },
  })).json().id as number;
  const upload = async (user: TestUser, name: string, bytes: Buffer) =>
    (await platform.as(user).inject({ method: 'POST', url: '/api/news/attachments', ...fileUpload(name, bytes) })).json()[0];
  const write = async (title: string) => (await platform.as(s.cook).inject({
    method: 'POST', url: `/api/news/threads/${thread}/items`, payload: { title, body: '<p>Bon appétit !</p>', action: 'publish' },
  })).json().id as number;
  const menu = await upload(s.cook, 'menu.png', PNG);
  const allergens = await upload(s.cook, 'allergènes.pdf', PDF);
  const directors = await upload(s.director, 'mot du directeur.pdf', PDF);

  // Items written before the move, in the app's table as it was.
  await migrate('down');
  const week = await write('Menu de la semaine');
  const bare = await write('Fermeture');
  const holidays = await write('Menu des vacances');
  const old: OldRow[] = [
    { item_id: week, blob_id: allergens.id, name: 'allergènes.pdf', media_type: 'application/pdf', size: PDF.length, position: 0 },
    { item_id: week, blob_id: menu.id, name: 'menu de la semaine.png', media_type: 'image/png', size: PNG.length, position: 1 },
    { item_id: week, blob_id: directors.id, name: 'mot du directeur.pdf', media_type: 'application/pdf', size: PDF.length, position: 2 },
    { item_id: holidays, blob_id: menu.id, name: 'menu.png', media_type: 'image/png', size: PNG.length, position: 0 },
  ];
  await platform.knex('news.item_attachments').insert(old);
  for (const row of old) await platform.platform.storage.addReference(row.blob_id, `news:item:${row.item_id}`);
  const references = await platform.knex('core.storage_references').where('holder', 'like', 'news:%').orderBy(['holder', 'blob_id']).select('holder', 'blob_id');
  const usage = await Promise.all([s.cook, s.director].map((user) => platform.platform.storage.usage(user.id)));

  await migrate('up');
  t.notOk(await platform.knex.schema.withSchema('news').hasTable('item_attachments'), 'the app’s table is gone');
  const item = async (id: number) => (await platform.as(s.cook).inject(`/api/news/items/${id}`)).json();
  t.same((await item(week)).attachments.map((a: { id: string; name: string }) => [a.id, a.name]),
    [[allergens.id, 'allergènes.pdf'], [menu.id, 'menu de la semaine.png'], [directors.id, 'mot du directeur.pdf']], 'every file, its name and its order');
  t.same((await item(holidays)).attachments.map((a: { id: string; name: string }) => [a.id, a.name]), [[menu.id, 'menu.png']], 'a shared file keeps each item’s name');
  t.same((await item(bare)).attachments, []);
  const moved = await platform.knex('core.storage_attachments').where('holder', 'like', 'news:%').select('holder', 'blob_id', 'name', 'media_type', 'size', 'position');
  t.same(moved.map((r) => ({ ...r, size: Number(r.size) })).sort(byPlace),
    old.map((r) => ({ holder: `news:item:${r.item_id}`, blob_id: r.blob_id, name: r.name, media_type: r.media_type, size: r.size, position: r.position })).sort(byPlace), 'row for row');
  t.same(await platform.knex('core.storage_references').where('holder', 'like', 'news:%').orderBy(['holder', 'blob_id']).select('holder', 'blob_id'), references, 'the references are untouched');
  t.same(await Promise.all([s.cook, s.director].map((user) => platform.platform.storage.usage(user.id))), usage, 'and the quotas');
  const download = await platform.as(s.cook).inject(`/api/news/items/${week}/attachments/${menu.id}`);
  t.equal(download.statusCode, 200);
  t.match(String(download.headers['content-disposition']), /semaine/, 'downloaded under its item’s name');

  // After the move, the cook edits the item keeping the director's file (already on it) and trashes another.
  const kept = await platform.as(s.cook).inject({
    method: 'PATCH', url: `/api/news/items/${week}`, payload: { title: 'Menu', body: '', action: 'publish', attachmentIds: [directors.id, menu.id] },
  });
  // As before the move, an edit names each file as it was uploaded.
  t.same(kept.json().attachments.map((a: { name: string }) => a.name), ['mot du directeur.pdf', 'menu.png'], 'a moved set is edited like any');
  await platform.as(s.cook).inject({ method: 'POST', url: `/api/news/items/${holidays}/trash` });
  t.same(await platform.platform.attachments.forApp('news').of([{ type: 'item', id: holidays }]), [[]], 'a trashed item lets go of its set');

  // And back: the sets of existing items return to the app's table.
  await migrate('down');
  t.same(await platform.knex('news.item_attachments').where({ item_id: week }).orderBy('position').pluck('name'), ['mot du directeur.pdf', 'menu.png']);
  await migrate('up');
  t.same((await item(week)).attachments.map((a: { name: string }) => a.name), ['mot du directeur.pdf', 'menu.png']);
});

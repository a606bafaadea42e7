import t from 'tap';
import { fileUpload } from '@preau/core/testing';
import moveToCore from '../migrations/003-attachments-in-core.js';
import { cm2School, PISCINE } from './helpers/cm2-school.js';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

interface OldRow { word_id: number; blob_id: string; name: string; media_type: string; size: string | number; position: number }

t.test('moving the attachments to the storage keeps every file of every word, its name and its place', async (t) => {
  const s = await cm2School();
  t.teardown(() => s.platform.close());
  const { platform, teacher } = s;
  /** Runs a step of migration 003 as the migrator does: in a transaction, on the app's schema then the core's. */
  const migrate = (step: 'up' | 'down') => platform.knex.transaction(async (trx) => {
    await trx.raw('set local search_path to liaison, core');
    await moveToCore[step](trx);
  });
  const upload = async (name: string, bytes: Buffer) => (await platform.as(teacher).inject({ method: 'POST', url: '/api/liaison/attachments', ...fileUpload(name, bytes) })).json()[0];
  const post = async (title: string, attachmentIds: string[]) =>
    (await platform.as(teacher).inject({ method: 'POST', url: '/api/liaison/words', payload: { ...PISCINE, title, classIds: [s.classId], attachmentIds } })).json().id as number;
  const pdf = await upload('autorisation.pdf', PDF);
  const png = await upload('plan.png', PNG);
  const map = await upload('carte.png', PNG);
  // Words written before the move, in the app's table as it was.
  await migrate('down');
  const written = await post('Piscine', []);
  const bare = await post('Réunion', []);
  const copied = await post('Piscine (copie)', []);
  const old: OldRow[] = [
    { word_id: written, blob_id: png.id, name: 'plan du bassin.png', media_type: 'image/png', size: PNG.length, position: 0 },
    { word_id: written, blob_id: pdf.id, name: 'autorisation.pdf', media_type: 'application/pdf', size: PDF.length, position: 1 },
    { word_id: written, blob_id: map.id, name: 'carte.png', media_type: 'image/png', size: PNG.length, position: 2 },
    { word_id: copied, blob_id: pdf.id, name: 'autorisation (copie).pdf', media_type: 'application/pdf', size: PDF.length, position: 1 },
    { word_id: copied, blob_id: map.id, name: 'carte.png', media_type: 'image/png', size: PNG.length, position: 0 },
  ];
  await platform.knex('liaison.attachments').insert(old);
  for (const row of old) await platform.platform.storage.addReference(row.blob_id, `liaison:word:${row.word_id}`);
  const references = await platform.knex('core.storage_references').where('holder', 'like', 'liaison:%').orderBy(['holder', 'blob_id']).select('holder', 'blob_id');
  const usage = await platform.platform.storage.usage(teacher.id);

  await migrate('up');
  t.notOk(await platform.knex.schema.withSchema('liaison').hasTable('attachments'), 'the app’s table is gone');
  const word = async (id: number) => (await platform.as(teacher).inject(`/api/liaison/words/${id}`)).json();
  t.same((await word(written)).attachments.map((a: { id: string; name: string }) => [a.id, a.name]), [[png.id, 'plan du bassin.png'], [pdf.id, 'autorisation.pdf'], [map.id, 'carte.png']], 'every file, its name and its order');
  t.same((await word(copied)).attachments.map((a: { id: string; name: string }) => [a.id, a.name]), [[map.id, 'carte.png'], [pdf.id, 'autorisation (copie).pdf']], 'a shared file keeps each word’s name and place');
  t.same((await word(bare)).attachments, []);
  const moved = await platform.knex('core.storage_attachments').where('holder', 'like', 'liaison:%').select('holder', 'blob_id', 'name', 'media_type', 'size', 'position');
  t.same(moved.map((r) => ({ ...r, size: Number(r.size) })).sort((a, b) => `${a.holder}${a.position}`.localeCompare(`${b.holder}${b.position}`)),
    old.map((r) => ({ holder: `liaison:word:${r.word_id}`, blob_id: r.blob_id, name: r.name, media_type: r.media_type, size: Number(r.size), position: r.position }))
      .sort((a, b) => `${a.holder}${a.position}`.localeCompare(`${b.holder}${b.position}`)), 'row for row');
  t.same(await platform.knex('core.storage_references').where('holder', 'like', 'liaison:%').orderBy(['holder', 'blob_id']).select('holder', 'blob_id'), references, 'the references are untouched');
  t.same(await platform.platform.storage.usage(teacher.id), usage, 'and the quota');
  const download = await platform.as(teacher).inject(`/api/liaison/words/${copied}/attachments/${pdf.id}`);
  t.equal(download.statusCode, 200);
  t.match(String(download.headers['content-disposition']), /copie/, 'downloaded under its word’s name');

  // After the move, an edit and a deletion work on the moved sets.
  await platform.as(teacher).inject({ method: 'DELETE', url: `/api/liaison/words/${written}` });
  t.same(await platform.platform.attachments.forApp('liaison').of([{ type: 'word', id: written }]), [[]], 'a deleted word lets go of its set');
  t.ok(await platform.platform.storage.stat(pdf.id), 'a file the copy still has stays');

  // And back: the sets of existing words return to the app's table.
  await migrate('down');
  t.same((await platform.knex('liaison.attachments').where({ word_id: copied }).orderBy('position').pluck('name')), ['carte.png', 'autorisation (copie).pdf']);
  await migrate('up');
  t.same((await word(copied)).attachments.map((a: { name: string }) => a.name), ['carte.png', 'autorisation (copie).pdf']);
});

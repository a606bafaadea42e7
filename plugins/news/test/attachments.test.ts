import t from 'tap';
import { createTestPlatform, fileUpload, waitFor, type TestPlatform, type TestUser } from '@preau/core/testing';
import news from '../src/index.js';
import { makeSchool } from './school.js';

// The smallest valid PNG: storage detects its type from the bytes.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

let platform: TestPlatform;
t.before(async () => {
  platform = await createTestPlatform({ plugins: [news] });
});
t.teardown(() => platform.close());


const upload = async (user: TestUser, name: string, content: Buffer) =>
  platform.as(user).inject({ method: 'POST', url: '/api/news/attachments', ...fileUpload(name, content) });

/** Waits until storage collected the file (after the releasing transaction committed). */
const collected = (id: string): Promise<boolean> =>
  waitFor(async () => !(await platform.platform.storage.stat(id)), { what: `the file ${id} to be collected` });

/** The canteen thread: CM2 parents read it, the cook publishes in it. */
async function canteen() {
  const s = await makeSchool(platform);
  const thread = await platform.as(s.director).inject({
    method: 'POST', url: '/api/news/threads',
    payload: { schoolId: s.school.id, title: 'Restaurant scolaire', shares: [{ groupId: s.classGroup(s.cm2.id, 'Relative'), role: 'read' }, { groupId: s.schoolGroup('Personnel'), role: 'publish' }] },
  });
  return { ...s, threadId: thread.json().id as number, parent: s.cm2.relatives[0]![0]!, outsider: s.ce1.relatives[0]![0]! };
}

t.test("a news item carries the images and files its writer uploaded; the thread's readers get them, nobody else", async (t) => {
  const s = await canteen();
  const photo = await upload(s.cook, 'menu de la semaine.png', PNG);
  t.equal(photo.statusCode, 201, photo.body);
  const [image] = photo.json();
  t.match(image, { name: 'menu de la semaine.png', mediaType: 'image/png', size: PNG.length });
  const [pdf] = (await upload(s.cook, 'allergènes.pdf', Buffer.from('%PDF-1.4\n%…\n'))).json();

  const published = await platform.as(s.cook).inject({
    method: 'POST', url: `/api/news/threads/${s.threadId}/items`,
    payload: { title: 'Menu de la semaine', body: '<p>Bon appétit !</p>', action: 'publish', attachmentIds: [image.id, pdf.id] },
  });
  t.equal(published.statusCode, 201, published.body);
  const item = published.json();
  t.same(item.attachments.map((a: { name: string }) => a.name), ['menu de la semaine.png', 'allergènes.pdf'], 'in the order chosen');

  const seen = await platform.as(s.parent).inject(`/api/news/items/${item.id}`);
  t.equal(seen.json().attachments.length, 2, 'the parent sees them with the item');
  const inline = await platform.as(s.parent).inject(`/api/news/items/${item.id}/attachments/${image.id}?inline=true`);
  t.equal(inline.statusCode, 200);
  t.equal(inline.headers['content-type'], 'image/png');
  t.same(inline.rawPayload, PNG, 'the image, byte for byte, to show in the page');
  const download = await platform.as(s.parent).inject(`/api/news/items/${item.id}/attachments/${pdf.id}`);
  t.match(String(download.headers['content-disposition']), /^attachment;/, 'the file as a download');
  t.equal((await platform.as(s.outsider).inject(`/api/news/items/${item.id}/attachments/${image.id}`)).statusCode, 404, 'not for a parent the thread is not shared with');
  const [stray] = (await upload(s.cook, 'autre.png', PNG)).json();
  t.equal((await platform.as(s.parent).inject(`/api/news/items/${item.id}/attachments/${stray.id}`)).statusCode, 404, 'nor a file the item does not have');
  t.equal((await platform.as(s.parent).inject({ method: 'POST', url: '/api/news/attachments', ...fileUpload('x.png', PNG) })).json().code, 'NEWS_ERR_UPLOAD', 'a reader uploads nothing');

  // An edit that leaves the attachments out keeps them; naming another writer's file is refused.
  const kept = await platform.as(s.cook).inject({ method: 'PATCH', url: `/api/news/items/${item.id}`, payload: { title: 'Menu de la semaine (modifié)', body: '<p>Bon appétit !</p>', action: 'publish' } });
  t.equal(kept.json().attachments.length, 2, 'an edit without attachmentIds keeps the files');
  const [teachersFile] = (await platform.as(s.director).inject({ method: 'POST', url: '/api/news/attachments', ...fileUpload('a moi.png', PNG) })).json();
  const refused = await platform.as(s.cook).inject({ method: 'PATCH', url: `/api/news/items/${item.id}`, payload: { title: 'Menu', body: '', action: 'publish', attachmentIds: [image.id, teachersFile.id] } });
  t.equal(refused.json().code, 'NEWS_ERR_ATTACHMENT');
  t.equal((await platform.as(s.parent).inject(`/api/news/items/${item.id}`)).json().title, 'Menu de la semaine (modifié)', 'a refused edit changes nothing');

  // Removing a file from the item lets storage collect it; trashing the item lets go of the rest.
  await platform.as(s.cook).inject({ method: 'PATCH', url: `/api/news/items/${item.id}`, payload: { title: 'Menu', body: '', action: 'publish', attachmentIds: [image.id] } });
  t.ok(await collected(pdf.id), 'the removed file is collected');
  t.ok(await platform.platform.storage.stat(image.id), 'the kept image is not');
  await platform.as(s.cook).inject({ method: 'POST', url: `/api/news/items/${item.id}/trash` });
  t.ok(await collected(image.id), 'trashed, the item lets go of its image');
});

t.test('deleting a thread lets go of the files of its items', async (t) => {
  const s = await canteen();
  const [image] = (await upload(s.cook, 'kermesse.png', PNG)).json();
  const item = (await platform.as(s.cook).inject({ method: 'POST', url: `/api/news/threads/${s.threadId}/items`, payload: { title: 'Kermesse', body: '', action: 'publish', attachmentIds: [image.id] } })).json();
  t.equal((await platform.as(s.director).inject({ method: 'DELETE', url: `/api/news/threads/${s.threadId}` })).statusCode, 204);
  t.same(await platform.platform.attachments.forApp('news').of([{ type: 'item', id: item.id }]), [[]], 'the deleted item has no files left');
  t.ok(await collected(image.id), 'its image is collected');
});

t.test('the daily purge lets go of the files of the items it deletes', async (t) => {
  const s = await canteen();
  const [image] = (await upload(s.cook, 'rentrée.png', PNG)).json();
  const start = platform.clock.now();
  const old = (await platform.as(s.cook).inject({ method: 'POST', url: `/api/news/threads/${s.threadId}/items`, payload: { title: 'Rentrée', body: '', action: 'publish', attachmentIds: [image.id] } })).json();
  t.teardown(() => platform.clock.set(start));
  platform.clock.set(new Date(start.getTime() + 740 * 24 * 3_600_000));
  const purge = platform.platform.dailyJobs.find((job) => job.name === 'news:purge')!;
  t.ok(Number(await purge.run(platform.clock.now())) >= 1);
  t.same(await platform.platform.attachments.forApp('news').of([{ type: 'item', id: old.id }]), [[]], 'the purged item has no files left');
  t.ok(await collected(image.id), 'the purged item’s image is collected');
});

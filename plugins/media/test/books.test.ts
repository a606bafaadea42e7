import t from 'tap';
import { createTestPlatform, type TestPlatform, type TestUser } from '@preau/core/testing';
import media from '../src/index.js';
import { ffmpegOf, testClip } from './helpers.js';
import { PNG, addPage, createBook, school, unzip, upload, type BookAnswer, type PageAnswer } from './book-helpers.js';

// One real Préau for the whole file (PGlite, or PostgreSQL with PREAU_TEST_DATABASE=postgres).
let platform: TestPlatform;
let video: Buffer;
let sound: Buffer;
t.before(async () => {
  platform = await createTestPlatform({ plugins: [media] });
  video = await testClip(ffmpegOf(platform), { seconds: 2 });
  sound = await testClip(ffmpegOf(platform), { seconds: 2, audioOnly: true });
});
t.teardown(() => platform.close());

const books = async (user: TestUser) => (await platform.as(user).inject('/api/media/books')).json() as BookAnswer[];
const read = async (user: TestUser, bookId: number) => platform.as(user).inject(`/api/media/books/${bookId}`);

t.test("a class's book is made by its teacher, read by its parents, contributed to by its pupils, hidden from other classes", async (t) => {
  const { teacher, cm2, ce1, other, parent, pupil, otherParent } = await school(platform);
  const book = await createBook(platform, teacher, cm2.id);
  t.match(book, { role: 'owner', classId: cm2.id, pages: 0 });
  t.match(await books(parent), [{ id: book.id, role: 'read' }]);
  t.match(await books(pupil), [{ id: book.id, role: 'contribute' }]);
  t.same(await books(otherParent), []);
  t.equal((await read(otherParent, book.id)).statusCode, 404, 'a stranger gets 404');
  t.equal((await read(other, book.id)).statusCode, 404);

  const refused = await platform.as(other).inject({ method: 'POST', url: '/api/media/books', payload: { classId: cm2.id, title: 'Pas ma classe' } });
  t.equal(refused.statusCode, 403);
  t.equal(refused.json().code, 'MEDIA_ERR_BOOK_CREATE');
  t.equal((await platform.as(parent).inject({ method: 'POST', url: '/api/media/books', payload: { classId: cm2.id, title: 'Non' } })).statusCode, 403);
  t.same((await platform.as(other).inject('/api/media/books-creatable')).json().classes.map((c: { id: number }) => c.id), [ce1.id]);

  t.equal((await platform.as(parent).inject({ method: 'PATCH', url: `/api/media/books/${book.id}`, payload: { title: 'Piraté' } })).statusCode, 403, 'a reader does not rename it');
  t.equal((await addPage(platform, parent, book.id, { pictures: [await upload(platform, parent, 'p.png', PNG, 'image/png')] })).statusCode, 403, 'nor adds pages');
  const renamed = await platform.as(teacher).inject({ method: 'PATCH', url: `/api/media/books/${book.id}`, payload: { title: 'Le voyage' } });
  t.equal(renamed.json().book.title, 'Le voyage');
});

t.test("the book is shared through the core's share routes: its class's parents read, its pupils contribute, a manager adds a colleague", async (t) => {
  const { teacher, cm2, other, parent } = await school(platform);
  const book = await createBook(platform, teacher, cm2.id);
  const shares = await platform.as(teacher).inject(`/api/core/shares/media/book/${book.id}`);
  t.equal(shares.statusCode, 200, shares.body);
  const grants = shares.json().grants as { role: string; grantee: { kind: string; name?: string } }[];
  t.same(grants.map((g) => g.role).sort(), ['contribute', 'read'], 'the pupils contribute, the parents read');
  t.equal((await platform.as(parent).inject(`/api/core/shares/media/book/${book.id}`)).statusCode, 403, 'a reader does not see the grants');
  const added = await platform.as(teacher).inject({ method: 'PUT', url: `/api/core/shares/media/book/${book.id}`, payload: { role: 'manage', users: [other.id], notify: false } });
  t.equal(added.statusCode, 200, added.body);
  t.match(await books(other), [{ id: book.id, role: 'manage' }], 'the colleague manages it now');
});

t.test('the recorder offers the screen to teachers, not to pupils nor parents', async (t) => {
  const { teacher, parent, pupil } = await school(platform);
  t.equal((await platform.as(teacher).inject('/api/media/status')).json().mayRecordScreen, true);
  t.equal((await platform.as(pupil).inject('/api/media/status')).json().mayRecordScreen, false);
  t.equal((await platform.as(parent).inject('/api/media/status')).json().mayRecordScreen, false);
});

t.test('pages hold pictures, a video and a sound in their templates; only the book’s readers open them', async (t) => {
  const { teacher, cm2, parent, otherParent } = await school(platform);
  const book = await createBook(platform, teacher, cm2.id);
  const photo = await upload(platform, teacher, 'photo.png', PNG, 'image/png');
  const second = await upload(platform, teacher, 'second.png', PNG, 'image/png');
  const film = await upload(platform, teacher, 'film.webm', video, 'video/webm');
  const voice = await upload(platform, teacher, 'voix.webm', sound, 'audio/webm');

  const big = await addPage(platform, teacher, book.id, { template: 'picture', pictures: [photo], sound: voice, text: '<p>Le car<script>alert(1)</script></p>' });
  t.equal(big.statusCode, 201, big.body);
  t.match(big.json(), { template: 'picture', pictures: [photo], sound: voice, state: 'published', text: '<p>Le car</p>' });
  t.equal((await addPage(platform, teacher, book.id, { template: 'two-pictures', pictures: [photo, second] })).statusCode, 201);
  const withVideo = await addPage(platform, teacher, book.id, { template: 'video-text', video: { src: film, poster: photo }, text: '<p>La rivière</p>' });
  t.equal(withVideo.statusCode, 201, withVideo.body);

  const layout = await addPage(platform, teacher, book.id, { template: 'two-pictures', pictures: [photo] });
  t.equal(layout.statusCode, 400);
  t.equal(layout.json().code, 'MEDIA_ERR_PAGE_LAYOUT');
  t.match(layout.json().message, /deux images/);
  const kind = await addPage(platform, teacher, book.id, { template: 'picture', pictures: [film] });
  t.equal(kind.statusCode, 400, 'a video as a picture');
  t.equal(kind.json().code, 'MEDIA_ERR_FILE_KIND');
  t.equal((await addPage(platform, teacher, book.id, { template: 'picture', pictures: [photo], sound: second })).json().code, 'MEDIA_ERR_FILE_KIND', 'a picture as the sound');
  const notMine = await addPage(platform, teacher, book.id, { template: 'picture', pictures: [await upload(platform, otherParent, 'x.png', PNG, 'image/png')] });
  t.equal(notMine.statusCode, 403, 'a file the author may not open');
  t.equal(notMine.json().code, 'PREAU_ERR_INSERTED_FILE');

  const seen = (await read(parent, book.id)).json() as { book: BookAnswer; pages: PageAnswer[] };
  t.equal(seen.book.pages, 3);
  t.same(seen.pages.map((p) => p.template), ['picture', 'two-pictures', 'video-text']);
  for (const src of [photo, second, film, voice]) {
    t.equal((await platform.as(parent).inject(src)).statusCode, 200, `a reader opens ${src}`);
    t.equal((await platform.as(otherParent).inject(src)).statusCode, 404, 'a stranger does not');
  }
  const ranged = await platform.as(parent).inject({ url: film, headers: { range: 'bytes=0-9' } });
  t.equal(ranged.statusCode, 206, 'the video seeks');
});

t.test("a pupil's page waits for the teacher's validation before the parents see it or its picture", async (t) => {
  const { teacher, cm2, parent, pupil } = await school(platform);
  const book = await createBook(platform, teacher, cm2.id);
  const drawing = await upload(platform, pupil, 'dessin.png', PNG, 'image/png');
  const added = await addPage(platform, pupil, book.id, { template: 'picture', pictures: [drawing], text: '<p>Mon dessin</p>' });
  t.equal(added.statusCode, 201, added.body);
  t.equal(added.json().state, 'submitted');
  t.equal((await read(parent, book.id)).json().pages.length, 0, 'the parents do not see it yet');
  t.equal((await platform.as(parent).inject(drawing)).statusCode, 404, 'nor its picture');
  t.equal((await platform.as(parent).inject(`/api/media/pages/${added.json().id}`)).statusCode, 404);
  const byTeacher = (await read(teacher, book.id)).json() as { book: BookAnswer; pages: PageAnswer[] };
  t.equal(byTeacher.book.waiting, 1);
  t.equal((await platform.as(teacher).inject(drawing)).statusCode, 200, 'the teacher sees what waits');
  const timeline = (await platform.as(teacher).inject('/api/core/timeline?app=media')).json().items as { type: string }[];
  t.ok(timeline.some((item) => item.type === 'page-submitted'), 'the teacher is told');

  t.equal((await platform.as(pupil).inject({ method: 'POST', url: `/api/media/pages/${added.json().id}/publish` })).statusCode, 403, 'a pupil does not validate');
  const published = await platform.as(teacher).inject({ method: 'POST', url: `/api/media/pages/${added.json().id}/publish` });
  t.equal(published.json().state, 'published');
  t.equal((await read(parent, book.id)).json().pages.length, 1);
  t.equal((await platform.as(parent).inject(drawing)).statusCode, 200);
  t.equal((await platform.as(teacher).inject({ method: 'POST', url: `/api/media/pages/${added.json().id}/publish` })).statusCode, 409);

  // The pupil changes their published page: it waits again.
  const changed = await platform.as(pupil).inject({ method: 'PUT', url: `/api/media/pages/${added.json().id}`, payload: { template: 'picture', text: '<p>Mieux</p>', pictures: [drawing], video: null, sound: null } });
  t.equal(changed.json().state, 'submitted');
  t.equal((await read(parent, book.id)).json().pages.length, 0);
});

t.test('the managers reorder the pages; a page left out or a pupil reordering is refused', async (t) => {
  const { teacher, cm2, pupil } = await school(platform);
  const book = await createBook(platform, teacher, cm2.id);
  const photo = await upload(platform, teacher, 'photo.png', PNG, 'image/png');
  const ids: number[] = [];
  for (const text of ['un', 'deux', 'trois']) ids.push((await addPage(platform, teacher, book.id, { pictures: [photo], text: `<p>${text}</p>` })).json().id as number);
  const order = (user: TestUser, pageIds: number[]) => platform.as(user).inject({ method: 'PUT', url: `/api/media/books/${book.id}/order`, payload: { pageIds } });
  const moved = await order(teacher, [ids[2]!, ids[0]!, ids[1]!]);
  t.equal(moved.statusCode, 200, moved.body);
  t.same(moved.json().pages.map((p: PageAnswer) => p.text), ['<p>trois</p>', '<p>un</p>', '<p>deux</p>']);
  t.same((await read(teacher, book.id)).json().pages.map((p: PageAnswer) => p.id), [ids[2], ids[0], ids[1]], 'kept');
  const missing = await order(teacher, [ids[0]!, ids[1]!]);
  t.equal(missing.statusCode, 400);
  t.equal(missing.json().code, 'MEDIA_ERR_PAGE_ORDER');
  t.equal((await order(pupil, ids)).statusCode, 403);
  t.same((await read(teacher, book.id)).json().pages.map((p: PageAnswer) => p.id), [ids[2], ids[0], ids[1]], 'nothing written');
});

t.test('a reader downloads the book as a ZIP: one self-contained index.html and the media beside it', async (t) => {
  const { teacher, cm2, parent, pupil, otherParent } = await school(platform);
  const book = await createBook(platform, teacher, cm2.id, 'Sortie à la ferme');
  const photo = await upload(platform, teacher, 'photo.png', PNG, 'image/png');
  const film = await upload(platform, teacher, 'film.webm', video, 'video/webm');
  const voice = await upload(platform, teacher, 'voix.webm', sound, 'audio/webm');
  await addPage(platform, teacher, book.id, { template: 'picture', pictures: [photo], sound: voice, text: '<p>Les vaches &amp; les veaux</p>' });
  await addPage(platform, teacher, book.id, { template: 'video-text', video: { src: film, poster: null }, text: `<p>Regardez <img src="${photo}"></p>` });
  await addPage(platform, pupil, book.id, { template: 'picture', pictures: [await upload(platform, pupil, 'd.png', PNG, 'image/png')], text: '<p>En attente</p>' });

  const response = await platform.as(parent).inject(`/api/media/books/${book.id}/zip`);
  t.equal(response.statusCode, 200);
  t.equal(response.headers['content-type'], 'application/zip');
  t.match(String(response.headers['content-disposition']), /^attachment; filename="sortie-a-la-ferme\.zip"/);
  const entries = await unzip(response.rawPayload);
  t.same([...entries.keys()].sort(), ['index.html', 'media/001.png', 'media/002.webm', 'media/003.webm'].sort());
  const index = entries.get('index.html')!.toString('utf8');
  t.match(index, /<title>Sortie à la ferme<\/title>/);
  t.match(index, /Les vaches &amp; les veaux/);
  t.notMatch(index, /En attente/, 'a page waiting for validation is not in the readers’ copy');
  t.notMatch(index, /\/api\//, 'no address outside the ZIP');
  t.notMatch(index, /<script/);
  t.match(index, /<img src="media\/001\.png"/);
  t.match(index, /<video src="media\/00\d\.webm"/);
  t.match(index, /<audio src="media\/00\d\.webm"/);
  t.same(entries.get('media/001.png'), PNG, 'the bytes of the picture');
  t.equal((await platform.as(otherParent).inject(`/api/media/books/${book.id}/zip`)).statusCode, 404);
});

t.test('deleting a book deletes its pages and lets go of their files', async (t) => {
  const { teacher, cm2, parent, pupil } = await school(platform);
  const book = await createBook(platform, teacher, cm2.id);
  const photo = await upload(platform, teacher, 'photo.png', PNG, 'image/png');
  await addPage(platform, teacher, book.id, { pictures: [photo] });
  t.equal((await platform.as(pupil).inject({ method: 'DELETE', url: `/api/media/books/${book.id}` })).statusCode, 403);
  t.equal((await platform.as(teacher).inject({ method: 'DELETE', url: `/api/media/books/${book.id}` })).statusCode, 204);
  t.equal((await read(parent, book.id)).statusCode, 404);
  t.equal((await platform.as(parent).inject(photo)).statusCode, 404, 'the picture is no longer readable through the book');
  t.same(await books(parent), []);
});

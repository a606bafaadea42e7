import t from 'tap';
import { createTestPlatform, fileUpload, type TestUser } from '@preau/core/testing';
import liaison from '@preau/plugin-liaison';
import messaging from '@preau/plugin-messaging';
import news from '@preau/plugin-news';

// A 1×1 transparent PNG: storage reads the type from the bytes.
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

const platform = await createTestPlatform({ plugins: [liaison, messaging, news] });
t.teardown(() => platform.close());
const school = await platform.createSchool({ name: 'École des Tilleuls' });
const teacher = await platform.createUser({ profile: 'Teacher', schools: [school], displayName: 'MARTIN Claire' });
const otherTeacher = await platform.createUser({ profile: 'Teacher', schools: [school], displayName: 'DURAND Paul' });
const cm2 = await platform.createClass({ school, label: 'CM2', levels: ['CM2'], teachers: [teacher], pupils: 2, relativesPerPupil: 1 });
const ce1 = await platform.createClass({ school, label: 'CE1', levels: ['CE1'], teachers: [otherTeacher], pupils: 1, relativesPerPupil: 1 });
const parent = cm2.relatives[0]![0]!;
const otherClassParent = ce1.relatives[0]![0]!;

const upload = async (user: TestUser, name = 'photo.png', bytes = PIXEL): Promise<{ id: string; src: string }> => {
  const response = await platform.as(user).inject({ method: 'POST', url: '/api/core/files', ...fileUpload(name, bytes) });
  t.equal(response.statusCode, 201, response.body);
  return response.json();
};
const status = async (user: TestUser, url: string) => (await platform.as(user).inject(url)).statusCode;
const postWord = (user: TestUser, body: string) =>
  platform.as(user).inject({ method: 'POST', url: '/api/liaison/words', payload: { title: 'Sortie au musée', body, category: 'sortie', classIds: [cm2.id] } });

t.test('a picture inserted in a word is shown to the families it went to, and to nobody else', async (t) => {
  const picture = await upload(teacher);
  t.equal(picture.src, `/api/core/files/${picture.id}`);
  t.equal(await status(parent, picture.src), 404, 'before the word exists, only its uploader opens it');
  t.equal(await status(teacher, picture.src), 200, 'its uploader does');

  const word = await postWord(teacher, `<p>La classe</p><p><img src="${picture.src}" alt="La classe devant le musée"></p>`);
  t.equal(word.statusCode, 201, word.body);
  const shown = await platform.as(parent).inject(picture.src);
  t.equal(shown.statusCode, 200, 'a parent of the class opens it');
  t.equal(shown.headers['content-type'], 'image/png');
  t.same(shown.rawPayload, PIXEL);
  t.equal(await status(otherClassParent, picture.src), 404, 'a parent of another class gets 404, as for a file that does not exist');
  t.equal(await status(otherTeacher, picture.src), 404, 'a teacher who does not follow the word too');
  t.equal((await platform.inject(picture.src)).statusCode, 401, 'nobody without signing in');
});

t.test('a text cannot point at a file its author may not read', async (t) => {
  const theirs = await upload(otherTeacher);
  const word = await postWord(teacher, `<p><img src="${theirs.src}" alt="volée"></p>`);
  t.equal(word.statusCode, 403);
  t.equal(word.json().code, 'PREAU_ERR_INSERTED_FILE');
  t.match(word.json().message, /Vous ne pouvez pas insérer ce fichier/);
  t.equal(await platform.knex('liaison.words').where({ title: 'Sortie au musée' }).count<{ count: string }[]>().then((r) => Number(r[0]!.count)), 1, 'the word was not written');
  t.equal(await status(parent, theirs.src), 404, 'and its file stays out of reach');
});

t.test('a file the text no longer points at is let go, and deleting the text releases the rest', async (t) => {
  const first = await upload(teacher, 'avant.png');
  const second = await upload(teacher, 'apres.png');
  const word = (await postWord(teacher, `<p><img src="${first.src}" alt="avant"></p>`)).json();
  const edited = await platform.as(teacher).inject({ method: 'PUT', url: `/api/liaison/words/${word.id}`, payload: { title: 'Sortie au musée', body: `<p><a href="${second.src}">apres.png</a></p>`, category: 'sortie', classIds: [cm2.id], pupilIds: [] } });
  t.equal(edited.statusCode, 200, edited.body);
  t.equal(await status(parent, second.src), 200, 'the new file reaches the readers, as a link too');
  t.equal(await status(parent, first.src), 404, 'the one taken out does not');
  t.equal(await status(teacher, first.src), 404, 'held by nothing any more, it is deleted and its quota freed');

  t.equal((await platform.as(teacher).inject({ method: 'DELETE', url: `/api/liaison/words/${word.id}` })).statusCode, 204);
  t.equal(await status(parent, second.src), 404, 'a deleted word opens nothing');
});

t.test('a message’s picture is for its author and recipients; a news item’s for its thread’s readers once live', async (t) => {
  const picture = await upload(teacher);
  const message = await platform.as(teacher).inject({ method: 'POST', url: '/api/messaging/messages', payload: { to: { users: [parent.id] }, subject: 'Photo', body: `<p><img src="${picture.src}" alt="La classe"></p>` } });
  t.equal(message.statusCode, 201, message.body);
  t.equal(await status(parent, picture.src), 200, 'the recipient opens it');
  t.equal(await status(otherClassParent, picture.src), 404, 'someone else does not');

  const director = await platform.createUser({ profile: 'Teacher', schools: [school], functions: [{ function: 'director', schoolId: school.id }] });
  const photo = await upload(director, 'kermesse.png');
  const parents = await platform.knex('core.groups').where({ school_id: school.id, kind: 'school', profile: 'Relative' }).first('id');
  const threads = await platform.as(director).inject({ method: 'POST', url: '/api/news/threads', payload: { schoolId: school.id, title: 'Vie de l’école', commentsEnabled: false, shares: [{ groupId: parents.id, role: 'read' }] } });
  t.equal(threads.statusCode, 201, threads.body);
  const item = await platform.as(director).inject({ method: 'POST', url: `/api/news/threads/${threads.json().id}/items`, payload: { title: 'Kermesse', body: `<p><img src="${photo.src}" alt="Les stands"></p>`, action: 'draft' } });
  t.equal(item.statusCode, 201, item.body);
  t.equal(await status(parent, photo.src), 404, 'a draft’s picture is not out yet');
  const published = await platform.as(director).inject({ method: 'PATCH', url: `/api/news/items/${item.json().id}`, payload: { title: 'Kermesse', body: `<p><img src="${photo.src}" alt="Les stands"></p>`, action: 'publish' } });
  t.equal(published.statusCode, 200, published.body);
  t.equal(await status(parent, photo.src), 200, 'published in a thread the school reads, it is');
});

import t from 'tap';
import { fileUpload, type TestPlatform, type TestUser } from '@preau/core/testing';
import { HOMEWORK, textbookPlatform, textbookSchool } from './helpers/school.js';

// A 1×1 transparent PNG: storage reads the type from the bytes.
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

let platform: TestPlatform;
t.before(async () => {
  platform = await textbookPlatform();
});
t.teardown(() => platform.close());

const upload = async (user: TestUser): Promise<{ id: string; src: string }> => {
  const response = await platform.as(user).inject({ method: 'POST', url: '/api/core/files', ...fileUpload('fractions.png', PIXEL) });
  if (response.statusCode !== 201) throw new Error(response.body);
  return response.json();
};
const status = async (user: TestUser, url: string) => (await platform.as(user).inject(url)).statusCode;

t.test('a picture inserted in a homework opens for the class’s staff and families once it is published, and for nobody else', async (t) => {
  platform.clock.set('2026-11-26T09:00:00Z');
  const s = await textbookSchool(platform);
  const picture = await upload(s.teacher);
  const body = `<p>Colorier les fractions :</p><p><img src="${picture.src}" alt="Bandes de fractions"></p>`;
  const later = await platform.as(s.teacher).inject({ method: 'POST', url: `/api/textbook/classes/${s.cm2.id}/entries`, payload: { ...HOMEWORK, body, publishAt: '2026-11-30T15:30:00Z', dueOn: '2026-12-01' } });
  t.equal(later.statusCode, 201, later.body);
  t.match(later.json().body, picture.src, 'the sanitized text keeps the address');
  t.equal(await status(s.cm2.parents[0]!, picture.src), 404, 'not before its publication');
  t.equal(await status(s.director, picture.src), 200, 'the director reads the cahier');
  platform.clock.set('2026-11-30T15:31:00Z');
  t.equal(await status(s.cm2.parents[0]!, picture.src), 200, 'a parent of the class once it is out');
  t.equal(await status(s.cm2.pupils[0]!, picture.src), 200, 'and the pupil');
  t.equal(await status(s.cp.parents[0]!, picture.src), 404, 'not a parent of another class');
  t.equal(await status(s.otherTeacher, picture.src), 404, 'not a teacher of another class');
  t.equal(await status(s.foreignParent, picture.src), 404);
});

t.test('a teacher cannot insert a file they may not read, and nothing is written', async (t) => {
  const s = await textbookSchool(platform);
  const theirs = await upload(s.otherTeacher);
  const refused = await platform.as(s.teacher).inject({ method: 'POST', url: `/api/textbook/classes/${s.cm2.id}/entries`, payload: { ...HOMEWORK, body: `<p><img src="${theirs.src}" alt="x"></p>` } });
  t.equal(refused.statusCode, 403);
  t.equal(refused.json().code, 'PREAU_ERR_INSERTED_FILE');
  t.same(await platform.knex('textbook.entries').where({ class_id: s.cm2.id }), []);
});

t.test('a deleted homework lets go of its file', async (t) => {
  platform.clock.set('2026-11-26T09:00:00Z');
  const s = await textbookSchool(platform);
  const picture = await upload(s.teacher);
  const entry = (await platform.as(s.teacher).inject({ method: 'POST', url: `/api/textbook/classes/${s.cm2.id}/entries`, payload: { ...HOMEWORK, body: `<p><img src="${picture.src}" alt="x"></p>` } })).json();
  t.equal(await status(s.cm2.parents[0]!, picture.src), 200);
  t.equal((await platform.as(s.teacher).inject({ method: 'DELETE', url: `/api/textbook/entries/${entry.id}` })).statusCode, 204);
  t.equal(await status(s.cm2.parents[0]!, picture.src), 404, 'the family no longer opens it');
});

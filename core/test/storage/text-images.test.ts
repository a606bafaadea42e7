import t from 'tap';
import { Readable } from 'node:stream';
import { createTestPlatform, fileUpload } from '../../src/testing/index.js';
import { sanitizeRichText } from '../../src/index.js';
import { PNG } from './storage-fixtures.js';

const platform = await createTestPlatform();
t.teardown(() => platform.close());
const school = await platform.createSchool();
const teacher = await platform.createUser({ profile: 'Teacher', schools: [school] });
const parent = await platform.createUser({ profile: 'Relative', schools: [school] });


t.test('a picture pasted in a text is stored in its writer’s space and shown to signed-in readers of the text', async (t) => {
  const uploaded = await platform.as(teacher).inject({ method: 'POST', url: '/api/core/text-images', ...fileUpload('sortie.png', PNG) });
  t.equal(uploaded.statusCode, 201, uploaded.body);
  const { id, src } = uploaded.json();
  t.equal(src, `/api/core/text-images/${id}`);
  t.equal((await platform.as(teacher).inject('/api/core/storage/usage')).json().used, PNG.length, "counted in the writer's quota");

  const shown = await platform.as(parent).inject(src);
  t.equal(shown.statusCode, 200, 'a reader of the text sees it');
  t.equal(shown.headers['content-type'], 'image/png');
  t.match(String(shown.headers['content-disposition']), /^inline/);
  t.same(shown.rawPayload, PNG);
  t.equal((await platform.inject(src)).statusCode, 401, 'not without signing in');

  const html = `<p>La sortie</p><img src="${src}" alt="La classe au musée">`;
  t.match(sanitizeRichText(html), `<img src="${src}" alt="La classe au musée"`, 'the sanitizer keeps it in a text');

  platform.clock.advance(3 * 86_400_000);
  await platform.platform.storage.sweepOrphans(platform.clock.now());
  t.equal((await platform.as(parent).inject(src)).statusCode, 200, 'the nightly sweep of unused uploads leaves it');
  platform.clock.advance(-3 * 86_400_000);
});

t.test('only pictures, and only those uploaded for texts, are served this way', async (t) => {
  const pdf = await platform.as(teacher).inject({ method: 'POST', url: '/api/core/text-images', ...fileUpload('menu.png', Buffer.from('%PDF-1.4\n%…\n')) });
  t.equal(pdf.statusCode, 415);
  t.equal(pdf.json().code, 'PREAU_ERR_STORAGE_NOT_AN_IMAGE', 'the type is read from the bytes, not the name');
  const attachment = await platform.platform.storage.put(Readable.from([PNG]), { owner: teacher.id, name: 'piece-jointe.png' });
  t.equal((await platform.as(parent).inject(`/api/core/text-images/${attachment.id}`)).statusCode, 404, "another upload's id gives nothing");
  t.equal((await platform.inject({ method: 'POST', url: '/api/core/text-images', ...fileUpload('x.png', PNG) })).statusCode, 401);
});

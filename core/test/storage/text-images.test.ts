import t from 'tap';
import { Readable } from 'node:stream';
import { createTestPlatform, fileUpload } from '../../src/testing/index.js';
import { sanitizeRichText } from '../../src/index.js';
import { TEXT_IMAGE_HOLDER } from '../../src/storage/text-image-routes.js';
import { PNG } from './storage-fixtures.js';

const platform = await createTestPlatform();
t.teardown(() => platform.close());
const school = await platform.createSchool();
const teacher = await platform.createUser({ profile: 'Teacher', schools: [school] });
const parent = await platform.createUser({ profile: 'Relative', schools: [school] });

t.test('a picture pasted while writing is stored in its writer’s space, and opens for its writer alone until a text holds it', async (t) => {
  const uploaded = await platform.as(teacher).inject({ method: 'POST', url: '/api/core/files', ...fileUpload('sortie.png', PNG) });
  t.equal(uploaded.statusCode, 201, uploaded.body);
  const { id, src, mediaType, size } = uploaded.json();
  t.equal(src, `/api/core/files/${id}`);
  t.equal(mediaType, 'image/png', 'the type is read from the bytes');
  t.equal(size, PNG.length);
  t.equal((await platform.as(teacher).inject('/api/core/storage/usage')).json().used, PNG.length, "counted in the writer's quota");

  const shown = await platform.as(teacher).inject(src);
  t.equal(shown.statusCode, 200);
  t.equal(shown.headers['content-type'], 'image/png');
  t.match(String(shown.headers['content-disposition']), /^inline/);
  t.same(shown.rawPayload, PNG);
  t.match(String((await platform.as(teacher).inject(`${src}?download=true`)).headers['content-disposition']), /^attachment/, 'or downloaded');
  t.equal((await platform.as(parent).inject(src)).statusCode, 404, 'the id alone opens nothing for anyone else');
  t.equal((await platform.inject(src)).statusCode, 401, 'nor without signing in');
  t.equal((await platform.inject({ method: 'POST', url: '/api/core/files', ...fileUpload('x.png', PNG) })).statusCode, 401);

  const html = `<p>La sortie</p><img src="${src}" alt="La classe au musée"><p><a href="${src}">sortie.png</a></p>`;
  t.equal(sanitizeRichText(html), `<p>La sortie</p><img src="${src}" alt="La classe au musée" /><p><a href="${src}" rel="nofollow">sortie.png</a></p>`, 'the sanitizer keeps it in a text, as a picture and as a link');

  platform.clock.advance(3 * 86_400_000);
  await platform.platform.storage.sweepOrphans(platform.clock.now());
  t.equal((await platform.as(teacher).inject(src)).statusCode, 404, 'a day after, an upload no text holds is swept');
  platform.clock.advance(-3 * 86_400_000);
});

t.test('pictures of texts written before inserted files keep opening for signed-in readers at their old address', async (t) => {
  const old = await platform.platform.storage.put(Readable.from([PNG]), { owner: teacher.id, name: 'ancienne.png' });
  await platform.platform.storage.addReference(old.id, TEXT_IMAGE_HOLDER);
  t.equal((await platform.as(parent).inject(`/api/core/text-images/${old.id}`)).statusCode, 200);
  const attachment = await platform.platform.storage.put(Readable.from([PNG]), { owner: teacher.id, name: 'piece-jointe.png' });
  t.equal((await platform.as(parent).inject(`/api/core/text-images/${attachment.id}`)).statusCode, 404, "another upload's id gives nothing");
  t.equal((await platform.inject(`/api/core/text-images/${old.id}`)).statusCode, 401);
  t.equal((await platform.as(teacher).inject({ method: 'POST', url: '/api/core/text-images', ...fileUpload('x.png', PNG) })).statusCode, 404, 'new pictures go through /api/core/files');
});

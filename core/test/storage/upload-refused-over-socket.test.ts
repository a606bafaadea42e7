import t from 'tap';
import { Readable } from 'node:stream';
import { createTestPlatform } from '../../src/testing/index.js';
import { SESSION_COOKIE } from '../../src/identity/sessions.js';
import { CSRF_HEADER } from '../../src/identity/authenticate.js';
import { diskStorage } from './storage-fixtures.js';

// Over a real socket: inject() never shows what a browser sees when the server answers before the upload ends
// (a reset connection instead of the 413 and its message).
const MIB = 1024 * 1024;
const backend = await diskStorage({ maxUploadMb: 1, quotaMb: { Relative: 2 } });
const platform = await createTestPlatform({ config: { storage: backend.config } });
const address = await platform.app.listen({ port: 0, host: '127.0.0.1' });
t.teardown(async () => {
  await platform.close();
  await backend.close();
});
const school = await platform.createSchool();

/** A browser's upload of `size` bytes to the editor's file route, with its Content-Length. */
async function upload(userId: number, size: number): Promise<Response> {
  const session = await platform.platform.sessions.create(userId, { ip: '127.0.0.1', userAgent: 'test' });
  const form = new FormData();
  form.append('file', new Blob([Buffer.alloc(size, 0x89)], { type: 'image/png' }), 'photo.png');
  return fetch(`${address}/api/core/files`, {
    method: 'POST',
    body: form,
    headers: { cookie: `${SESSION_COOKIE}=${session.token}`, [CSRF_HEADER]: session.csrfToken },
  });
}

const blobsOf = async (userId: number) => Number((await platform.knex('core.storage_blobs').where({ owner_id: userId }).count({ n: '*' }).first())!.n);

t.test('a file over the size limit gets its 413 and message, not a reset connection', async (t) => {
  const parent = await platform.createUser({ profile: 'Relative', schools: [school] });
  const response = await upload(parent.id, 3 * MIB);
  t.equal(response.status, 413);
  const body = (await response.json()) as { code: string; message: string };
  t.equal(body.code, 'PREAU_ERR_STORAGE_TOO_LARGE');
  t.match(body.message, /Le fichier dépasse la taille maximale autorisée \(1 Mo\)/);
  t.equal(await blobsOf(parent.id), 0, 'nothing kept');
  t.same(await platform.platform.storage.usage(parent.id), { used: 0, quota: 2 * MIB }, 'nothing counted');
});

t.test('a file that does not fit in the space left gets a 413 that says the space is full', async (t) => {
  const parent = await platform.createUser({ profile: 'Relative', schools: [school] });
  for (let i = 0; i < 2; i += 1) {
    await platform.platform.storage.put(Readable.from([Buffer.alloc(0.9 * MIB, i)]), { owner: parent.id, name: `scan-${i}.bin` });
  }
  const response = await upload(parent.id, 0.5 * MIB);
  t.equal(response.status, 413);
  const body = (await response.json()) as { code: string; message: string };
  t.equal(body.code, 'PREAU_ERR_STORAGE_QUOTA', 'a code of its own: the file is not too large, the space is full');
  t.match(body.message, /Votre espace de stockage est plein/);
  t.equal(await blobsOf(parent.id), 2, 'nothing more kept');
});

t.test('the server still answers after refusing uploads', async (t) => {
  const response = await fetch(`${address}/api/core/health`);
  t.equal(response.status, 200);
});

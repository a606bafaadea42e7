import t from 'tap';
import Fastify from 'fastify';
import { createTestPlatform, fileUpload, type TestPlatform } from '../../src/testing/index.js';
import { errorHandler } from '../../src/http/error-handler.js';

// One platform for the file: every request here is refused before anything is written.
let platform: TestPlatform;
t.before(async () => {
  platform = await createTestPlatform();
});
t.teardown(() => platform.close());

const count = async (table: string) => Number((await platform.knex(table).count({ n: '*' }).first())!.n);

t.test('an id above 2³¹−1 in a path, a query or a body is a coded 400, not a database error', async (t) => {
  const school = await platform.createSchool();
  const admin = platform.as(platform.admin);
  for (const request of [
    { method: 'GET' as const, url: '/api/core/directory/people/2147483648' },
    { method: 'GET' as const, url: `/api/core/schools/${school.id}/classes/99999999999999999999/members` },
    { method: 'GET' as const, url: `/api/core/schools/${school.id}/audit?before=99999999999999999999` },
    { method: 'GET' as const, url: `/api/core/schools/${school.id}/users?offset=99999999999999999999` },
    { method: 'POST' as const, url: `/api/core/schools/${school.id}/groups`, payload: { name: 'Chorale', memberIds: [2147483648] } },
  ]) {
    const response = await admin.inject(request);
    t.equal(response.statusCode, 400, request.url);
    t.equal(response.json().code, 'PREAU_ERR_VALIDATION');
    t.match(response.json().message, /^Le champ « [^»]+ » /, 'a French sentence naming the field');
  }
  t.equal(await platform.knex('core.groups').where({ name: 'Chorale' }).first(), undefined, 'no group was created');
});

t.test('a NUL character is refused with one coded 400 before signing in, on every public form', async (t) => {
  const throttled = await count('core.sign_in_throttle');
  for (const [url, payload] of [
    ['/api/core/session', { login: 'admin\u0000', password: 'x' }],
    ['/api/core/password/forgotten', { login: 'admin\u0000' }],
    ['/api/core/activation/check', { login: 'parent\u0000', code: 'ABCD-EFGH' }],
  ] as const) {
    const response = await platform.inject({ method: 'POST', url, payload });
    t.equal(response.statusCode, 400, url);
    t.same(response.json(), {
      code: 'PREAU_ERR_NUL_CHARACTER',
      message: "Requête invalide : le caractère nul (U+0000) n'est pas accepté (body.login).",
      details: [{ field: 'body.login', problem: 'must not contain U+0000' }],
    });
  }
  t.equal(await count('core.sign_in_throttle'), throttled, 'no failed attempt was recorded');
});

t.test('a NUL character in a search, a path or an upload is refused the same way', async (t) => {
  const admin = platform.as(platform.admin);
  const search = await admin.inject({ method: 'GET', url: '/api/core/directory/search?q=ma%00rie' });
  t.equal(search.statusCode, 400);
  t.equal(search.json().code, 'PREAU_ERR_NUL_CHARACTER');
  const byUai = await admin.inject({ method: 'GET', url: '/api/core/schools/by-uai/0123%00' });
  t.equal(byUai.statusCode, 400);
  t.equal(byUai.json().code, 'PREAU_ERR_NUL_CHARACTER');
  const blobs = await count('core.storage_blobs');
  const upload = await admin.inject({ method: 'POST', url: '/api/core/files', ...fileUpload('photo\u0000.png', Buffer.from('89504e47', 'hex'), 'image/png') });
  t.equal(upload.statusCode, 400);
  t.same(upload.json().details, [{ field: 'multipart.file.filename', problem: 'must not contain U+0000' }]);
  t.equal(await count('core.storage_blobs'), blobs, 'nothing stored');
});

t.test('a value the database refuses after the schemas let it through is a coded 400, logged as an error', async (t) => {
  // The safety net only: routes refuse such values with their schemas, and the robustness test fails on this code.
  const app = Fastify({ logger: false });
  app.setErrorHandler(errorHandler);
  app.get('/out-of-range', async () => {
    throw Object.assign(new Error('value "2147483648" is out of range for type integer'), { code: '22003' });
  });
  app.get('/missing-reference', async () => {
    throw Object.assign(new Error('insert violates foreign key constraint'), { code: '23503' });
  });
  app.get('/duplicate', async () => {
    throw Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' });
  });
  for (const url of ['/out-of-range', '/missing-reference']) {
    const response = await app.inject(url);
    t.equal(response.statusCode, 400, url);
    t.equal(response.json().code, 'PREAU_ERR_INPUT_REJECTED');
  }
  t.equal((await app.inject('/duplicate')).statusCode, 500, 'other failures stay unexpected errors');
  await app.close();
});

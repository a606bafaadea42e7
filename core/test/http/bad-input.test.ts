import t from 'tap';
import { createTestPlatform, type TestPlatform } from '../../src/testing/index.js';

// One platform for the file: every case here only reads, or is refused before writing.
let platform: TestPlatform;
t.before(async () => {
  platform = await createTestPlatform();
});
t.teardown(() => platform.close());

t.test('bad input to a route gets a 400 with a code naming the failing field', async (t) => {

  const response = await platform.as(platform.admin).inject({
    method: 'POST',
    url: '/api/core/schools',
    payload: { uai: 'not-a-uai', name: 'École', colour: 'blue' },
  });
  t.equal(response.statusCode, 400);
  const body = response.json();
  t.equal(body.code, 'PREAU_ERR_VALIDATION');
  t.match(body.message, /Le champ « Code UAI »/);
  t.same(
    body.details.map((d: { field: string }) => d.field).sort(),
    ['body.colour', 'body.uai'],
  );
  t.equal((await platform.knex('core.schools').count('* as n').first())?.n, 0, 'nothing was written');
});

t.test('a body that is not JSON gets a coded 400', async (t) => {
  const response = await platform.as(platform.admin).inject({
    method: 'POST',
    url: '/api/core/schools',
    headers: { 'content-type': 'application/json' },
    payload: '{"uai": ',
  });
  t.equal(response.statusCode, 400);
  t.equal(response.json().code, 'PREAU_ERR_BAD_REQUEST');
});

t.test('an unknown API route gets a coded 404', async (t) => {
  const response = await platform.inject({ method: 'GET', url: '/api/core/nothing-here' });
  t.equal(response.statusCode, 404);
  t.equal(response.json().code, 'PREAU_ERR_NOT_FOUND');
});

t.test('errors speak English to a browser that asks for it', async (t) => {
  const response = await platform.inject({ method: 'GET', url: '/api/core/me', headers: { 'accept-language': 'en-GB,en;q=0.9' } });
  t.equal(response.statusCode, 401);
  t.same(response.json(), { code: 'PREAU_ERR_UNAUTHENTICATED', message: 'Please sign in to continue.' });
});

import t from 'tap';
import { Readable } from 'node:stream';
import { createTestPlatform } from '../../src/testing/index.js';
import { diskStorage, pattern, PNG } from './storage-fixtures.js';

const backend = await diskStorage({ quotaMb: { Relative: 1, Student: 0.5 } });
const platform = await createTestPlatform({ config: { storage: backend.config } });
t.teardown(async () => {
  await platform.close();
  await backend.close();
});
const storage = platform.platform.storage;
const school = await platform.createSchool();
const KIB = 1024;

const warnings = async (userId: number) =>
  platform.knex('core.notification_recipients as r').join('core.notifications as n', 'n.id', 'r.notification_id')
    .where({ 'r.user_id': userId, 'n.type': 'storage-quota-warning' }).orderBy('n.id').pluck('n.params');

t.test('racing uploads never pass the quota', async (t) => {
  const parent = await platform.createUser({ profile: 'Relative', schools: [school] });
  // Announced sizes (a request's Content-Length) are reserved whole at once: first come, first served.
  const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => storage.put(pattern(300 * KIB, 16 * KIB), { owner: parent.id, name: `photo-${i}.bin`, size: 300 * KIB })));
  const stored = results.filter((r) => r.status === 'fulfilled');
  const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  const { used, quota } = await storage.usage(parent.id);
  t.equal(quota, 1024 * KIB);
  t.equal(stored.length, 3, 'as many as fit');
  t.equal(used, stored.length * 300 * KIB, 'the use is exactly what was stored');
  t.ok(used <= quota);
  for (const r of refused) t.equal((r.reason as { code: string }).code, 'PREAU_ERR_STORAGE_QUOTA');
  t.equal(Number((await platform.knex('core.storage_blobs').where({ owner_id: parent.id }).count({ n: '*' }).first())!.n), stored.length);
});

t.test('racing uploads of unknown size never pass the quota either', async (t) => {
  const parent = await platform.createUser({ profile: 'Relative', schools: [school] });
  const results = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => storage.put(pattern(300 * KIB, 16 * KIB), { owner: parent.id, name: `photo-${i}.bin` })));
  const stored = results.filter((r) => r.status === 'fulfilled').length;
  const { used, quota } = await storage.usage(parent.id);
  t.ok(stored <= 3, `${stored} stored`);
  t.equal(used, stored * 300 * KIB);
  t.ok(used <= quota);
});

t.test('uploads one after the other fill the quota exactly, and the next is refused', async (t) => {
  const parent = await platform.createUser({ profile: 'Relative', schools: [school] });
  for (let i = 0; i < 3; i += 1) await storage.put(pattern(300 * KIB), { owner: parent.id, name: 'a.bin' });
  await t.rejects(storage.put(pattern(200 * KIB), { owner: parent.id, name: 'b.bin' }), { code: 'PREAU_ERR_STORAGE_QUOTA', statusCode: 413 });
  const last = await storage.put(pattern(124 * KIB), { owner: parent.id, name: 'c.bin' });
  t.equal((await storage.usage(parent.id)).used, 1024 * KIB, 'a file that fits the rest exactly is kept');
  t.ok(last.id);
});

t.test('a warning at 80 % and at 100 %, once each, and again after freeing space', async (t) => {
  const pupil = await platform.createUser({ profile: 'Student', schools: [school] });
  const first = await storage.put(pattern(300 * KIB), { owner: pupil.id, name: 'a.bin' });
  t.same(await warnings(pupil.id), []);
  await storage.put(pattern(120 * KIB), { owner: pupil.id, name: 'b.bin' });
  t.same(await warnings(pupil.id), [{ percent: 80 }], '420 KiB of 512 KiB');
  await storage.put(pattern(10 * KIB), { owner: pupil.id, name: 'c.bin' });
  t.same(await warnings(pupil.id), [{ percent: 80 }], 'not twice');
  await t.rejects(storage.put(pattern(100 * KIB), { owner: pupil.id, name: 'd.bin' }), { code: 'PREAU_ERR_STORAGE_QUOTA' });
  t.same(await warnings(pupil.id), [{ percent: 80 }, { percent: 100 }]);
  t.ok(await storage.delete(first.id), 'delete frees quota');
  t.equal((await storage.usage(pupil.id)).used, 130 * KIB);
  await storage.put(pattern(300 * KIB), { owner: pupil.id, name: 'e.bin' });
  t.equal((await warnings(pupil.id)).length, 3, 'warned again after going back under 80 %');
});

t.test('my own upload downloads safely, and nobody else can fetch it by id', async (t) => {
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [school] });
  const other = await platform.createUser({ profile: 'Teacher', schools: [school] });
  const html = await storage.put(Readable.from([Buffer.from('<svg onload="alert(1)"></svg>')]), { owner: teacher.id, name: 'Compte rendu élèves "CM2".svg', mediaType: 'image/svg+xml' });
  const response = await platform.as(teacher).inject(`/api/core/storage/blobs/${html.id}?inline=true`);
  t.equal(response.statusCode, 200);
  t.equal(response.headers['content-type'], 'text/plain; charset=utf-8', 'SVG is never served as SVG');
  t.match(response.headers['content-disposition'], /^attachment; filename="Compte rendu eleves _CM2_.svg"; filename\*=UTF-8''Compte%20rendu%20%C3%A9l%C3%A8ves%20_CM2_.svg$/);
  t.equal(response.headers['x-content-type-options'], 'nosniff');
  t.match(response.headers['content-security-policy'], /^sandbox/);
  t.equal(response.body, '<svg onload="alert(1)"></svg>');
  const image = await storage.put(Readable.from([PNG]), { owner: teacher.id, name: 'photo.png' });
  const shown = await platform.as(teacher).inject(`/api/core/storage/blobs/${image.id}?inline=true`);
  t.match(shown.headers['content-disposition'], /^inline;/, 'a raster image may be shown');
  t.equal(shown.headers['content-type'], 'image/png');
  const stranger = await platform.as(other).inject(`/api/core/storage/blobs/${image.id}`);
  t.equal(stranger.statusCode, 404);
  t.equal(stranger.json().code, 'PREAU_ERR_STORAGE_NOT_FOUND');
  t.equal((await platform.inject(`/api/core/storage/blobs/${image.id}`)).statusCode, 401);
  t.equal((await platform.as(other).inject({ method: 'DELETE', url: `/api/core/storage/blobs/${image.id}` })).statusCode, 404);
  t.equal((await platform.as(teacher).inject({ method: 'DELETE', url: `/api/core/storage/blobs/${image.id}` })).statusCode, 204);
  const usage = await platform.as(teacher).inject('/api/core/storage/usage');
  t.same(usage.json(), { used: html.size, quota: 10 * 1024 * 1024 * 1024 });
});

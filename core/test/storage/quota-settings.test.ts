import t from 'tap';
import { createTestPlatform } from '../../src/testing/index.js';
import { diskStorage, pattern } from './storage-fixtures.js';

// Quotas set by the academy per profile, raised by a school for one of its people, and applied at the next
// upload. Small quotas in the configuration keep the uploads small; the 20 GiB maximum is checked as bytes.
const MIB = 1024 * 1024;
const GIB = 1024 * MIB;
const backend = await diskStorage({ quotaMb: { Teacher: 2, Personnel: 2, Relative: 1, Student: 1, Guest: 1 } });
const platform = await createTestPlatform({ config: { storage: backend.config } });
t.teardown(async () => {
  await platform.close();
  await backend.close();
});
const storage = platform.platform.storage;
const a = await platform.createSchool({ name: 'École A' });
const b = await platform.createSchool({ name: 'École B' });
const director = await platform.createUser({ profile: 'Teacher', schools: [a], displayName: 'DIRECTRICE A', functions: [{ function: 'director', schoolId: a.id }] });
const teacher = await platform.createUser({ profile: 'Teacher', schools: [a], displayName: 'MARTIN Sophie' });
const parent = await platform.createUser({ profile: 'Relative', schools: [a] });
const teacherB = await platform.createUser({ profile: 'Teacher', schools: [b] });
const leaver = await platform.createUser({ profile: 'Teacher', schools: [a] });
await platform.knex('core.memberships').where({ user_id: leaver.id }).update({ left_at: platform.clock.now() });
const admin = platform.as(platform.admin);
const personUrl = (userId: number, schoolId = a.id) => `/api/core/schools/${schoolId}/users/${userId}/storage`;
const quotaRows = () => platform.knex('core.storage_usage').whereNotNull('quota_bytes').orderBy('user_id').select('user_id', 'quota_bytes');
const warnings = async (userId: number) =>
  platform.knex('core.notification_recipients as r').join('core.notifications as n', 'n.id', 'r.notification_id')
    .where({ 'r.user_id': userId, 'n.type': 'storage-quota-warning' }).orderBy('n.id').pluck('n.params');

t.test('the academy administrator sees each profile’s quota, the configuration’s until changed', async (t) => {
  const response = await admin.inject('/api/core/storage/profile-quotas');
  t.equal(response.statusCode, 200, response.body);
  t.match(response.json(), { maxBytes: 20 * GIB, profiles: [{ profile: 'Teacher', bytes: 2 * MIB, isDefault: true }, { profile: 'Student', bytes: MIB }] });
  for (const someone of [director, teacher]) {
    t.equal((await platform.as(someone).inject('/api/core/storage/profile-quotas')).statusCode, 403, `${someone.displayName} may not read them`);
  }
});

t.test('the academy sets a profile’s quota; the next upload and everyone’s usage follow at once', async (t) => {
  await t.rejects(storage.put(pattern(3 * MIB), { owner: teacher.id, name: 'gros.bin' }), { code: 'PREAU_ERR_STORAGE_QUOTA' });
  const response = await admin.inject({ method: 'PUT', url: '/api/core/storage/profile-quotas', payload: { profiles: [{ profile: 'Teacher', bytes: 4 * MIB }] } });
  t.equal(response.statusCode, 200, response.body);
  t.match(response.json().profiles, [{ profile: 'Teacher', bytes: 4 * MIB, isDefault: false }, { profile: 'Student', isDefault: true }]);
  await storage.put(pattern(3.5 * MIB), { owner: teacher.id, name: 'gros.bin' });
  t.same(await platform.as(teacher).inject('/api/core/storage/usage').then((r) => r.json()), { used: 3.5 * MIB, quota: 4 * MIB });
  t.same(await warnings(teacher.id), [{ percent: 100 }, { percent: 80 }], 'the refused upload warned at 100 %, then the new quota’s 80 % warns again');
  t.equal(await platform.knex('core.audit_log').where({ action: 'storage-quota-changed', actor_id: platform.admin.id }).count({ n: '*' }).first().then((r) => Number(r!.n)), 1);
});

t.test('a quota above 20 GiB is refused in French and changes nothing, for a profile or a person', async (t) => {
  const before = await admin.inject('/api/core/storage/profile-quotas').then((r) => r.json());
  const tooMuch = await admin.inject({ method: 'PUT', url: '/api/core/storage/profile-quotas', payload: { profiles: [{ profile: 'Student', bytes: 2 * MIB }, { profile: 'Teacher', bytes: 20 * GIB + 1 }] } });
  t.equal(tooMuch.statusCode, 400);
  t.same(tooMuch.json(), { code: 'PREAU_ERR_STORAGE_QUOTA_ABOVE_MAX', message: 'Un espace de stockage ne peut pas dépasser 20 Go.', details: { maxBytes: 20 * GIB } });
  t.same(await admin.inject('/api/core/storage/profile-quotas').then((r) => r.json()), before, 'not even the valid line was kept');
  const person = await platform.as(director).inject({ method: 'PUT', url: personUrl(parent.id), payload: { quotaBytes: 21 * GIB } });
  t.equal(person.statusCode, 400);
  t.equal(person.json().code, 'PREAU_ERR_STORAGE_QUOTA_ABOVE_MAX');
  t.equal((await admin.inject({ method: 'PUT', url: '/api/core/storage/profile-quotas', payload: { profiles: [{ profile: 'Teacher', bytes: -1 }] } })).statusCode, 400, 'negative');
  t.same(await quotaRows(), []);
});

t.test('a school administrator raises one of their people’s quota, and may give back the profile’s', async (t) => {
  const seen = await platform.as(director).inject(personUrl(parent.id));
  t.equal(seen.statusCode, 200, seen.body);
  t.same(seen.json(), { used: 0, quota: MIB, profileQuota: MIB, personalQuota: null, maxBytes: 20 * GIB });
  await t.rejects(storage.put(pattern(2 * MIB), { owner: parent.id, name: 'film.bin' }), { code: 'PREAU_ERR_STORAGE_QUOTA' });
  const raised = await platform.as(director).inject({ method: 'PUT', url: personUrl(parent.id), payload: { quotaBytes: 3 * MIB } });
  t.equal(raised.statusCode, 200, raised.body);
  t.match(raised.json(), { quota: 3 * MIB, profileQuota: MIB, personalQuota: 3 * MIB });
  await storage.put(pattern(2 * MIB), { owner: parent.id, name: 'film.bin' });
  t.same(await storage.usage(parent.id), { used: 2 * MIB, quota: 3 * MIB });
  t.match(await platform.knex('core.storage_usage').where({ user_id: parent.id }).first(), { quota_bytes: 3 * MIB, quota_school_id: a.id, quota_set_by: director.id });

  const lower = await platform.as(director).inject({ method: 'PUT', url: personUrl(parent.id), payload: { quotaBytes: MIB / 2 } });
  t.equal(lower.statusCode, 400);
  t.equal(lower.json().code, 'PREAU_ERR_STORAGE_QUOTA_BELOW_PROFILE');
  t.match(lower.json().message, /ne peut qu’être augmenté/);
  const back = await platform.as(director).inject({ method: 'PUT', url: personUrl(parent.id), payload: { quotaBytes: null } });
  t.match(back.json(), { quota: MIB, personalQuota: null });
  t.same(await warnings(parent.id), [{ percent: 100 }], 'warned once, by the upload the profile’s quota refused');
});

t.test('a school administrator cannot change someone of another school, a leaver, nor a teacher anyone', async (t) => {
  const before = await quotaRows();
  const cases: [string, ReturnType<typeof platform.as>, string, number][] = [
    ['a person of another school, through their own school', platform.as(director), personUrl(teacherB.id), 404],
    ['a person of another school, through that school', platform.as(director), personUrl(teacherB.id, b.id), 403],
    ['someone who left the school', platform.as(director), personUrl(leaver.id), 404],
    ['a teacher, for a colleague', platform.as(teacher), personUrl(director.id), 403],
    ['a parent, for themselves', platform.as(parent), personUrl(parent.id), 403],
  ];
  for (const [what, as, url, status] of cases) {
    for (const request of [{ method: 'GET' as const, url }, { method: 'PUT' as const, url, payload: { quotaBytes: 5 * MIB } }]) {
      const response = await as.inject(request);
      t.equal(response.statusCode, status, `${what}: ${request.method}`);
      t.type(response.json().message, 'string');
    }
  }
  t.equal((await platform.inject({ method: 'PUT', url: personUrl(parent.id), payload: { quotaBytes: 5 * MIB } })).statusCode, 401);
  t.same(await quotaRows(), before, 'nothing changed');
  t.equal((await admin.inject({ method: 'PUT', url: personUrl(teacher.id), payload: { quotaBytes: 5 * MIB } })).statusCode, 200, 'the academy administrator may');
});

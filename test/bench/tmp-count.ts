import { createTestPlatform } from '@preau/core/testing';
const platform = await createTestPlatform({ database: 'pglite' });
const school = await platform.createSchool();
const teacher = await platform.createUser({ profile: 'Teacher', schools: [school] });
const cls = await platform.createClass({ school, label: 'CM2', teachers: [teacher], pupils: 20, relativesPerPupil: 2 });
const parent = cls.relatives[0]![0]!;
const session = await platform.platform.sessions.create(parent.id, { ip: '127.0.0.1', userAgent: 'bench' });
const queries: string[] = [];
platform.knex.on('query', (q: { sql: string }) => queries.push(q.sql));
const timings: Record<string, number[]> = {};
platform.knex.on('query-response', () => {});
for (let i = 0; i < 30; i++) { const t0 = performance.now(); await platform.inject({ method: 'GET', url: '/api/core/me', cookies: { preau_session: session.token } }); (timings.me ??= []).push(performance.now() - t0); }
console.log('me steady', timings.me!.slice(-10).map((x) => x.toFixed(1)).join(' '));
for (const sql of ['select 1']) { const t0 = performance.now(); for (let i = 0; i < 50; i++) await platform.knex.raw(sql); console.log(sql, ((performance.now() - t0) / 50).toFixed(2), 'ms'); }
for (const url of ['/api/core/timeline?limit=20']) {
  queries.length = 0;
  const t0 = performance.now();
  const r = await platform.inject({ method: 'GET', url, cookies: { preau_session: session.token } });
  console.log(url, r.statusCode, (performance.now() - t0).toFixed(1), 'ms', queries.length, 'queries');
  for (const q of queries) console.log('   ', q.slice(0, 160));
}
await platform.close();

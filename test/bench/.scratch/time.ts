import { createTestPlatform } from '@preau/core/testing';
import lunchMenu from '@preau/example-lunch-menu';

const t = await createTestPlatform({ plugins: [lunchMenu], database: 'postgres' });
const school = await t.createSchool();
const parent = await t.createUser({ profile: 'Relative', schools: [school] });
const s = await t.platform.sessions.create(parent.id, {});
const time = async (label: string, n: number, f: () => Promise<unknown>) => {
  for (let i = 0; i < 50; i++) await f();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await f();
  console.log(label, ((performance.now() - t0) / n * 1000).toFixed(0), 'µs');
};
await time('select 1 (knex raw)', 1000, () => t.knex.raw('select 1'));
await time('sessions.resolve', 1000, () => t.platform.sessions.resolve(s.token));
await time('menus pk read (core knex, qualified)', 1000, () => t.knex('lunch_menu.menus').where({ school_id: school.id, week: '2026-W48' }).first());
await time('inject GET (no socket)', 1000, () => t.as(parent).inject(`/api/lunch-menu/schools/${school.id}/weeks/2026-W48`));
const plan = await t.knex.raw(`explain (analyze, buffers) select s.id, s.csrf_token, s.last_seen_at, u.id as user_id, u.login, u.display_name, u.profile, u.language,
           coalesce((select json_agg(json_build_object('id', sc.id, 'uai', sc.uai, 'name', sc.name) order by sc.name)
                       from core.memberships m join core.schools sc on sc.id = m.school_id where m.user_id = u.id), '[]') as schools,
           coalesce((select json_agg(case when f.school_id is null then json_build_object('function', f.function)
                                          else json_build_object('function', f.function, 'schoolId', f.school_id) end)
                       from core.user_functions f where f.user_id = u.id), '[]') as functions
         from core.sessions s join core.users u on u.id = s.user_id
         where s.id = ? and s.expires_at > ? and s.last_seen_at > ? and u.state = 'active'`, ['x', new Date(), new Date(0)]);
console.log(plan.rows.map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']).join('\n'));
const idx = await t.knex.raw(`select tablename, indexdef from pg_indexes where schemaname in ('core','lunch_menu') and tablename in ('sessions','memberships','user_functions','menus','school_apps')`);
console.log(idx.rows);
await t.close();

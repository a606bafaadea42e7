/**
 * One Préau server process of the fan-out benchmark, started by notification-fanout.ts with the database URL in
 * PREAU_BENCH_DATABASE_URL. It listens on a free loopback port and says which over IPC; the first process also
 * seeds the school when asked.
 */
import { createPlatform, parseConfig } from '@preau/core';
import benchPlugin from './notification-bench-plugin.js';

const url = process.env.PREAU_BENCH_DATABASE_URL;
if (!url || !process.send) throw new Error('started by notification-fanout.ts only');

const platform = await createPlatform({
  config: parseConfig(
    { logLevel: 'silent', database: { url, poolSize: 10 }, apps: { enabledByDefault: ['bench-notify'] }, sessions: { cacheSeconds: 300 } },
    process.cwd(),
  ),
  extraPlugins: [benchPlugin],
  buildWeb: false,
  logger: false,
});
const address = await platform.app.listen({ port: 0, host: '127.0.0.1' });

async function seed(members: number): Promise<unknown> {
  const { knex } = platform.database;
  const [admin] = await knex('core.users').insert({ login: 'admin.bench', display_name: 'ADMIN Banc', profile: 'Personnel', state: 'active' }).returning('id');
  await knex('core.user_functions').insert({ user_id: admin.id, function: 'academy-admin', school_id: null });
  const [school] = await knex('core.schools').insert({ uai: '0860001A', name: 'École du banc' }).returning('id');
  const [teacher] = await knex('core.users').insert({ login: 'enseignant.banc', display_name: 'Mme BANC', profile: 'Teacher', state: 'active' }).returning('id');
  const parents: { id: number }[] = await knex.raw(
    `insert into core.users (login, display_name, profile, state)
     select 'parent.' || i, 'PARENT ' || i, 'Relative', 'active' from generate_series(1, ?) as i returning id`,
    [members],
  ).then((result: { rows: { id: number }[] }) => result.rows);
  await knex('core.memberships').insert([teacher, ...parents].map((u) => ({ user_id: u.id, school_id: school.id })));
  const [group] = await knex('core.groups').insert({ school_id: school.id, kind: 'manual', name: 'Parents du banc' }).returning('id');
  await knex('core.manual_group_members').insert(parents.map((u) => ({ group_id: group.id, user_id: u.id })));
  const teacherSession = await platform.sessions.create(teacher.id, {});
  const tokens: string[] = [];
  for (const parent of parents) tokens.push((await platform.sessions.create(parent.id, {})).token);
  return { groupId: group.id, teacher: { token: teacherSession.token, csrfToken: teacherSession.csrfToken }, tokens };
}

process.on('message', (message: { type: string; members?: number }) => {
  if (message.type === 'seed') {
    seed(message.members!).then(
      (seeded) => process.send!({ type: 'seeded', ...(seeded as object) }),
      (error: Error) => process.send!({ type: 'error', message: error.message }),
    );
  } else if (message.type === 'stop') {
    void platform.close().then(() => process.exit(0));
  }
});
process.send({ type: 'ready', host: address.replace('http://', '') });

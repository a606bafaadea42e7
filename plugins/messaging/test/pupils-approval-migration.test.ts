import t from 'tap';
import { createTestPlatform } from '@preau/core/testing';
import messaging from '../src/index.js';
import approvalAsARight from '../migrations/004-pupils-approval-as-a-right.js';
import { send } from './fixtures.js';

/** Runs a step of migration 004 as the migrator does: in a transaction, on the app's schema then the core's. */
const migrate = (platform: Awaited<ReturnType<typeof createTestPlatform>>, step: 'up' | 'down') =>
  platform.knex.transaction(async (trx) => {
    await trx.raw('set local search_path to messaging, core');
    await approvalAsARight[step](trx);
  });

t.test("a school that had its pupils' messages approved keeps it as the core's school right, and the others keep the default", async (t) => {
  const platform = await createTestPlatform({ plugins: [messaging] });
  t.teardown(() => platform.close());
  const moderated = await platform.createSchool({ name: 'École Jules Ferry' });
  const free = await platform.createSchool({ name: 'École Victor Hugo' });
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [moderated] });
  const cm2 = await platform.createClass({ school: moderated, label: 'CM2', teachers: [teacher], pupils: 1 });
  const otherTeacher = await platform.createUser({ profile: 'Teacher', schools: [free] });
  const ce1 = await platform.createClass({ school: free, label: 'CE1', teachers: [otherTeacher], pupils: 1 });

  // As the app was before: its own settings table, one school asking for approval, one saying no.
  await migrate(platform, 'down');
  await platform.knex('messaging.school_settings').insert([{ school_id: moderated.id, moderate_pupils: true }, { school_id: free.id, moderate_pupils: false }]);
  await migrate(platform, 'up');
  // The running platform learns the schools' rights as a new start would (the migrator runs before it serves).
  await platform.platform.rights.reload();

  t.same(await platform.knex('core.school_rights').where({ app: 'messaging' }).select('school_id', 'right', 'profiles'),
    [{ school_id: moderated.id, right: 'sendWithoutApproval', profiles: [] }], 'only the school that asked for approval has a choice of its own');
  t.equal((await send(platform, cm2.pupils[0]!, { to: { users: [teacher.id] }, subject: 'Mon exposé' })).json().state, 'pending', "there, a pupil's message waits");
  t.equal((await send(platform, ce1.pupils[0]!, { to: { users: [otherTeacher.id] }, subject: 'Ma question' })).json().state, 'sent', 'elsewhere it goes at once');
  t.notOk(await platform.knex.schema.withSchema('messaging').hasTable('school_settings'), "the app's own table is gone");
});

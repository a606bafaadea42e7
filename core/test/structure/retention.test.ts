import t from 'tap';
import { createTestPlatform } from '../../src/testing/index.js';
import { runDueJobs } from '../../src/jobs/daily-jobs.js';
import { importedSchool } from '../helpers/imported-school.js';

const DAY = 86_400_000;
const platform = await createTestPlatform();
t.teardown(() => platform.close());
const { knex } = platform;
const imported = await importedSchool(platform, 'tilleuls', 'École des Tilleuls');
const silent = { info() {}, error() {} } as unknown as Parameters<typeof runDueJobs>[3];

t.test('accounts of people who left are deleted three months later by one process, after a dry-run report', async (t) => {
  const [early, late] = await knex('core.memberships as m').join('core.users as u', 'u.id', 'm.user_id')
    .where({ 'm.school_id': imported.school.id, 'u.profile': 'Student' }).orderBy('u.id').limit(2).select('u.id', 'u.display_name');
  const now = platform.clock.now();
  await knex('core.memberships').where({ user_id: early.id }).update({ left_at: new Date(now.getTime() - 100 * DAY) });
  await knex('core.memberships').where({ user_id: late.id }).update({ left_at: new Date(now.getTime() - 30 * DAY) });

  const report = await platform.as(imported.director).inject(`/api/core/schools/${imported.school.id}/retention?withinDays=0`);
  t.equal(report.statusCode, 200);
  t.same(report.json().accounts.map((a: { id: number }) => a.id), [early.id], 'the report names who the next run deletes');
  const soon = await platform.as(imported.director).inject(`/api/core/schools/${imported.school.id}/retention?withinDays=90`);
  t.same(soon.json().accounts.map((a: { id: number }) => a.id).sort(), [early.id, late.id].sort(), 'and who goes within 90 days, with the date');

  // Two processes check at once: the database lets one of them run the job.
  await Promise.all([runDueJobs(knex, platform.clock, platform.platform.dailyJobs, silent), runDueJobs(knex, platform.clock, platform.platform.dailyJobs, silent)]);
  const runs = await knex('core.job_runs').where({ job: 'retention' }).select('report');
  t.equal(runs.length, 1, 'one run a day');
  t.match(runs[0].report, { deletedAccounts: 1 });
  t.notOk(await knex('core.users').where({ id: early.id }).first('id'), 'the account who left 100 days ago is gone');
  t.ok(await knex('core.users').where({ id: late.id }).first('id'), 'the one who left 30 days ago stays');
  const audit = await knex('core.audit_log').where({ school_id: imported.school.id, action: 'leavers-deleted' }).first('details');
  t.same(audit.details, { count: 1 });

  await runDueJobs(knex, platform.clock, platform.platform.dailyJobs, silent);
  t.equal((await knex('core.job_runs').where({ job: 'retention' })).length, 1, 'a second check the same day does nothing');
  platform.clock.advance(DAY);
  await runDueJobs(knex, platform.clock, platform.platform.dailyJobs, silent);
  t.equal((await knex('core.job_runs').where({ job: 'retention' })).length, 2, 'the next day runs again');
  platform.clock.advance(-DAY);
});

t.test('the audit log is kept one year, then purged', async (t) => {
  const old = new Date(platform.clock.now().getTime() - 400 * DAY);
  await knex('core.audit_log').insert({ action: 'sign-in', school_id: imported.school.id, at: old });
  platform.clock.advance(2 * DAY);
  await runDueJobs(knex, platform.clock, platform.platform.dailyJobs, silent);
  t.notOk(await knex('core.audit_log').where('at', '<', new Date(platform.clock.now().getTime() - 365 * DAY)).first('id'));
  t.ok(await knex('core.audit_log').where({ action: 'import-applied' }).first('id'), 'recent entries stay');
});

t.test('timeline notifications are kept one year, then purged, and the bell stops counting them', async (t) => {
  const user = await platform.createUser({ profile: 'Teacher', schools: [imported.school] });
  const notify = async (createdAt: Date) => {
    const [row] = await knex('core.notifications').insert({ app: 'core', type: 'test', resource: {}, params: {}, created_at: createdAt }).returning('id');
    await knex('core.notification_recipients').insert({ user_id: user.id, notification_id: row.id, delivery: 'never', email_state: 'skipped', created_at: createdAt });
    return row.id as number;
  };
  const old = await notify(new Date(platform.clock.now().getTime() - 400 * DAY));
  const recent = await notify(platform.clock.now());
  await knex('core.notification_unread').insert({ user_id: user.id, count: 2 });
  platform.clock.advance(DAY);
  await runDueJobs(knex, platform.clock, platform.platform.dailyJobs, silent);
  t.same(await knex('core.notifications').whereIn('id', [old, recent]).pluck('id'), [recent], 'the year-old one is gone, the recent one stays');
  t.equal((await knex('core.notification_unread').where({ user_id: user.id }).first('count')).count, 1, 'the unread count follows');
});

t.test('only administrators of the school read the retention report', async (t) => {
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [imported.school] });
  t.equal((await platform.as(teacher).inject(`/api/core/schools/${imported.school.id}/retention`)).statusCode, 403);
});

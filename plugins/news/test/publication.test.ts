import t from 'tap';
import { createTestPlatform, type TestPlatform } from '@preau/core/testing';
import news from '../src/index.js';
import { makeSchool, timelineTitles } from './school.js';

let platform: TestPlatform;
t.before(async () => {
  platform = await createTestPlatform({ plugins: [news] });
});
t.teardown(() => platform.close());

const HOUR = 3_600_000;

async function canteenThread() {
  const s = await makeSchool(platform);
  const created = await platform.as(s.director).inject({
    method: 'POST', url: '/api/news/threads',
    payload: { schoolId: s.school.id, title: 'Restaurant scolaire', shares: [{ groupId: s.schoolGroup('Relative'), role: 'read' }, { groupId: s.schoolGroup('Personnel'), role: 'publish' }] },
  });
  if (created.statusCode !== 201) throw new Error(created.body);
  return { ...s, threadId: created.json().id as number, parent: s.cm2.relatives[0]![0]! };
}

const titles = async (user: Parameters<TestPlatform['as']>[0]) => (await platform.as(user).inject('/api/news/items')).json().items.map((i: { title: string }) => i.title);

t.test('an item scheduled for Monday is hidden and unannounced until then, then readers are told', async (t) => {
  const s = await canteenThread();
  const monday = new Date(platform.clock.now().getTime() + 4 * 24 * HOUR);
  const scheduled = await platform.as(s.cook).inject({
    method: 'POST', url: `/api/news/threads/${s.threadId}/items`,
    payload: { title: 'Menus de la semaine', body: '<p>Lundi : poulet basquaise</p>', action: 'publish', publishAt: monday.toISOString() },
  });
  t.equal(scheduled.statusCode, 201);
  t.equal(scheduled.json().publishAt, monday.toISOString());
  t.same(await titles(s.parent), [], 'not visible before its date');
  t.equal((await platform.as(s.parent).inject(`/api/news/items/${scheduled.json().id}`)).statusCode, 404);
  t.same((await platform.as(s.cook).inject('/api/news/drafts')).json().map((i: { title: string }) => i.title), ['Menus de la semaine'], 'the author sees it as planned');
  await platform.runScheduledJobs();
  t.same(await timelineTitles(platform, s.parent), [], 'no notification at creation');

  platform.clock.set(new Date(monday.getTime() - 60_000));
  t.equal(await platform.runScheduledJobs(), 0, 'nothing due a minute before');
  platform.clock.set(monday);
  t.equal(await platform.runScheduledJobs(), 1);
  t.same(await titles(s.parent), ['Menus de la semaine']);
  t.same(await timelineTitles(platform, s.parent), ['Menus de la semaine'], 'notified at publication time');
  await platform.runScheduledJobs();
  t.same(await timelineTitles(platform, s.parent), ['Menus de la semaine'], 'and only once');
});

t.test('moving a scheduled publication replaces its job; trashing it cancels it', async (t) => {
  const s = await canteenThread();
  const now = platform.clock.now().getTime();
  const created = await platform.as(s.cook).inject({
    method: 'POST', url: `/api/news/threads/${s.threadId}/items`,
    payload: { title: 'Repas de Noël', body: '<p>Dinde</p>', action: 'publish', publishAt: new Date(now + 2 * HOUR).toISOString() },
  });
  const id = created.json().id;
  await platform.as(s.cook).inject({
    method: 'PATCH', url: `/api/news/items/${id}`,
    payload: { title: 'Repas de Noël', body: '<p>Dinde</p>', action: 'publish', publishAt: new Date(now + 5 * HOUR).toISOString() },
  });
  platform.clock.set(new Date(now + 3 * HOUR));
  await platform.runScheduledJobs();
  t.same(await timelineTitles(platform, s.parent), [], 'the old date announces nothing');
  t.equal((await platform.as(s.cook).inject({ method: 'POST', url: `/api/news/items/${id}/trash` })).statusCode, 204);
  platform.clock.set(new Date(now + 6 * HOUR));
  t.equal(await platform.runScheduledJobs(), 0, 'the trashed item has no job left');
  t.same(await timelineTitles(platform, s.parent), []);
});

t.test('an item expires at its expiry date', async (t) => {
  const s = await canteenThread();
  const now = platform.clock.now().getTime();
  const created = await platform.as(s.cook).inject({
    method: 'POST', url: `/api/news/threads/${s.threadId}/items`,
    payload: { title: 'Fermeture de la cantine', body: '<p>Vendredi</p>', action: 'publish', headline: true, expiresAt: new Date(now + 24 * HOUR).toISOString() },
  });
  t.same(await titles(s.parent), ['Fermeture de la cantine']);
  t.same(await timelineTitles(platform, s.parent), ['Fermeture de la cantine'], 'published now: told now');
  platform.clock.set(new Date(now + 24 * HOUR));
  t.same(await titles(s.parent), [], 'hidden from its expiry, even before the job runs');
  t.equal(await platform.runScheduledJobs(), 1);
  const row = await platform.knex('news.items').where({ id: created.json().id }).first('status', 'headline');
  t.same(row, { status: 'expired', headline: false });
  const bad = await platform.as(s.cook).inject({
    method: 'POST', url: `/api/news/threads/${s.threadId}/items`,
    payload: { title: 'Dates', body: '', action: 'publish', expiresAt: new Date(now).toISOString() },
  });
  t.equal(bad.json().code, 'NEWS_ERR_DATES');
});

t.test('the daily purge deletes items older than 24 months, comments with them', async (t) => {
  const s = await canteenThread();
  const start = platform.clock.now();
  const publish = async (title: string) => (await platform.as(s.cook).inject({ method: 'POST', url: `/api/news/threads/${s.threadId}/items`, payload: { title, body: '', action: 'publish' } })).json().id as number;
  const old = await publish('Rentrée 2024');
  await platform.as(s.parent).inject({ method: 'POST', url: `/api/news/items/${old}/comments`, payload: { body: 'Merci' } });
  platform.clock.set(new Date(start.getTime() + 365 * 24 * HOUR));
  const recent = await publish('Rentrée 2025');
  const purge = platform.platform.dailyJobs.find((job) => job.name === 'news:purge')!;
  t.ok(purge, 'the purge is a daily job');
  platform.clock.set(new Date(start.getTime() + 740 * 24 * HOUR));
  t.ok(Number(await purge.run(platform.clock.now())) >= 1);
  t.same((await platform.knex('news.items').whereIn('id', [old, recent]).select('id')).map((r) => r.id), [recent]);
  t.equal((await platform.knex('news.comments').where({ item_id: old })).length, 0);
  platform.clock.set(start);
});

import t from 'tap';
import { createTestPlatform, type TestPlatform, type TestUser } from '@preau/core/testing';
import news from '../src/index.js';
import { makeSchool, timelineTitles } from './school.js';

let platform: TestPlatform;
t.before(async () => {
  platform = await createTestPlatform({ plugins: [news] });
});
t.teardown(() => platform.close());

const HOUR = 3_600_000;
const at = (hours: number) => new Date(platform.clock.now().getTime() + hours * HOUR).toISOString();
const flash = (schoolId: number, extra: Record<string, unknown> = {}) => ({
  schoolIds: [schoolId], title: 'École fermée jeudi (grève)', body: '<p>Aucun accueil ne sera assuré.</p>', colour: 'urgent',
  signature: 'La directrice', profiles: ['Relative'], startsAt: at(0), endsAt: at(48), ...extra,
});
const shown = async (user: TestUser) => (await platform.as(user).inject('/api/news/flash')).json().map((f: { title: string }) => f.title);

t.test('the director posts a flash message for relatives: every parent sees it until they read it, and the director sees the count', async (t) => {
  const s = await makeSchool(platform);
  const created = await platform.as(s.director).inject({ method: 'POST', url: '/api/news/flash', payload: flash(s.school.id) });
  t.equal(created.statusCode, 201);
  t.match(created.json(), { colour: 'urgent', read: 0, targeted: 5 }, 'five relatives: two per CM2 pupil, one for the CE1 pupil');
  const parents = [...s.cm2.relatives.flat(), ...s.ce1.relatives.flat()];
  for (const parent of parents) t.same(await shown(parent), ['École fermée jeudi (grève)']);
  t.same(await shown(s.teacher), [], 'teachers are not targeted');
  t.same(await shown(s.cm2.pupils[0]!), [], 'nor pupils');

  const id = created.json().id;
  for (const parent of parents.slice(0, 3)) {
    t.equal((await platform.as(parent).inject({ method: 'POST', url: `/api/news/flash/${id}/read` })).statusCode, 204);
  }
  await platform.as(parents[0]!).inject({ method: 'POST', url: `/api/news/flash/${id}/read` });
  t.same(await shown(parents[0]!), [], 'gone after "J\'ai lu"');
  t.same(await shown(parents[4]!), ['École fermée jeudi (grève)'], 'still there for those who did not');
  const authored = (await platform.as(s.director).inject('/api/news/flash/authored')).json();
  t.match(authored, [{ id, read: 3, targeted: 5 }], 'the read count is exact (a second "J\'ai lu" counts once)');
  t.equal((await platform.as(s.teacher).inject({ method: 'POST', url: `/api/news/flash/${id}/read` })).statusCode, 404, 'a user not targeted cannot mark it read');
  t.same(await timelineTitles(platform, parents[4]!), [], 'no timeline line: it reached open tabs as a live signal, and no email unless asked');
});

t.test('the audience is every person of the targeted profiles, not only those linked to a class', async (t) => {
  const s = await makeSchool(platform);
  const guest = await platform.createUser({ profile: 'Guest', schools: [s.school] });
  const staff = await platform.as(s.director).inject({ method: 'POST', url: '/api/news/flash', payload: flash(s.school.id, { title: 'Exercice incendie', profiles: ['Teacher', 'Personnel', 'Guest'] }) });
  t.equal(staff.statusCode, 201);
  t.equal(staff.json().targeted, 3 + 1 + 1, 'the three teachers (the director too), the cook and the guest, none of them counted twice');
  t.same(await shown(s.cook), ['Exercice incendie'], 'the cook has no class and sees it');
  t.same(await shown(guest), ['Exercice incendie']);
  const ce1 = await platform.as(s.director).inject({ method: 'POST', url: '/api/news/flash', payload: flash(s.school.id, { title: 'Sortie CE1', profiles: ['Teacher', 'Personnel', 'Guest', 'Relative'], classIds: [s.ce1.id] }) });
  t.equal(ce1.json().targeted, 2 + 1, "with a class, only its teachers (the director teaches CE1) and its pupil's relative");
  t.same(await shown(s.cook), ['Exercice incendie'], 'not the cook');
  t.same(await shown(s.ce1.relatives[0]![0]!), ['Sortie CE1']);
});

t.test('only directors and administrators write flash messages, for their own schools', async (t) => {
  const s = await makeSchool(platform);
  const other = await makeSchool(platform);
  const localAdmin = await platform.createUser({ profile: 'Personnel', schools: [s.school], functions: [{ function: 'local-admin', schoolId: s.school.id }] });
  for (const user of [s.teacher, s.cook, s.cm2.relatives[0]![0]!, s.cm2.pupils[0]!]) {
    const refused = await platform.as(user).inject({ method: 'POST', url: '/api/news/flash', payload: flash(s.school.id) });
    t.equal(refused.statusCode, 403, user.profile);
    t.equal(refused.json().code, 'NEWS_ERR_FLASH_FORBIDDEN');
  }
  t.equal((await platform.as(other.director).inject({ method: 'POST', url: '/api/news/flash', payload: flash(s.school.id) })).statusCode, 403, "another school's director");
  t.equal((await platform.as(localAdmin).inject({ method: 'POST', url: '/api/news/flash', payload: flash(s.school.id) })).statusCode, 201, 'a local administrator may');
  const academy = await platform.createUser({ profile: 'Personnel', schools: [s.school, other.school], functions: [{ function: 'academy-admin' }] });
  const both = await platform.as(academy).inject({ method: 'POST', url: '/api/news/flash', payload: flash(s.school.id, { schoolIds: [s.school.id, other.school.id], title: 'Alerte météo' }) });
  t.equal(both.statusCode, 201, 'an academy administrator writes for several schools');
  t.same(await shown(other.cm2.relatives[0]![0]!), ['Alerte météo']);
  t.same((await platform.as(other.director).inject('/api/news/flash/authored')).json(), [], 'a director does not manage a message for schools beyond theirs');
  const badClass = await platform.as(s.director).inject({ method: 'POST', url: '/api/news/flash', payload: flash(s.school.id, { classIds: [other.cm2.id] }) });
  t.equal(badClass.json().code, 'NEWS_ERR_CLASS');
  const badDates = await platform.as(s.director).inject({ method: 'POST', url: '/api/news/flash', payload: flash(s.school.id, { startsAt: at(5), endsAt: at(2) }) });
  t.equal(badDates.json().code, 'NEWS_ERR_DATES');
  const badColour = await platform.as(s.director).inject({ method: 'POST', url: '/api/news/flash', payload: flash(s.school.id, { colour: 'pink' }) });
  t.equal(badColour.statusCode, 400);
});

t.test('a flash message for some classes and profiles reaches only them, and only in its window', async (t) => {
  const s = await makeSchool(platform);
  const start = platform.clock.now();
  const created = await platform.as(s.director).inject({
    method: 'POST', url: '/api/news/flash',
    payload: flash(s.school.id, { title: 'Piscine annulée', colour: 'info', profiles: ['Relative', 'Teacher', 'Student'], classIds: [s.cm2.id], startsAt: at(24), endsAt: at(30), notify: true }),
  });
  t.equal(created.statusCode, 201);
  t.equal(created.json().targeted, 2 + 4 + 1, 'CM2 pupils, their relatives and their teacher');
  const cm2Parent = s.cm2.relatives[1]![0]!;
  t.same(await shown(cm2Parent), [], 'not before it starts');
  t.same(await timelineTitles(platform, cm2Parent), [], 'not announced before it starts');

  platform.clock.set(new Date(start.getTime() + 24 * HOUR));
  t.equal(await platform.runScheduledJobs(), 1, 'its start is a scheduled job');
  t.same(await shown(cm2Parent), ['Piscine annulée']);
  t.same(await shown(s.teacher), ['Piscine annulée']);
  t.same(await shown(s.cm2.pupils[0]!), ['Piscine annulée']);
  t.same(await shown(s.ce1.relatives[0]![0]!), [], 'not CE1 parents');
  t.same(await shown(s.otherTeacher), [], 'nor the CE1 teacher');
  t.same(await timelineTitles(platform, cm2Parent), ['Piscine annulée'], 'notified when it starts');
  t.same(await timelineTitles(platform, s.ce1.relatives[0]![0]!), []);
  t.ok((await platform.sentNotifications({ app: 'news', type: 'flash-notified' })).length, 'as the notification type that is emailed per preferences');

  platform.clock.set(new Date(start.getTime() + 30 * HOUR));
  t.same(await shown(cm2Parent), [], 'gone when it ends');
  platform.clock.set(start);
});

t.test('the director withdraws a flash message before it starts, and nothing is announced', async (t) => {
  const s = await makeSchool(platform);
  const start = platform.clock.now();
  const created = await platform.as(s.director).inject({ method: 'POST', url: '/api/news/flash', payload: flash(s.school.id, { title: 'Retiré', startsAt: at(2), endsAt: at(4) }) });
  t.equal((await platform.as(s.teacher).inject({ method: 'DELETE', url: `/api/news/flash/${created.json().id}` })).statusCode, 404);
  t.equal((await platform.as(s.director).inject({ method: 'DELETE', url: `/api/news/flash/${created.json().id}` })).statusCode, 204);
  platform.clock.set(new Date(start.getTime() + 3 * HOUR));
  t.equal(await platform.runScheduledJobs(), 0);
  t.same(await shown(s.cm2.relatives[0]![0]!), []);
  platform.clock.set(start);
});

t.test('the director corrects a flash message: who read it stays read, a window moved later opens again', async (t) => {
  const s = await makeSchool(platform);
  const [reader, other] = s.cm2.relatives[0]! as [TestUser, TestUser];
  const id = (await platform.as(s.director).inject({ method: 'POST', url: '/api/news/flash', payload: flash(s.school.id) })).json().id;
  await platform.as(reader).inject({ method: 'POST', url: `/api/news/flash/${id}/read` });

  const fixed = await platform.as(s.director).inject({ method: 'PUT', url: `/api/news/flash/${id}`, payload: flash(s.school.id, { title: 'École fermée vendredi (grève)' }) });
  t.equal(fixed.statusCode, 200, fixed.body);
  t.match(fixed.json(), { id, title: 'École fermée vendredi (grève)', read: 1, targeted: 5 }, 'corrected, the read count stays');
  t.same(await shown(other), ['École fermée vendredi (grève)'], 'those who had not read it see the correction');
  t.same(await shown(reader), [], 'who read it is not asked again');

  t.equal((await platform.as(s.teacher).inject({ method: 'PUT', url: `/api/news/flash/${id}`, payload: flash(s.school.id) })).statusCode, 404, 'a teacher cannot');
  t.equal((await platform.as(s.director).inject({ method: 'PUT', url: `/api/news/flash/${id}`, payload: flash(s.school.id, { endsAt: at(-1) }) })).json().code, 'NEWS_ERR_DATES', 'a window already over is refused');
  t.equal((await platform.as(s.director).inject('/api/news/flash/authored')).json().find((f: { id: number }) => f.id === id).title, 'École fermée vendredi (grève)', 'a refused correction changes nothing');

  await platform.as(s.director).inject({ method: 'PUT', url: `/api/news/flash/${id}`, payload: flash(s.school.id, { title: 'Réunion reportée', startsAt: at(2), endsAt: at(24) }) });
  t.same(await shown(other), [], 'moved to later, it leaves the home pages');
  platform.clock.advance(3 * HOUR);
  await platform.runScheduledJobs();
  t.same(await shown(other), ['Réunion reportée'], 'and comes back when its new window opens');
  platform.clock.advance(-3 * HOUR);
});

t.test('"J\'ai lu" reads the message’s notification too, which keeps leading to the message once read', async (t) => {
  const s = await makeSchool(platform);
  const created = await platform.as(s.director).inject({ method: 'POST', url: '/api/news/flash', payload: flash(s.school.id, { title: 'Photo de classe', notify: true }) });
  t.equal(created.statusCode, 201);
  const id = created.json().id;
  const [parent, other] = s.cm2.relatives.flat();
  const timeline = async (user: TestUser) => (await platform.as(user).inject('/api/core/timeline')).json();
  const before = await timeline(parent!);
  t.match(before, { unread: 1, items: [{ read: false, resource: { app: 'news', url: `/apps/news/flash/${id}` } }] }, 'the notification links to the message');

  t.equal((await platform.as(parent!).inject({ method: 'POST', url: `/api/news/flash/${id}/read` })).statusCode, 204);
  t.match(await timeline(parent!), { unread: 0, items: [{ read: true }] }, 'read with the message');
  t.match(await timeline(other!), { unread: 1 }, 'not for the other parent');

  const opened = await platform.as(parent!).inject(`/api/news/flash/${id}`);
  t.equal(opened.statusCode, 200);
  t.match(opened.json(), { id, title: 'Photo de classe', read: true }, 'the read message still opens from its notification');
  t.match((await platform.as(other!).inject(`/api/news/flash/${id}`)).json(), { read: false });
  t.equal((await platform.as(s.teacher).inject(`/api/news/flash/${id}`)).statusCode, 404, 'not for someone it was not for');
});

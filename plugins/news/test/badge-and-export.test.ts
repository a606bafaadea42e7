import t from 'tap';
import { createTestPlatform, type TestPlatform, type TestUser } from '@preau/core/testing';
import news from '../src/index.js';
import { makeSchool } from './school.js';

let platform: TestPlatform;
t.before(async () => {
  platform = await createTestPlatform({ plugins: [news] });
});
t.teardown(() => platform.close());

const badge = async (user: TestUser): Promise<number> => {
  const apps = (await platform.as(user).inject('/api/core/apps')).json();
  return (Array.isArray(apps) ? apps : apps.apps).find((a: { name: string }) => a.name === 'news').badge?.count ?? 0;
};

/** A thread where the CM2 teacher contributes, the school's staff publish and CM2 parents read. */
async function canteenThread() {
  const s = await makeSchool(platform);
  const created = await platform.as(s.director).inject({
    method: 'POST', url: '/api/news/threads',
    payload: {
      schoolId: s.school.id, title: 'Restaurant scolaire',
      shares: [
        { groupId: s.classGroup(s.cm2.id, 'Teacher'), role: 'contribute' },
        { groupId: s.schoolGroup('Personnel'), role: 'publish' },
        { groupId: s.classGroup(s.cm2.id, 'Relative'), role: 'read' },
      ],
    },
  });
  return { ...s, threadId: created.json().id as number };
}

t.test('the badge counts the items waiting for validation, for those who may publish them only', async (t) => {
  const s = await canteenThread();
  const other = await canteenThread();
  const submit = async (user: TestUser, threadId: number, title: string) =>
    (await platform.as(user).inject({ method: 'POST', url: `/api/news/threads/${threadId}/items`, payload: { title, body: '<p>Menu</p>', action: 'submit' } })).json().id as number;
  const first = await submit(s.teacher, s.threadId, 'Menus de la semaine');
  await submit(s.teacher, s.threadId, 'Repas à thème');
  await submit(other.teacher, other.threadId, "Menus d'une autre école");
  await platform.as(s.teacher).inject({ method: 'POST', url: `/api/news/threads/${s.threadId}/items`, payload: { title: 'Brouillon', body: '<p>…</p>', action: 'draft' } });

  t.equal(await badge(s.cook), 2, 'the staff publish in the thread: two proposals wait (not the draft, not the other school)');
  t.equal(await badge(s.director), 2, 'the director manages every thread of the school');
  t.equal(await badge(s.teacher), 0, 'the contributor who proposed them has nothing to validate');
  t.equal(await badge(s.cm2.relatives[0]![0]!), 0, 'nor a reader');
  t.equal(await badge(other.cook), 1, "the other school's staff count only their own");

  t.equal((await platform.as(s.cook).inject({ method: 'POST', url: `/api/news/items/${first}/publish`, payload: {} })).statusCode, 200);
  t.equal(await badge(s.cook), 1, 'validating one lowers the count');
  t.equal(await badge(s.director), 1);

  // Membership is read from the structure on each request, on every process: nobody waits for a cache.
  const newCook = await platform.createUser({ profile: 'Personnel', schools: [s.school] });
  t.equal(await badge(newCook), 1, 'a member of staff who just arrived validates at once');
});

t.test("a person's export holds the items and comments they wrote, the flash messages they wrote and those they dismissed", async (t) => {
  const s = await canteenThread();
  const parent = s.cm2.relatives[0]![0]!;
  const item = (await platform.as(s.cook).inject({
    method: 'POST', url: `/api/news/threads/${s.threadId}/items`, payload: { title: 'Menus de la semaine', body: '<p>Lundi : carottes râpées</p>', action: 'publish' },
  })).json();
  t.equal((await platform.as(parent).inject({ method: 'POST', url: `/api/news/items/${item.id}/comments`, payload: { body: 'Merci pour les menus !' } })).statusCode, 201);
  const now = platform.clock.now();
  const flash = (await platform.as(s.director).inject({
    method: 'POST', url: '/api/news/flash',
    payload: {
      schoolIds: [s.school.id], title: 'École fermée jeudi (grève)', body: '<p>Aucun accueil.</p>', colour: 'urgent', signature: 'La directrice',
      profiles: ['Relative'], startsAt: now.toISOString(), endsAt: new Date(now.getTime() + 86_400_000).toISOString(),
    },
  })).json();
  t.equal((await platform.as(parent).inject({ method: 'POST', url: `/api/news/flash/${flash.id}/read` })).statusCode, 204);

  const exported = async (user: TestUser) => (await platform.as(user).inject('/api/core/me/export')).json().apps.news;
  t.match(await exported(s.cook), { items: [{ id: item.id, threadId: s.threadId, title: 'Menus de la semaine', status: 'published' }], comments: [], flashMessages: [], flashReads: [] });
  const parentData = await exported(parent);
  t.match(parentData, { items: [], comments: [{ itemId: item.id, body: 'Merci pour les menus !' }], flashMessages: [], flashReads: [{ flashId: flash.id }] });
  t.ok(parentData.flashReads[0].readAt, 'with when they dismissed it');
  t.match(await exported(s.director), { items: [], flashMessages: [{ id: flash.id, title: 'École fermée jeudi (grève)' }], flashReads: [] });
  t.notMatch(JSON.stringify(await exported(s.teacher)), /Menus de la semaine|Merci|grève/, "nothing of others' writing in someone else's export");
});

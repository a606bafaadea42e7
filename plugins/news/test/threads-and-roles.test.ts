import t from 'tap';
import { createTestPlatform, type TestPlatform, type TestUser } from '@preau/core/testing';
import news from '../src/index.js';
import { makeSchool, timelineTitles } from './school.js';

let platform: TestPlatform;
t.before(async () => {
  platform = await createTestPlatform({ plugins: [news] });
});
t.teardown(() => platform.close());

const item = (title: string, action: 'draft' | 'submit' | 'publish', extra: Record<string, unknown> = {}) => ({ title, body: '<p>Texte</p>', action, ...extra });

/** A thread where CM2 parents read, the CM2 teacher contributes, the cook publishes and the other teacher manages. */
async function threadWithRoles(platform: TestPlatform) {
  const s = await makeSchool(platform);
  const created = await platform.as(s.director).inject({
    method: 'POST', url: '/api/news/threads',
    payload: {
      schoolId: s.school.id, title: "Vie de l'école", commentsEnabled: true,
      shares: [
        { groupId: s.classGroup(s.cm2.id, 'Relative'), role: 'read' },
        { groupId: s.classGroup(s.cm2.id, 'Teacher'), role: 'contribute' },
        { groupId: s.schoolGroup('Personnel'), role: 'publish' },
        { groupId: s.classGroup(s.ce1.id, 'Teacher'), role: 'manage' },
      ],
    },
  });
  if (created.statusCode !== 201) throw new Error(created.body);
  const threadId = created.json().id as number;
  return { ...s, threadId, reader: s.cm2.relatives[0]![0]!, contributor: s.teacher, publisher: s.cook, manager: s.otherTeacher, outsider: s.ce1.relatives[0]![0]! };
}

const post = (user: TestUser, url: string, payload: unknown, method = 'POST') => platform.as(user).inject({ method: method as 'POST', url, payload: payload as object });

t.test('by default only directors and administrators create threads; a director can give it to teachers', async (t) => {
  const s = await makeSchool(platform);
  const payload = { schoolId: s.school.id, title: 'Périscolaire', shares: [] };
  const refused = await post(s.teacher, '/api/news/threads', payload);
  t.equal(refused.statusCode, 403);
  t.equal(refused.json().code, 'NEWS_ERR_CREATE_THREADS');
  t.equal((await post(s.cm2.relatives[0]![0]!, '/api/news/threads', payload)).statusCode, 403, 'nor a parent');
  // The app's page and Administration show the same right: the core's news/createThreads of the school.
  const right = `/api/core/schools/${s.school.id}/rights/news/createThreads`;
  t.equal((await post(s.teacher, right, { profiles: ['Teacher'] }, 'PUT')).statusCode, 403, 'a teacher cannot give it to themselves');
  t.match((await post(s.director, right, { profiles: ['Teacher'] }, 'PUT')).json(), { app: 'news', right: 'createThreads', profiles: ['Teacher'] });
  const created = await post(s.teacher, '/api/news/threads', payload);
  t.equal(created.statusCode, 201);
  t.match(created.json(), { title: 'Périscolaire', role: 'manage', shares: [] });
  t.equal((await post(s.cook, '/api/news/threads', payload)).statusCode, 403, 'personnel still cannot');
  await post(s.director, right, { profiles: [] }, 'PUT');
  t.equal((await post(s.teacher, '/api/news/threads', payload)).statusCode, 403, 'taken back, teachers cannot any more');
});

t.test('reader, contributor, publisher and manager each do exactly what their role allows', async (t) => {
  const s = await threadWithRoles(platform);
  const items = `/api/news/threads/${s.threadId}/items`;

  const roles = async (user: TestUser) => (await platform.as(user).inject('/api/news/threads')).json().map((th: { role: string }) => th.role);
  t.same(await roles(s.reader), ['read']);
  t.same(await roles(s.contributor), ['contribute']);
  t.same(await roles(s.publisher), ['publish']);
  t.same(await roles(s.manager), ['manage']);
  t.same(await roles(s.outsider), [], 'a parent of another class does not see the thread');

  // Reader: reads, cannot write.
  const readerWrites = await post(s.reader, items, item('Par un parent', 'submit'));
  t.equal(readerWrites.statusCode, 403);
  t.equal(readerWrites.json().code, 'NEWS_ERR_ROLE');

  // Contributor: writes and submits, cannot publish nor pin.
  t.equal((await post(s.contributor, items, item('Publié par un contributeur', 'publish'))).json().code, 'NEWS_ERR_ROLE');
  t.equal((await post(s.contributor, items, item('À la une', 'submit', { headline: true }))).json().code, 'NEWS_ERR_ROLE');
  const submitted = await post(s.contributor, items, item('Sortie au zoo', 'submit'));
  t.equal(submitted.statusCode, 201);
  t.equal(submitted.json().status, 'submitted');
  const submittedId = submitted.json().id as number;
  t.same(await timelineTitles(platform, s.publisher), ['Sortie au zoo'], 'the publisher is told an item waits');
  t.same(await timelineTitles(platform, s.reader), [], 'readers are not told of a submitted item');
  t.equal((await platform.as(s.reader).inject(`/api/news/items/${submittedId}`)).statusCode, 404, 'readers do not see it');
  t.equal((await post(s.contributor, `/api/news/items/${submittedId}/publish`, {})).json().code, 'NEWS_ERR_ROLE', 'the contributor cannot validate it');
  t.same((await platform.as(s.contributor).inject('/api/news/queue')).json(), [], 'nor has a queue');
  t.same((await platform.as(s.contributor).inject('/api/news/drafts')).json().map((i: { title: string }) => i.title), ['Sortie au zoo']);

  // Publisher: validates the queue, publishes, pins; cannot manage the thread.
  t.same((await platform.as(s.publisher).inject('/api/news/queue')).json().map((i: { id: number }) => i.id), [submittedId]);
  const validated = await post(s.publisher, `/api/news/items/${submittedId}/publish`, {});
  t.equal(validated.statusCode, 200);
  t.equal(validated.json().status, 'published');
  t.same(await timelineTitles(platform, s.reader), ['Sortie au zoo'], 'readers are told once it is published');
  t.equal((await post(s.contributor, `/api/news/items/${submittedId}`, item('Modifié', 'submit'), 'PATCH')).json().code, 'NEWS_ERR_ROLE', 'the contributor no longer edits a published item');
  const pinned = await post(s.publisher, items, item('Menu de Noël', 'publish', { headline: true }));
  t.equal(pinned.statusCode, 201);
  const manageByPublisher = await post(s.publisher, `/api/news/threads/${s.threadId}`, { title: 'Autre', commentsEnabled: false, shares: [] }, 'PUT');
  t.equal(manageByPublisher.json().code, 'NEWS_ERR_ROLE');

  // Reader sees published items, headline first.
  const list = (await platform.as(s.reader).inject('/api/news/items')).json();
  t.same(list.items.map((i: { title: string }) => i.title), ['Menu de Noël', 'Sortie au zoo']);
  t.equal((await platform.as(s.outsider).inject(`/api/news/items/${submittedId}`)).statusCode, 404, 'a parent the thread is not shared with cannot read it');
  t.same((await platform.as(s.outsider).inject('/api/news/items')).json().items, []);

  // Manager: changes the thread and its sharing, in one go.
  const managed = await post(s.manager, `/api/news/threads/${s.threadId}`, {
    title: 'Vie de la classe', commentsEnabled: false,
    shares: [{ groupId: s.classGroup(s.ce1.id, 'Teacher'), role: 'manage' }, { groupId: s.classGroup(s.ce1.id, 'Relative'), role: 'read' }],
  }, 'PUT');
  t.equal(managed.statusCode, 200);
  t.equal(managed.json().shares.length, 2);
  t.same(await roles(s.reader), [], 'CM2 parents lost access');
  t.same((await platform.as(s.outsider).inject('/api/news/items')).json().items.length, 2, 'CE1 parents now read it');
});

t.test('comments follow the thread setting; their author or a publisher removes them', async (t) => {
  const s = await threadWithRoles(platform);
  const published = await post(s.publisher, `/api/news/threads/${s.threadId}/items`, item('Kermesse', 'publish'));
  const url = `/api/news/items/${published.json().id}/comments`;
  const comment = await post(s.reader, url, { body: 'Merci, nous serons là !' });
  t.equal(comment.statusCode, 201);
  t.equal((await post(s.outsider, url, { body: 'Intrus' })).statusCode, 404);
  t.same((await platform.as(s.contributor).inject(url)).json().map((c: { body: string }) => c.body), ['Merci, nous serons là !']);
  t.equal((await platform.as(s.contributor).inject({ method: 'DELETE', url: `/api/news/comments/${comment.json().id}` })).statusCode, 404, 'a contributor cannot remove it');
  t.equal((await platform.as(s.publisher).inject({ method: 'DELETE', url: `/api/news/comments/${comment.json().id}` })).statusCode, 204);
  await post(s.director, `/api/news/threads/${s.threadId}`, { title: "Vie de l'école", commentsEnabled: false, shares: [{ groupId: s.classGroup(s.cm2.id, 'Relative'), role: 'read' }] }, 'PUT');
  t.equal((await post(s.reader, url, { body: 'Encore' })).json().code, 'NEWS_ERR_COMMENTS_OFF');
});

t.test('a thread cannot be shared with another school group, and other schools users are refused', async (t) => {
  const s = await makeSchool(platform);
  const other = await makeSchool(platform);
  const response = await post(s.director, '/api/news/threads', { schoolId: s.school.id, title: 'Fil', shares: [{ groupId: other.schoolGroup('Relative'), role: 'read' }] });
  t.equal(response.statusCode, 400);
  t.equal(response.json().code, 'NEWS_ERR_GROUP');
  const wrongSchool = await post(other.director, '/api/news/threads', { schoolId: s.school.id, title: 'Fil', shares: [] });
  t.equal(wrongSchool.json().code, 'NEWS_ERR_SCHOOL');
  const created = await post(s.director, '/api/news/threads', { schoolId: s.school.id, title: 'Fil', shares: [] });
  t.equal((await platform.as(other.director).inject(`/api/news/threads/${created.json().id}`)).statusCode, 404, "another school's director does not see it");
  t.equal((await post(s.director, '/api/news/threads', { schoolId: s.school.id, title: '', shares: [] })).statusCode, 400);
});

t.test('rich text is sanitized and lists are keyset pages, newest first', async (t) => {
  const s = await threadWithRoles(platform);
  const items = `/api/news/threads/${s.threadId}/items`;
  const xss = await post(s.publisher, items, { title: 'XSS', body: '<p onclick="alert(1)">Bonjour<script>alert(1)</script></p>', action: 'publish' });
  t.notMatch(xss.json().body, /script|onclick/);
  for (let i = 1; i <= 4; i += 1) {
    platform.clock.advance(60_000);
    await post(s.publisher, items, item(`Info ${i}`, 'publish'));
  }
  const first = (await platform.as(s.reader).inject(`/api/news/items?threadId=${s.threadId}&limit=2`)).json();
  t.same(first.items.map((i: { title: string }) => i.title), ['Info 4', 'Info 3']);
  const second = (await platform.as(s.reader).inject(`/api/news/items?threadId=${s.threadId}&limit=2&after=${first.next}`)).json();
  t.same(second.items.map((i: { title: string }) => i.title), ['Info 2', 'Info 1']);
  const third = (await platform.as(s.reader).inject(`/api/news/items?threadId=${s.threadId}&limit=2&after=${second.next}`)).json();
  t.same(third.items.map((i: { title: string }) => i.title), ['XSS']);
  t.equal(third.next, null);
  for (const after of ['1.8640000000000001.1', '1.1', '2.1700000000000.2147483648']) {
    const bad = await platform.as(s.reader).inject(`/api/news/items?threadId=${s.threadId}&after=${after}`);
    t.equal(bad.statusCode, 400, `a malformed cursor (${after}) is a coded 400`);
    t.match(bad.json().code, /^PREAU_ERR_(VALIDATION|CURSOR)$/);
  }
  t.same((await platform.as(s.reader).inject('/api/news/headlines?limit=3')).json().map((i: { title: string }) => i.title), ['Info 4', 'Info 3', 'Info 2']);
});

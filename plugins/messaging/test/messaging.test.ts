import t from 'tap';
import { messagingPlatform, send } from './fixtures.js';

const f = await messagingPlatform(t);
const { platform, teacher, parent, otherClass, otherTeacher, parentsGroup, cm2 } = f;

t.test('a parent writes to their child’s teacher, who finds it unread in the inbox', async (t) => {
  const sent = await send(platform, parent, { to: { users: [teacher.id] }, subject: 'Absence de Léa', body: '<p>Léa sera absente <script>x</script>demain.</p>' });
  t.equal(sent.statusCode, 201);
  const { id } = sent.json();
  const inbox = (await platform.as(teacher).inject('/api/messaging/folders/inbox/messages')).json();
  t.equal(inbox.items[0].id, id);
  t.equal(inbox.items[0].read, false);
  t.equal((await platform.as(teacher).inject('/api/messaging/unread')).json().inbox, 1);
  const message = (await platform.as(teacher).inject(`/api/messaging/messages/${id}`)).json();
  t.equal(message.body, '<p>Léa sera absente demain.</p>', 'sanitized');
  t.equal((await platform.as(teacher).inject('/api/messaging/unread')).json().inbox, 0, 'read once opened');
  const apps = (await platform.as(teacher).inject('/api/core/apps')).json();
  t.ok(apps, 'the launcher answers');
  t.equal((await platform.as(parent).inject('/api/messaging/folders/sent/messages')).json().items[0].id, id);
  const [note] = await platform.sentNotifications({ app: 'messaging', recipient: teacher.id });
  t.equal(note?.type, 'message-received');
});

t.test('recipients outside the communication rules are refused at send time, with the list of who', async (t) => {
  const otherParent = otherClass.relatives[0]![0]!;
  const response = await send(platform, parent, { to: { users: [teacher.id, otherParent.id] } });
  t.equal(response.statusCode, 403);
  t.equal(response.json().code, 'MESSAGING_ERR_RECIPIENTS_REFUSED');
  t.same(response.json().details.refused, { users: [otherParent.id], groups: [] });
  t.equal((await platform.as(otherParent).inject('/api/messaging/folders/inbox/messages')).json().items.length, 0);
  t.equal((await send(platform, parent, { to: { users: [] } })).json().code, 'MESSAGING_ERR_NO_RECIPIENT');
});

t.test('a group is expanded to its members at send time, and bcc stays hidden from the others', async (t) => {
  const personnel = await platform.createUser({ profile: 'Personnel', schools: [f.school] });
  const response = await send(platform, teacher, { to: { groups: [parentsGroup] }, bcc: { users: [personnel.id] }, subject: 'Réunion de rentrée' });
  t.equal(response.statusCode, 201);
  const { id } = response.json();
  for (const family of cm2.relatives) {
    const read = (await platform.as(family[0]!).inject(`/api/messaging/messages/${id}`)).json();
    t.equal(read.subject, 'Réunion de rentrée');
    t.notOk(read.recipients.some((r: { kind: string }) => r.kind === 'bcc'), 'no bcc for a parent');
  }
  const bcc = (await platform.as(personnel).inject(`/api/messaging/messages/${id}`)).json();
  t.same(bcc.recipients.filter((r: { kind: string }) => r.kind === 'bcc').map((r: { userId: number }) => r.userId), [personnel.id], 'a bcc recipient sees only themselves');
  const own = (await platform.as(teacher).inject(`/api/messaging/messages/${id}`)).json();
  t.equal(own.recipients.length, 2, 'the author sees the group and the bcc');
  const late = await platform.createUser({ profile: 'Relative', schools: [f.school] });
  await platform.linkRelative(late, cm2.pupils[1]!);
  t.equal((await platform.as(late).inject(`/api/messaging/messages/${id}`)).statusCode, 404, 'a parent who joins later does not get it');
});

t.test('someone else’s message, thread, folder or attachment is a 404', async (t) => {
  const [a, b] = [cm2.relatives[1]![0]!, cm2.relatives[2]![0]!];
  const first = (await send(platform, teacher, { to: { users: [a.id, b.id] }, subject: 'Sortie' })).json();
  const reply = await send(platform, a, { to: { users: [teacher.id] }, parentId: first.id, subject: 'RE: Sortie' });
  t.equal(reply.statusCode, 201);
  t.equal((await platform.as(b).inject(`/api/messaging/messages/${reply.json().id}`)).statusCode, 404, 'b is not in the reply');
  const thread = (await platform.as(b).inject(`/api/messaging/threads/${first.id}`)).json();
  t.same(thread.map((m: { id: number }) => m.id), [first.id], 'b sees only the messages of the thread they are in');
  t.equal((await platform.as(teacher).inject(`/api/messaging/threads/${first.id}`)).json().length, 2);
  const folder = (await platform.as(a).inject({ method: 'POST', url: '/api/messaging/folders', payload: { name: 'École' } })).json();
  t.equal((await platform.as(b).inject(`/api/messaging/folders/${folder.id}/messages`)).statusCode, 404);
  t.equal((await platform.as(b).inject({ method: 'PATCH', url: `/api/messaging/folders/${folder.id}`, payload: { name: 'x' } })).statusCode, 404);
  t.equal((await platform.as(b).inject({ method: 'POST', url: '/api/messaging/messages/move', payload: { ids: [reply.json().id], to: 'trash' } })).statusCode, 404);
  t.equal((await platform.as(f.otherTeacher).inject(`/api/messaging/messages/${first.id}`)).statusCode, 404);
  t.equal((await platform.inject(`/api/messaging/messages/${first.id}`)).statusCode, 401);
});

t.test('folders nest three levels deep at most; messages move, go to the trash and come back', async (t) => {
  const as = platform.as(teacher);
  const level1 = (await as.inject({ method: 'POST', url: '/api/messaging/folders', payload: { name: 'Classe' } })).json().id;
  const level2 = (await as.inject({ method: 'POST', url: '/api/messaging/folders', payload: { name: 'Sorties', parentId: level1 } })).json().id;
  const level3 = (await as.inject({ method: 'POST', url: '/api/messaging/folders', payload: { name: 'Musée', parentId: level2 } })).json().id;
  const level4 = await as.inject({ method: 'POST', url: '/api/messaging/folders', payload: { name: 'Trop', parentId: level3 } });
  t.equal(level4.json().code, 'MESSAGING_ERR_FOLDER_DEPTH');
  t.equal((await as.inject({ method: 'PATCH', url: `/api/messaging/folders/${level1}`, payload: { parentId: level3 } })).json().code, 'MESSAGING_ERR_FOLDER_DEPTH', 'not inside itself');
  const other = (await as.inject({ method: 'POST', url: '/api/messaging/folders', payload: { name: 'Divers' } })).json().id;
  t.equal((await as.inject({ method: 'PATCH', url: `/api/messaging/folders/${level2}`, payload: { parentId: other, name: 'Sorties scolaires' } })).statusCode, 200);
  const incoming = (await send(platform, parent, { to: { users: [teacher.id] }, subject: 'Cantine' })).json().id;
  await as.inject({ method: 'POST', url: '/api/messaging/messages/move', payload: { ids: [incoming], to: level3 } });
  t.same((await as.inject(`/api/messaging/folders/${level3}/messages`)).json().items.map((m: { id: number }) => m.id), [incoming]);
  const folders = (await as.inject('/api/messaging/folders')).json();
  t.equal(folders.folders.find((x: { id: number }) => x.id === level3).unread, 1);
  t.equal(folders.folders.find((x: { id: number }) => x.id === level2).name, 'Sorties scolaires');
  await as.inject({ method: 'POST', url: '/api/messaging/messages/move', payload: { ids: [incoming], to: 'trash' } });
  t.same((await as.inject('/api/messaging/folders/trash/messages')).json().items.map((m: { id: number }) => m.id), [incoming]);
  await as.inject({ method: 'POST', url: '/api/messaging/trash/restore', payload: { ids: [incoming] } });
  t.same((await as.inject(`/api/messaging/folders/${level3}/messages`)).json().items.map((m: { id: number }) => m.id), [incoming], 'restored where it was');
  t.equal((await as.inject({ method: 'DELETE', url: `/api/messaging/folders/${other}` })).statusCode, 204);
  t.same((await as.inject('/api/messaging/folders/trash/messages')).json().items.map((m: { id: number }) => m.id), [incoming], 'a deleted folder’s messages go to the trash');
  t.equal((await as.inject({ method: 'DELETE', url: '/api/messaging/trash' })).json().deleted, 1);
  t.equal((await as.inject(`/api/messaging/messages/${incoming}`)).statusCode, 404);
  t.equal((await platform.as(parent).inject(`/api/messaging/messages/${incoming}`)).statusCode, 200, 'the author keeps their copy');
});

t.test('a message trashed from a folder deleted since is restored to the inbox', async (t) => {
  const as = platform.as(teacher);
  const folder = (await as.inject({ method: 'POST', url: '/api/messaging/folders', payload: { name: 'Projets' } })).json().id;
  const message = (await send(platform, parent, { to: { users: [teacher.id] }, subject: 'Projet jardin' })).json().id;
  await as.inject({ method: 'POST', url: '/api/messaging/messages/move', payload: { ids: [message], to: folder } });
  await as.inject({ method: 'POST', url: '/api/messaging/messages/move', payload: { ids: [message], to: 'trash' } });
  t.equal((await as.inject({ method: 'DELETE', url: `/api/messaging/folders/${folder}` })).statusCode, 204);
  const restored = await as.inject({ method: 'POST', url: '/api/messaging/trash/restore', payload: { ids: [message] } });
  t.equal(restored.statusCode, 200, restored.body);
  t.ok((await as.inject('/api/messaging/folders/inbox/messages')).json().items.some((m: { id: number }) => m.id === message), 'back in the inbox, its folder being gone');
});

t.test('pages of a folder follow each other by keyset', async (t) => {
  const pupil = cm2.pupils[2]!;
  for (let i = 0; i < 5; i += 1) {
    platform.clock.advance(1000);
    await send(platform, teacher, { to: { users: [pupil.id] }, subject: `Devoir ${i}` });
  }
  const first = (await platform.as(pupil).inject('/api/messaging/folders/inbox/messages?limit=2')).json();
  const second = (await platform.as(pupil).inject(`/api/messaging/folders/inbox/messages?limit=2&cursor=${first.next}`)).json();
  const third = (await platform.as(pupil).inject(`/api/messaging/folders/inbox/messages?limit=2&cursor=${second.next}`)).json();
  t.same([...first.items, ...second.items, ...third.items].map((m: { subject: string }) => m.subject), ['Devoir 4', 'Devoir 3', 'Devoir 2', 'Devoir 1', 'Devoir 0']);
  t.equal(third.next, null);
});

t.test('French full-text search finds words by their stem, and people by name', async (t) => {
  await send(platform, teacher, { to: { users: [parent.id] }, subject: 'Les élèves partiront en classe de neige', body: '<p>Nous organisons un séjour à la montagne.</p>' });
  const found = (await platform.as(parent).inject(`/api/messaging/search?q=${encodeURIComponent('montagnes')}`)).json();
  t.ok(found.some((m: { subject: string }) => m.subject.includes('neige')));
  const byName = (await platform.as(parent).inject('/api/messaging/search?q=martin')).json();
  t.ok(byName.length >= 1);
  t.equal((await platform.as(f.otherTeacher).inject('/api/messaging/search?q=montagne')).json().length, 0);
});

t.test('a draft is saved, saved again, then sent', async (t) => {
  const as = platform.as(teacher);
  const draft = (await as.inject({ method: 'POST', url: '/api/messaging/drafts', payload: { subject: 'Brouil' } })).json();
  t.equal((await as.inject({ method: 'PUT', url: `/api/messaging/drafts/${draft.id}`, payload: { subject: 'Brouillon', to: { users: [parent.id] } } })).statusCode, 200);
  t.equal((await as.inject('/api/messaging/folders/drafts/messages')).json().items[0].subject, 'Brouillon');
  t.equal((await platform.as(parent).inject({ method: 'PUT', url: `/api/messaging/drafts/${draft.id}`, payload: { subject: 'x' } })).statusCode, 404);
  const sent = await as.inject({ method: 'POST', url: `/api/messaging/drafts/${draft.id}/send`, payload: { subject: 'Brouillon', to: { users: [parent.id] } } });
  t.equal(sent.statusCode, 201);
  t.equal((await as.inject('/api/messaging/folders/drafts/messages')).json().items.length, 0);
  t.equal((await platform.as(parent).inject(`/api/messaging/messages/${draft.id}`)).json().subject, 'Brouillon');
});

t.test('a draft names only people and groups its author may write to, so it never shows anyone else’s name', async (t) => {
  const as = platform.as(parent);
  const otherGroup = await platform.derivedGroupId({ classId: otherClass.id }, 'Relative');
  const drafts = async () => Number((await platform.knex('messaging.messages').where({ author_id: parent.id, state: 'draft' }).count('id as n'))[0]!.n);
  const before = await drafts();
  for (const to of [{ users: [otherTeacher.id] }, { groups: [otherGroup] }]) {
    const refused = await as.inject({ method: 'POST', url: '/api/messaging/drafts', payload: { subject: 'Qui est-ce ?', to } });
    t.equal(refused.statusCode, 403, JSON.stringify(to));
    t.equal(refused.json().code, 'MESSAGING_ERR_RECIPIENTS_REFUSED');
  }
  const othersMessage = (await send(platform, teacher, { to: { users: [cm2.relatives[1]![0]!.id] }, subject: 'Privé' })).json().id;
  for (const reference of [{ parentId: othersMessage }, { forwardOf: othersMessage }]) {
    t.equal((await as.inject({ method: 'POST', url: '/api/messaging/drafts', payload: { subject: 'Re', ...reference } })).statusCode, 404, JSON.stringify(reference));
  }
  const draft = (await as.inject({ method: 'POST', url: '/api/messaging/drafts', payload: { subject: 'À la maîtresse', to: { users: [teacher.id] } } })).json();
  t.equal((await as.inject({ method: 'PUT', url: `/api/messaging/drafts/${draft.id}`, payload: { to: { users: [otherTeacher.id] } } })).statusCode, 403);
  t.same((await as.inject(`/api/messaging/messages/${draft.id}`)).json().recipients.map((r: { label: string }) => r.label), ['MARTIN Claire'], 'the saved draft keeps its reachable recipient');
  t.equal(await drafts(), before + 1, 'only the allowed draft was written');
});

t.test('sending to 300 people is one transaction: everyone has it', async (t) => {
  const school = await platform.createSchool();
  const director = await platform.createUser({ profile: 'Teacher', schools: [school] });
  const big = await platform.createClass({ school, label: 'Tous', teachers: [director], pupils: 150, relativesPerPupil: 1 });
  const groups = [await platform.derivedGroupId({ classId: big.id }, 'Relative'), await platform.derivedGroupId({ classId: big.id }, 'Student')];
  const response = await send(platform, director, { to: { groups } });
  t.equal(response.statusCode, 201);
  const count = await platform.knex('messaging.mailbox').where({ message_id: response.json().id }).count({ n: '*' }).first();
  t.equal(Number(count!.n), 301);
});

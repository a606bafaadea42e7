import t from 'tap';
import { fileUpload, waitFor } from '@preau/core/testing';
import { messagingPlatform, send } from './fixtures.js';

const f = await messagingPlatform(t);
const { platform, teacher, parent, pupil, cm2 } = f;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5e6b5d50000000049454e44ae426082', 'hex');

t.test('a teacher recalls a message within 60 minutes, not after; a parent cannot recall', async (t) => {
  const id = (await send(platform, teacher, { to: { users: [parent.id] }, subject: 'Mauvais destinataire' })).json().id;
  platform.clock.advance(59 * 60_000);
  t.equal((await platform.as(teacher).inject({ method: 'POST', url: `/api/messaging/messages/${id}/recall` })).statusCode, 200);
  const seen = (await platform.as(parent).inject(`/api/messaging/messages/${id}`)).json();
  t.equal(seen.subject, 'Message rappelé');
  t.notMatch(seen.body, /Mauvais/);
  t.equal((await platform.as(teacher).inject(`/api/messaging/messages/${id}`)).json().subject, 'Mauvais destinataire', 'the author keeps it');
  const late = (await send(platform, teacher, { to: { users: [parent.id] } })).json().id;
  platform.clock.advance(61 * 60_000);
  t.equal((await platform.as(teacher).inject({ method: 'POST', url: `/api/messaging/messages/${late}/recall` })).json().code, 'MESSAGING_ERR_RECALL');
  const fromParent = (await send(platform, parent, { to: { users: [teacher.id] } })).json().id;
  t.equal((await platform.as(parent).inject({ method: 'POST', url: `/api/messaging/messages/${fromParent}/recall` })).statusCode, 403);
  t.equal((await platform.as(parent).inject({ method: 'POST', url: `/api/messaging/messages/${late}/recall` })).statusCode, 404, 'not the author');
});

t.test('a teacher sends a PDF to "Parents — CM2", then recalls it: the parents see "Message rappelé" and lose the PDF', async (t) => {
  const groups = (await platform.as(teacher).inject(`/api/core/schools/${f.school.id}/groups`)).json() as { id: number; name: string }[];
  t.equal(groups.find((g) => g.name === 'Parents — CM2')?.id, f.parentsGroup, 'the class’s parents group has its school name');
  const uploaded = await platform.as(teacher).inject({ method: 'POST', url: '/api/messaging/attachments', ...fileUpload('sortie-musee.pdf', PDF, 'application/octet-stream') });
  const [file] = uploaded.json();
  t.equal(file.mediaType, 'application/pdf', 'the type comes from the bytes');
  const sent = await send(platform, teacher, { to: { groups: [f.parentsGroup] }, subject: 'Autorisation de sortie', attachments: [file.blobId] });
  t.equal(sent.statusCode, 201);
  const { id } = sent.json();
  for (const [relative] of cm2.relatives) {
    const download = await platform.as(relative!).inject(`/api/messaging/messages/${id}/attachments/${file.blobId}`);
    t.equal(download.headers['content-type'], 'application/pdf');
    t.same(download.rawPayload, PDF, 'each parent of the class downloads the PDF');
  }
  t.equal((await platform.as(f.otherClass.relatives[0]![0]!).inject(`/api/messaging/messages/${id}/attachments/${file.blobId}`)).statusCode, 404, 'not a parent of another school');

  platform.clock.advance(10 * 60_000);
  t.equal((await platform.as(teacher).inject({ method: 'POST', url: `/api/messaging/messages/${id}/recall` })).statusCode, 200);
  for (const [relative] of cm2.relatives) {
    const inbox = (await platform.as(relative!).inject('/api/messaging/folders/inbox/messages')).json();
    const line = inbox.items.find((m: { id: number }) => m.id === id);
    t.match(line, { subject: 'Message rappelé', preview: '', recalled: true, hasAttachments: false }, 'the inbox shows it recalled');
    const seen = (await platform.as(relative!).inject(`/api/messaging/messages/${id}`)).json();
    t.match(seen, { subject: 'Message rappelé', attachments: [] });
    t.equal((await platform.as(relative!).inject(`/api/messaging/messages/${id}/attachments/${file.blobId}`)).statusCode, 404, 'the PDF is no longer theirs to download');
    t.equal((await platform.as(relative!).inject(`/api/messaging/search?q=${encodeURIComponent('autorisation')}`)).json().length, 0, 'nor found by search');
  }
  const own = (await platform.as(teacher).inject(`/api/messaging/messages/${id}`)).json();
  t.match(own, { subject: 'Autorisation de sortie', recalled: true });
  t.equal(own.attachments.length, 1, 'the author keeps the message and its PDF');
  t.equal((await platform.as(teacher).inject({ method: 'POST', url: `/api/messaging/messages/${id}/recall` })).json().code, 'MESSAGING_ERR_RECALL', 'recalled once');
});

t.test('a pupil’s message waits for the teacher’s approval when the school withholds the right to send without it', async (t) => {
  const director = await platform.createUser({ profile: 'Teacher', schools: [f.school], functions: [{ function: 'director', schoolId: f.school.id }] });
  const approval = `/api/core/schools/${f.school.id}/rights/messaging/sendWithoutApproval`;
  t.equal((await platform.as(teacher).inject({ method: 'PUT', url: approval, payload: { profiles: [] } })).statusCode, 403, 'a teacher does not decide');
  t.equal((await platform.as(director).inject({ method: 'PUT', url: approval, payload: { profiles: [] } })).statusCode, 200, "the director takes the right from pupils, through the core's school rights");
  const sent = (await send(platform, pupil, { to: { users: [teacher.id, cm2.pupils[1]!.id] }, subject: 'Mon exposé' })).json();
  t.equal(sent.state, 'pending');
  t.equal((await platform.as(cm2.pupils[1]!).inject(`/api/messaging/messages/${sent.id}`)).statusCode, 404, 'not delivered yet');
  const queue = (await platform.as(teacher).inject('/api/messaging/moderation')).json();
  t.same(queue.map((m: { id: number }) => m.id), [sent.id]);
  t.equal((await platform.sentNotifications({ app: 'messaging', type: 'moderation-pending', recipient: teacher.id })).length, 1, 'the teacher is told');
  t.equal((await platform.as(f.otherTeacher).inject({ method: 'POST', url: `/api/messaging/moderation/${sent.id}/approve` })).statusCode, 403);
  t.equal((await platform.as(teacher).inject({ method: 'POST', url: `/api/messaging/moderation/${sent.id}/approve` })).statusCode, 200);
  t.equal((await platform.as(cm2.pupils[1]!).inject(`/api/messaging/messages/${sent.id}`)).json().subject, 'Mon exposé');
  const rejected = (await send(platform, pupil, { to: { users: [teacher.id] }, subject: 'Bêtise' })).json();
  await platform.as(teacher).inject({ method: 'POST', url: `/api/messaging/moderation/${rejected.id}/reject` });
  t.equal((await platform.as(teacher).inject('/api/messaging/moderation')).json().length, 0);
  t.equal((await platform.as(director).inject({ method: 'DELETE', url: approval })).statusCode, 200, 'back to the default');
  const direct = (await send(platform, pupil, { to: { users: [cm2.pupils[1]!.id] }, subject: 'Sans validation' })).json();
  t.equal(direct.state, 'sent', 'once the school stops asking, a pupil’s message goes at once');
  t.equal((await platform.as(cm2.pupils[1]!).inject(`/api/messaging/messages/${direct.id}`)).json().subject, 'Sans validation');
});

t.test('a scheduled message is delivered when its time comes', async (t) => {
  const at = new Date(platform.clock.now().getTime() + 2 * 3_600_000).toISOString();
  const sent = (await send(platform, teacher, { to: { groups: [f.parentsGroup] }, subject: 'Rappel : piscine', scheduledAt: at })).json();
  t.equal(sent.state, 'scheduled');
  t.equal((await platform.as(parent).inject(`/api/messaging/messages/${sent.id}`)).statusCode, 404);
  await platform.runScheduledJobs();
  t.equal((await platform.as(parent).inject(`/api/messaging/messages/${sent.id}`)).statusCode, 404, 'not before its time');
  platform.clock.advance(2 * 3_600_000 + 1000);
  await platform.runScheduledJobs();
  t.equal((await platform.as(parent).inject(`/api/messaging/messages/${sent.id}`)).json().subject, 'Rappel : piscine');
  t.equal((await send(platform, teacher, { to: { users: [parent.id] }, scheduledAt: '2020-01-01T00:00:00Z' })).json().code, 'MESSAGING_ERR_SCHEDULE');
});

t.test('attachments upload, download only for the message’s people, forward without copy, and go with the last message', async (t) => {
  const upload = fileUpload('photo de classe.png', PNG, 'image/png');
  const uploaded = await platform.as(parent).inject({ method: 'POST', url: '/api/messaging/attachments', ...upload });
  t.equal(uploaded.statusCode, 201);
  const [file] = uploaded.json();
  t.equal(file.mediaType, 'image/png');
  t.equal((await send(platform, teacher, { to: { users: [parent.id] }, attachments: [file.blobId] })).json().code, 'MESSAGING_ERR_ATTACHMENT', 'not someone else’s upload');
  const id = (await send(platform, parent, { to: { users: [teacher.id] }, subject: 'Photo', attachments: [file.blobId] })).json().id;
  const download = await platform.as(teacher).inject(`/api/messaging/messages/${id}/attachments/${file.blobId}`);
  t.equal(download.statusCode, 200);
  t.match(download.headers['content-disposition'], /^attachment; .*filename\*=UTF-8''photo%20de%20classe\.png/);
  t.equal(download.headers['x-content-type-options'], 'nosniff');
  t.same(download.rawPayload, PNG);
  t.equal((await platform.as(cm2.relatives[1]![0]!).inject(`/api/messaging/messages/${id}/attachments/${file.blobId}`)).statusCode, 404);
  t.equal((await platform.as(cm2.relatives[1]![0]!).inject(`/api/core/storage/blobs/${file.blobId}`)).statusCode, 404, 'not readable by id');
  const teacherUsed = (await platform.platform.storage.usage(teacher.id)).used;
  const forward = await send(platform, teacher, { to: { users: [f.cm2.relatives[2]![0]!.id] }, forwardOf: id, subject: 'TR: Photo', attachments: [file.blobId] });
  t.equal(forward.statusCode, 201);
  t.equal((await platform.platform.storage.usage(teacher.id)).used, teacherUsed, 'forwarding does not count in the forwarder’s quota');
  t.equal((await platform.platform.storage.usage(parent.id)).used, PNG.length);
  // Everyone deletes both messages: the file goes, and the parent's quota is freed.
  for (const [user, ids] of [[teacher, [id, forward.json().id]], [parent, [id]], [f.cm2.relatives[2]![0]!, [forward.json().id]]] as const) {
    await platform.as(user).inject({ method: 'POST', url: '/api/messaging/messages/move', payload: { ids, to: 'trash' } });
    await platform.as(user).inject({ method: 'DELETE', url: '/api/messaging/trash' });
  }
  t.ok(await waitFor(async () => (await platform.platform.storage.stat(file.blobId)) === undefined, { what: 'the file to be collected' }), 'the file is collected');
  t.equal((await platform.platform.storage.usage(parent.id)).used, 0);
});

t.test('a no-reply message cannot be answered', async (t) => {
  const id = (await send(platform, teacher, { to: { users: [parent.id] }, noReply: true })).json().id;
  t.equal((await send(platform, parent, { to: { users: [teacher.id] }, parentId: id })).json().code, 'MESSAGING_ERR_NO_REPLY');
});

t.test('trash older than 30 days is purged each night', async (t) => {
  const id = (await send(platform, teacher, { to: { users: [parent.id] }, subject: 'Vieux' })).json().id;
  await platform.as(parent).inject({ method: 'POST', url: '/api/messaging/messages/move', payload: { ids: [id], to: 'trash' } });
  platform.clock.advance(31 * 86_400_000);
  for (const job of platform.platform.dailyJobs.filter((j) => j.name.includes('purge-trash'))) await job.run(platform.clock.now());
  t.equal((await platform.as(parent).inject(`/api/messaging/messages/${id}`)).statusCode, 404);
  t.equal((await platform.as(teacher).inject(`/api/messaging/messages/${id}`)).statusCode, 200);
});

t.test('the badge counts unread messages, and the export lists mine', async (t) => {
  const fresh = await platform.createUser({ profile: 'Teacher', schools: [f.school] });
  await send(platform, teacher, { to: { users: [fresh.id] } });
  const apps = (await platform.as(fresh).inject('/api/core/apps')).json();
  const app = (Array.isArray(apps) ? apps : apps.apps).find((a: { name: string }) => a.name === 'messaging');
  t.equal(app.badge?.count, 1);
  const exported = (await platform.as(fresh).inject('/api/core/me/export')).json();
  t.ok(JSON.stringify(exported).includes('Bonjour'));
});

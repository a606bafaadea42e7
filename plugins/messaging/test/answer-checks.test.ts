import t from 'tap';
import { messagingPlatform, send } from './fixtures.js';

const fixture = await messagingPlatform(t);
const { platform, school, teacher, parent } = fixture;
const messages = async () => Number((await platform.knex('messaging.messages').count({ n: '*' }).first())!.n);

t.test('a draft answering a message that does not exist is a 404, not a database error', async (t) => {
  const before = await messages();
  for (const payload of [{ parentId: 999_999 }, { forwardOf: 999_999 }]) {
    const response = await platform.as(teacher).inject({ method: 'POST', url: '/api/messaging/drafts', payload: { subject: 'Re', ...payload } });
    t.equal(response.statusCode, 404, JSON.stringify(payload));
    t.equal(response.json().code, 'MESSAGING_ERR_NOT_FOUND');
  }
  t.equal(await messages(), before, 'no draft was written');
});

t.test("a draft cannot answer or forward a message between other people", async (t) => {
  const colleague = await platform.createUser({ profile: 'Teacher', schools: [school] });
  const sent = await send(platform, teacher, { to: { users: [colleague.id], groups: [] } });
  t.equal(sent.statusCode, 201);
  const { id } = sent.json() as { id: number };
  const before = await messages();
  for (const payload of [{ parentId: id }, { forwardOf: id }]) {
    const response = await platform.as(parent).inject({ method: 'POST', url: '/api/messaging/drafts', payload: { subject: 'Re', ...payload } });
    t.equal(response.statusCode, 404, 'the parent never received it');
    t.equal(response.json().code, 'MESSAGING_ERR_NOT_FOUND');
  }
  t.equal(await messages(), before, 'no draft was written');
  const reply = await platform.as(colleague).inject({ method: 'POST', url: '/api/messaging/drafts', payload: { subject: 'Re', parentId: id } });
  t.equal(reply.statusCode, 201, 'its recipient drafts a reply');
});

t.test('a malformed folder cursor is a coded 400', async (t) => {
  for (const cursor of ['999999999999999.999999999999999999', '1.1.1', 'abc']) {
    const response = await platform.as(teacher).inject({ method: 'GET', url: `/api/messaging/folders/inbox/messages?cursor=${cursor}` });
    t.equal(response.statusCode, 400, cursor);
    t.match(response.json().code, /^PREAU_ERR_(VALIDATION|CURSOR)$/);
  }
});

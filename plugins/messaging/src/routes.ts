import { Type, type CurrentUser, type PluginApp, type PluginServices, BigId, PageCursorSchema } from '@preau/sdk';
import { Attachment, Errors, IdParams, IdsBody, Message, MessageInput, MessagePage, MessageSummary, FolderRef } from './schemas.js';
import { findEntry, listFolder, messageView, searchMessages, threadOf, unreadCounts } from './mailbox.js';
import { collectMessages, deliverStored, moderatorsOf, saveDraft, sendMessage } from './sending.js';
import { folderRoutes } from './folder-routes.js';
import { MessageNotFound, NotModerator, RecallRefused } from './errors.js';

const RECALL_MINUTES = 60;
const Sent = Type.Object({ id: Type.Integer(), state: Type.String() });
const Ok = Type.Object({ ok: Type.Boolean() });
const PAGE = Type.Object({ cursor: Type.Optional(PageCursorSchema()), limit: Type.Integer({ minimum: 1, maximum: 100, default: 30 }) }, { additionalProperties: false });

/** Messaging's HTTP routes, under /api/messaging. Every one reads only the signed-in user's own mailbox. */
export async function routes(app: PluginApp, services: PluginServices): Promise<void> {
  const { db, clock, jobs } = services;
  const me = (request: { currentUser?: CurrentUser | null }): CurrentUser => request.currentUser!;

  jobs.define('send', async (payload) => {
    await deliverStored(services, Number(payload.messageId), ['scheduled']);
  });
  // Trash older than 30 days goes, each night; messages nobody keeps go with it.
  jobs.daily('purge-trash', async (now) => {
    const before = new Date(now.getTime() - 30 * 86_400_000);
    return db.transaction(async (trx) => {
      const ids = (await trx('mailbox').where('folder', 'trash').andWhere('trashed_at', '<', before).del().returning('message_id')).map((r: { message_id: string }) => Number(r.message_id));
      await collectMessages(trx, services, [...new Set(ids)]);
      return ids.length;
    });
  });

  app.post('/messages', { config: { right: 'send' }, schema: { body: MessageInput, response: { 201: Sent, ...Errors } } }, async (request, reply) =>
    reply.code(201).send(await sendMessage(services, me(request), request.body)));

  app.post('/drafts', { config: { right: 'send' }, schema: { body: MessageInput, response: { 201: Type.Object({ id: Type.Integer() }), ...Errors } } }, async (request, reply) =>
    reply.code(201).send({ id: await saveDraft(services, me(request), request.body) }));

  app.put('/drafts/:id', { config: { right: 'send' }, schema: { params: IdParams, body: MessageInput, response: { 200: Type.Object({ id: Type.Integer() }), ...Errors } } }, async (request) =>
    ({ id: await saveDraft(services, me(request), request.body, request.params.id) }));

  app.post('/drafts/:id/send', { config: { right: 'send' }, schema: { params: IdParams, body: MessageInput, response: { 201: Sent, ...Errors } } }, async (request, reply) =>
    reply.code(201).send(await sendMessage(services, me(request), request.body, request.params.id)));

  app.get('/folders/:folder/messages', { schema: { params: Type.Object({ folder: FolderRef }), querystring: PAGE, response: { 200: MessagePage, ...Errors } } }, async (request) => {
    const { folder } = request.params;
    if (/^\d+$/.test(folder) && !(await db('folders').where({ id: Number(folder), owner_id: me(request).id }).first('id'))) throw MessageNotFound();
    return listFolder(db, me(request).id, folder, request.query);
  });

  app.get('/messages/:id', { schema: { params: IdParams, response: { 200: Message, ...Errors } } }, async (request) => {
    const userId = me(request).id;
    const message = await messageView(db, userId, request.params.id);
    if (!message) throw MessageNotFound();
    if (!message.read) {
      await db('mailbox').where({ user_id: userId, message_id: message.id }).update({ read_at: clock.now() });
      message.read = true;
    }
    return message;
  });

  app.get('/threads/:id', { schema: { params: IdParams, response: { 200: Type.Array(Message), ...Errors } } }, async (request) => {
    const messages = await threadOf(db, me(request).id, request.params.id);
    if (messages.length === 0) throw MessageNotFound();
    return messages;
  });

  app.get('/messages/:id/attachments/:blobId', { schema: { params: Type.Object({ id: BigId(), blobId: Type.String({ pattern: '^[a-f0-9]{32}$' }) }), querystring: Type.Object({ inline: Type.Optional(Type.Boolean()) }) } }, async (request, reply) => {
    const message = await messageView(db, me(request).id, request.params.id);
    const attachment = message?.attachments.find((a) => a.blobId === request.params.blobId);
    if (!attachment) throw MessageNotFound();
    return services.storage.send(reply, attachment.blobId, { name: attachment.name, inline: request.query.inline });
  });

  app.post('/attachments', { config: { right: 'send' }, schema: { response: { 201: Type.Array(Attachment), ...Errors } } }, async (request, reply) => {
    const { blobs } = await services.storage.receive(request, { owner: me(request).id, maxFiles: 10 });
    return reply.code(201).send(blobs.map((b) => ({ blobId: b.id, name: b.name, mediaType: b.mediaType, size: b.size })));
  });

  app.post('/messages/read', { schema: { body: Type.Object({ ids: IdsBody.properties.ids, read: Type.Boolean() }, { additionalProperties: false }), response: { 200: Ok, ...Errors } } }, async (request) => {
    await db('mailbox').where('user_id', me(request).id).whereIn('message_id', request.body.ids).update({ read_at: request.body.read ? clock.now() : null });
    return { ok: true };
  });

  app.get('/unread', { schema: { response: { 200: Type.Object({ inbox: Type.Integer(), total: Type.Integer(), folders: Type.Record(Type.String(), Type.Integer()) }), ...Errors } } }, async (request) =>
    unreadCounts(db, me(request).id));

  app.get('/search', { schema: { querystring: Type.Object({ q: Type.String({ minLength: 1, maxLength: 200 }), limit: Type.Integer({ minimum: 1, maximum: 100, default: 30 }) }, { additionalProperties: false }), response: { 200: Type.Array(MessageSummary), ...Errors } } }, async (request) =>
    searchMessages(db, me(request).id, request.query.q, request.query.limit));

  app.post('/messages/:id/recall', { schema: { params: IdParams, response: { 200: Ok, ...Errors } } }, async (request) => {
    const user = me(request);
    const entry = await findEntry(db, user.id, request.params.id);
    if (!entry || entry.role !== 'author') throw MessageNotFound();
    if (user.profile !== 'Teacher' && user.profile !== 'Personnel') throw RecallRefused('profile');
    if (entry.state !== 'sent' || entry.recalled_at) throw RecallRefused('state');
    if (clock.now().getTime() - new Date(entry.sent_at!).getTime() > RECALL_MINUTES * 60_000) throw RecallRefused('late');
    await db('messages').where({ id: request.params.id }).update({ recalled_at: clock.now() });
    return { ok: true };
  });

  app.delete('/drafts/:id', { schema: { params: IdParams, response: { 204: Type.Null(), ...Errors } } }, async (request, reply) => {
    const entry = await findEntry(db, me(request).id, request.params.id);
    if (!entry || entry.role !== 'author' || entry.state !== 'draft') throw MessageNotFound();
    await db.transaction(async (trx) => {
      await trx('mailbox').where({ message_id: request.params.id }).delete();
      await collectMessages(trx, services, [request.params.id]);
    });
    return reply.code(204).send(null);
  });

  // Moderation of pupils' messages, by the teachers of their classes.
  app.get('/moderation', { schema: { response: { 200: Type.Array(Message), ...Errors } } }, async (request) => {
    const user = me(request);
    if (user.profile !== 'Teacher') return [];
    const classes = await services.structure.classesOf(user.id);
    const pupils = (await services.structure.pupilsOf(classes.map((c) => c.id))).map((p) => p.id);
    const ids = (await db('messages').where('state', 'pending').whereIn('author_id', pupils).orderBy('created_at').pluck('id')) as (string | number)[];
    const out = [];
    for (const id of ids) {
      const view = await messageView(db, Number((await db('messages').where({ id }).first('author_id')).author_id), Number(id));
      if (view) out.push({ ...view, role: 'moderator', folder: 'moderation', read: false });
    }
    return out;
  });

  const moderate = async (user: CurrentUser, messageId: number) => {
    const message = await db('messages').where({ id: messageId, state: 'pending' }).first('author_id');
    if (!message) throw MessageNotFound();
    if (!(await moderatorsOf(services, message.author_id)).includes(user.id)) throw NotModerator();
  };
  app.post('/moderation/:id/approve', { schema: { params: IdParams, response: { 200: Ok, ...Errors } } }, async (request) => {
    await moderate(me(request), request.params.id);
    return { ok: await deliverStored(services, request.params.id, ['pending']) };
  });
  app.post('/moderation/:id/reject', { schema: { params: IdParams, response: { 200: Ok, ...Errors } } }, async (request) => {
    await moderate(me(request), request.params.id);
    await db('messages').where({ id: request.params.id, state: 'pending' }).update({ state: 'rejected' });
    return { ok: true };
  });

  await folderRoutes(app, services);
}

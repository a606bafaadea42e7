import { Type, type CurrentUser, type PluginApp, type PluginServices, type SchoolRef, Id } from '@preau/sdk';
import { includes, type ThreadRole } from './access.js';
import { attachmentsOf, checkAttachments, itemFiles, releaseAttachments } from './attachments.js';
import { BadDates, CannotUpload, ItemNotFound, RoleTooLow, WrongStatus } from './errors.js';
import { findItem, isLive, itemsQuery, livePage, toItems, type ItemRow } from './items.js';
import { announceIfDue, announceSubmitted, planItem } from './publication.js';
import { AttachmentSchema, Errors, IdParams, Item, ItemInput, ItemPage, ListQuery } from './schemas.js';
import { threadFor, threadsOf } from './threads.js';

const STATUS_OF = { draft: 'draft', submit: 'submitted', publish: 'published' } as const;

/** News items: writing (draft, submit, publish at a date), validating, reading lists and headlines. */
export async function itemRoutes(app: PluginApp, services: PluginServices): Promise<void> {
  const { db, clock, sanitize } = services;

  /** The item and the user's role on its thread; not found when they may not see it at all. */
  const itemFor = async (user: CurrentUser, schools: readonly SchoolRef[], id: number): Promise<{ item: ItemRow; role: ThreadRole }> => {
    const item = await findItem(db, id);
    if (!item || item.status === 'trashed') throw ItemNotFound();
    const { role } = await threadFor(services, user, schools, item.thread_id, 'read', 'lire ce fil').catch(() => {
      throw ItemNotFound();
    });
    const visible = isLive(item, clock.now()) || includes(role, 'publish') || (item.author_id === user.id && includes(role, 'contribute'));
    if (!visible) throw ItemNotFound();
    return { item, role };
  };

  /** The columns of a write, checked against the writer's role; `publish_at` is never in the past once published. */
  const columnsOf = (input: ItemInput, role: ThreadRole) => {
    if (input.action === 'publish' && !includes(role, 'publish')) throw RoleTooLow('publier');
    if (input.headline && !includes(role, 'publish')) throw RoleTooLow('mettre une actualité à la une');
    const now = clock.now();
    const asked = input.publishAt ? new Date(input.publishAt) : null;
    const publishAt = input.action === 'publish' ? (asked && asked > now ? asked : now) : asked;
    const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
    if (expiresAt && expiresAt <= (publishAt ?? now)) throw BadDates();
    return {
      title: input.title.trim(),
      body: sanitize.richText(input.body),
      status: STATUS_OF[input.action],
      publish_at: publishAt,
      expires_at: expiresAt,
      headline: input.headline ?? false,
      updated_at: now,
      // Announced again only when its publication moves to the future.
      ...(publishAt && publishAt > now ? { notified_at: null } : {}),
    };
  };

  /** After a write is committed: tell the readers (published now) or the publishers (submitted). */
  const announce = async (row: { id: number; thread_id: number; title: string; status: string }, before: string | null, actor: number) => {
    if (row.status === 'published') await announceIfDue(services, row.id);
    if (row.status === 'submitted' && before !== 'submitted') await announceSubmitted(services, row, actor);
  };

  const answer = async (id: number): Promise<Item> => (await toItems(services, [(await findItem(db, id))!]))[0]!;

  app.post('/threads/:id/items', {
    schema: { params: IdParams, body: ItemInput, response: { 201: Item, ...Errors } },
  }, async (request, reply) => {
    const user = request.currentUser!;
    const { thread, role } = await threadFor(services, user, request.currentSchools, request.params.id, 'contribute', 'écrire dans ce fil');
    const columns = columnsOf(request.body, role);
    const attachments = await checkAttachments(services, user.id, request.body.attachmentIds ?? []);
    const files = await services.insertedFiles.check(columns.body, user);
    const row = await db.transaction(async (trx) => {
      const [inserted] = await trx('items')
        .insert({ ...columns, published_by: columns.status === 'published' ? user.id : null, thread_id: thread.id, school_id: thread.school_id, author_id: user.id, created_at: clock.now() })
        .returning(['id', 'thread_id', 'title', 'status', 'publish_at', 'expires_at']);
      await services.attachments.set(itemFiles(inserted.id), attachments, { transaction: trx });
      await files.holdIn({ type: 'body', id: inserted.id }, { transaction: trx });
      await planItem(services, trx, inserted);
      return inserted;
    });
    await announce(row, null, user.id);
    reply.code(201);
    return answer(row.id);
  });

  app.patch('/items/:id', {
    schema: { params: IdParams, body: ItemInput, response: { 200: Item, ...Errors } },
  }, async (request) => {
    const user = request.currentUser!;
    const { item, role } = await itemFor(user, request.currentSchools, request.params.id);
    const ownUnpublished = item.author_id === user.id && (item.status === 'draft' || item.status === 'submitted');
    if (!includes(role, 'publish') && !ownUnpublished) throw RoleTooLow('modifier cette actualité');
    const columns = columnsOf(request.body, role);
    const { attachmentIds } = request.body;
    const attachments = attachmentIds ? await checkAttachments(services, user.id, attachmentIds, item.id) : null;
    const files = await services.insertedFiles.check(columns.body, user);
    const row = await db.transaction(async (trx) => {
      const [updated] = await trx('items').where({ id: item.id })
        .update({ ...columns, published_by: columns.status === 'published' ? user.id : null })
        .returning(['id', 'thread_id', 'title', 'status', 'publish_at', 'expires_at']);
      if (attachments) await services.attachments.set(itemFiles(item.id), attachments, { transaction: trx });
      await files.holdIn({ type: 'body', id: item.id }, { transaction: trx });
      await planItem(services, trx, updated);
      return updated;
    });
    await announce(row, item.status, user.id);
    return answer(row.id);
  });

  // A publisher validates a submitted item (now, or at the date it carries or is given).
  app.post('/items/:id/publish', {
    schema: {
      params: IdParams,
      body: Type.Object({ publishAt: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()])) }, { additionalProperties: false }),
      response: { 200: Item, ...Errors },
    },
  }, async (request) => {
    const user = request.currentUser!;
    const { item, role } = await itemFor(user, request.currentSchools, request.params.id);
    if (!includes(role, 'publish')) throw RoleTooLow('publier');
    if (item.status !== 'draft' && item.status !== 'submitted') throw WrongStatus(item.status);
    const publishAt = request.body.publishAt ?? (item.publish_at ? new Date(item.publish_at).toISOString() : null);
    const columns = columnsOf({ title: item.title, body: item.body, headline: item.headline, expiresAt: item.expires_at ? new Date(item.expires_at).toISOString() : null, publishAt, action: 'publish' }, role);
    const row = await db.transaction(async (trx) => {
      const [updated] = await trx('items').where({ id: item.id }).update({ ...columns, published_by: user.id })
        .returning(['id', 'thread_id', 'title', 'status', 'publish_at', 'expires_at']);
      await planItem(services, trx, updated);
      return updated;
    });
    await announce(row, item.status, user.id);
    return answer(row.id);
  });

  app.post('/items/:id/trash', {
    schema: { params: IdParams, response: { 204: Type.Null(), ...Errors } },
  }, async (request, reply) => {
    const user = request.currentUser!;
    const { item, role } = await itemFor(user, request.currentSchools, request.params.id);
    const ownUnpublished = item.author_id === user.id && (item.status === 'draft' || item.status === 'submitted');
    if (!includes(role, 'publish') && !ownUnpublished) throw RoleTooLow('supprimer cette actualité');
    await db.transaction(async (trx) => {
      const [updated] = await trx('items').where({ id: item.id }).update({ status: 'trashed', headline: false, updated_at: clock.now() })
        .returning(['id', 'status', 'publish_at', 'expires_at']);
      // A trashed item is never shown again: its files go now, not with the purge two years later.
      await releaseAttachments(services, trx, [item.id]);
      await planItem(services, trx, updated);
    });
    reply.code(204);
    return null;
  });

  // Files go up as soon as they are chosen, then an item names them: for whoever writes in a thread.
  app.post('/attachments', {
    schema: { response: { 201: Type.Array(AttachmentSchema), ...Errors } },
  }, async (request, reply) => {
    const user = request.currentUser!;
    const mine = await threadsOf(services, user, request.currentSchools);
    if (!mine.some((m) => includes(m.role, 'contribute'))) throw CannotUpload();
    const { blobs } = await services.storage.receive(request, { owner: user.id, maxFiles: 10 });
    return reply.code(201).send(blobs.map((b) => ({ id: b.id, name: b.name, mediaType: b.mediaType, size: b.size })));
  });

  // An item's file, for those who may see the item (images are shown in the page with `inline=true`).
  app.get('/items/:id/attachments/:blobId', {
    schema: {
      params: Type.Object({ id: Id(), blobId: Type.String({ minLength: 1, maxLength: 64 }) }),
      querystring: Type.Object({ inline: Type.Boolean({ default: false }) }, { additionalProperties: false }),
      response: { ...Errors },
    },
  }, async (request, reply) => {
    const { item } = await itemFor(request.currentUser!, request.currentSchools, request.params.id);
    const attachment = (await attachmentsOf(services, [item.id])).get(item.id)!.find((file) => file.id === request.params.blobId);
    if (!attachment) throw ItemNotFound();
    return services.storage.send(reply, request.params.blobId, { name: attachment.name, inline: request.query.inline });
  });

  app.get('/items/:id', {
    schema: { params: IdParams, response: { 200: Item, ...Errors } },
  }, async (request) => {
    const { item } = await itemFor(request.currentUser!, request.currentSchools, request.params.id);
    return (await toItems(services, [item]))[0]!;
  });

  // The news of my threads, headlines first then newest first, by keyset pages.
  app.get('/items', {
    schema: { querystring: ListQuery, response: { 200: ItemPage, ...Errors } },
  }, async (request) => {
    const mine = await threadsOf(services, request.currentUser!, request.currentSchools);
    const { threadId, after, limit } = request.query;
    const threadIds = mine.map((m) => m.thread.id).filter((id) => threadId === undefined || id === threadId);
    const page = await livePage(db, threadIds, clock.now(), { after, limit });
    return { items: await toItems(services, page.rows), next: page.next };
  });

  // The home widget: the latest headlines of my threads.
  app.get('/headlines', {
    schema: { querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 10, default: 5 }) }, { additionalProperties: false }), response: { 200: Type.Array(Item), ...Errors } },
  }, async (request) => {
    const mine = await threadsOf(services, request.currentUser!, request.currentSchools);
    const page = await livePage(db, mine.map((m) => m.thread.id), clock.now(), { limit: request.query.limit });
    return toItems(services, page.rows);
  });

  // What I wrote that readers do not see yet: drafts, submitted items, publications planned for later.
  app.get('/drafts', {
    schema: { response: { 200: Type.Array(Item), ...Errors } },
  }, async (request) => {
    const user = request.currentUser!;
    const mine = await threadsOf(services, user, request.currentSchools);
    const rows = await itemsQuery(db).whereIn('i.thread_id', mine.filter((m) => includes(m.role, 'contribute')).map((m) => m.thread.id))
      .where('i.author_id', user.id)
      .where((q) => q.whereIn('i.status', ['draft', 'submitted']).orWhere((p) => p.where('i.status', 'published').where('i.publish_at', '>', clock.now())))
      .orderBy('i.updated_at', 'desc').limit(100);
    return toItems(services, rows);
  });

  // The validation queue: submitted items of the threads where I publish, oldest first.
  app.get('/queue', {
    schema: { querystring: Type.Object({ threadId: Type.Optional(Id()) }, { additionalProperties: false }), response: { 200: Type.Array(Item), ...Errors } },
  }, async (request) => {
    const mine = await threadsOf(services, request.currentUser!, request.currentSchools);
    const threadIds = mine.filter((m) => includes(m.role, 'publish') && (request.query.threadId === undefined || m.thread.id === request.query.threadId)).map((m) => m.thread.id);
    const rows = await itemsQuery(db).whereIn('i.thread_id', threadIds).where('i.status', 'submitted').orderBy('i.updated_at').limit(200);
    return toItems(services, rows);
  });
}

import { frenchOrder, Type, type CurrentUser, type PluginApp, type PluginServices, BigId } from '@preau/sdk';
import { Errors, FolderList, IdParams, IdsBody } from './schemas.js';
import { unreadCounts } from './mailbox.js';
import { collectMessages } from './sending.js';
import { FolderNotFound, FolderTooDeep, MessageNotFound } from './errors.js';

const Ok = Type.Object({ ok: Type.Boolean() });
const Name = Type.String({ minLength: 1, maxLength: 80, pattern: '\\S' });
const Destination = Type.Union([Type.Literal('inbox'), Type.Literal('trash'), BigId()]);

/** Folders: the system ones with their counts, the user's own (three levels at most), moving and the trash. */
export async function folderRoutes(app: PluginApp, services: PluginServices): Promise<void> {
  const { db, clock } = services;
  const me = (request: { currentUser?: CurrentUser | null }): CurrentUser => request.currentUser!;
  const ownFolder = async (userId: number, id: number) => {
    const folder = await db('folders').where({ id, owner_id: userId }).first('id', 'parent_id', 'depth');
    if (!folder) throw FolderNotFound();
    return folder as { id: number; parent_id: number | null; depth: number };
  };
  /** How many levels a folder's subtree has (1 for a folder without subfolders). */
  const subtreeHeight = async (id: number): Promise<number> => {
    const { rows } = await db.raw(
      `with recursive t(id, level) as (select id, 1 from folders where id = ? union all select f.id, t.level + 1 from folders f join t on f.parent_id = t.id) select max(level) as h, array_agg(id) as ids from t`,
      [id],
    );
    return Number(rows[0].h);
  };

  app.get('/folders', { schema: { response: { 200: FolderList, ...Errors } } }, async (request) => {
    const userId = me(request).id;
    const counts = (await db('mailbox').where({ user_id: userId }).groupBy('folder', 'folder_id')
      .select('folder', 'folder_id', db.raw('count(*)::int as total'), db.raw('count(*) filter (where read_at is null)::int as unread'))) as { folder: string; folder_id: string | null; total: number; unread: number }[];
    const of = (folder: string) => counts.find((c) => c.folder === folder) ?? { total: 0, unread: 0 };
    const folders = await db('folders').where({ owner_id: userId }).orderByRaw(`depth, ${frenchOrder('name')}, name`).select('id', 'parent_id', 'name', 'depth');
    return {
      system: { inbox: { unread: of('inbox').unread, total: of('inbox').total }, sent: { total: of('sent').total }, drafts: { total: of('drafts').total }, trash: { unread: of('trash').unread, total: of('trash').total } },
      folders: folders.map((f: { id: string; parent_id: string | null; name: string; depth: number }) => {
        const c = counts.find((x) => x.folder === 'user' && Number(x.folder_id) === Number(f.id));
        return { id: Number(f.id), parentId: f.parent_id === null ? null : Number(f.parent_id), name: f.name, depth: f.depth, unread: c?.unread ?? 0, total: c?.total ?? 0 };
      }),
    };
  });

  app.post('/folders', { schema: { body: Type.Object({ name: Name, parentId: Type.Optional(BigId()) }, { additionalProperties: false }), response: { 201: Type.Object({ id: Type.Integer() }), ...Errors } } }, async (request, reply) => {
    const userId = me(request).id;
    const parent = request.body.parentId ? await ownFolder(userId, request.body.parentId) : null;
    const depth = (parent?.depth ?? 0) + 1;
    if (depth > 3) throw FolderTooDeep();
    const [row] = await db('folders').insert({ owner_id: userId, parent_id: parent?.id ?? null, name: request.body.name.trim(), depth }).returning('id');
    return reply.code(201).send({ id: Number(row.id) });
  });

  // Rename, or move under another folder (null: to the top): never inside itself, never deeper than three.
  app.patch('/folders/:id', { schema: { params: IdParams, body: Type.Object({ name: Type.Optional(Name), parentId: Type.Optional(Type.Union([BigId(), Type.Null()])) }, { additionalProperties: false }), response: { 200: Ok, ...Errors } } }, async (request) => {
    const userId = me(request).id;
    const folder = await ownFolder(userId, request.params.id);
    if (request.body.name) await db('folders').where({ id: folder.id }).update({ name: request.body.name.trim() });
    if (request.body.parentId !== undefined) {
      const parent = request.body.parentId === null ? null : await ownFolder(userId, request.body.parentId);
      const { rows } = await db.raw(`with recursive t(id) as (select ?::bigint union all select f.id from folders f join t on f.parent_id = t.id) select array_agg(id) as ids from t`, [folder.id]);
      const subtree = (rows[0].ids as (string | number)[]).map(Number);
      if (parent && subtree.includes(Number(parent.id))) throw FolderTooDeep();
      const depth = (parent?.depth ?? 0) + 1;
      if (depth + (await subtreeHeight(folder.id)) - 1 > 3) throw FolderTooDeep();
      await db.transaction(async (trx) => {
        await trx('folders').where({ id: folder.id }).update({ parent_id: parent?.id ?? null });
        await trx.raw(`with recursive t(id, depth) as (select ?::bigint, ?::int union all select f.id, t.depth + 1 from folders f join t on f.parent_id = t.id) update folders set depth = t.depth from t where folders.id = t.id`, [folder.id, depth]);
      });
    }
    return { ok: true };
  });

  // Deleting a folder puts its messages (and its subfolders') in the trash.
  app.delete('/folders/:id', { schema: { params: IdParams, response: { 204: Type.Null(), ...Errors } } }, async (request, reply) => {
    const userId = me(request).id;
    const folder = await ownFolder(userId, request.params.id);
    await db.transaction(async (trx) => {
      const { rows } = await trx.raw(`with recursive t(id) as (select ?::bigint union all select f.id from folders f join t on f.parent_id = t.id) select array_agg(id) as ids from t`, [folder.id]);
      await trx('mailbox').where({ user_id: userId, folder: 'user' }).whereIn('folder_id', rows[0].ids)
        .update({ folder: 'trash', folder_id: null, previous_folder: 'inbox', previous_folder_id: null, trashed_at: clock.now() });
      // Messages trashed from these folders earlier would be restored into folders that no longer exist: the inbox.
      await trx('mailbox').where({ user_id: userId, folder: 'trash' }).whereIn('previous_folder_id', rows[0].ids)
        .update({ previous_folder: 'inbox', previous_folder_id: null });
      await trx('folders').where({ id: folder.id }).delete();
    });
    return reply.code(204).send(null);
  });

  app.post('/messages/move', { schema: { body: Type.Object({ ids: IdsBody.properties.ids, to: Destination }, { additionalProperties: false }), response: { 200: Ok, ...Errors } } }, async (request) => {
    const userId = me(request).id;
    const { ids, to } = request.body;
    const entries = await db('mailbox').where('user_id', userId).whereIn('message_id', ids).select('message_id', 'folder', 'folder_id');
    if (entries.length !== ids.length) throw MessageNotFound();
    if (to === 'trash') {
      await db('mailbox').where('user_id', userId).whereIn('message_id', ids).whereNot('folder', 'trash')
        .update({ previous_folder: db.ref('folder'), previous_folder_id: db.ref('folder_id'), folder: 'trash', folder_id: null, trashed_at: clock.now() });
    } else {
      if (entries.some((e: { folder: string }) => e.folder === 'drafts' || e.folder === 'sent')) throw MessageNotFound();
      const folderId = to === 'inbox' ? null : (await ownFolder(userId, to)).id;
      await db('mailbox').where('user_id', userId).whereIn('message_id', ids)
        .update({ folder: to === 'inbox' ? 'inbox' : 'user', folder_id: folderId, trashed_at: null, previous_folder: null, previous_folder_id: null });
    }
    return { ok: true };
  });

  app.post('/trash/restore', { schema: { body: IdsBody, response: { 200: Ok, ...Errors } } }, async (request) => {
    await db('mailbox').where({ user_id: me(request).id, folder: 'trash' }).whereIn('message_id', request.body.ids)
      .update({ folder: db.raw("coalesce(previous_folder, 'inbox')"), folder_id: db.ref('previous_folder_id'), trashed_at: null, previous_folder: null, previous_folder_id: null });
    return { ok: true };
  });

  app.delete('/trash', { schema: { querystring: Type.Object({ ids: Type.Optional(Type.Array(BigId(), { maxItems: 500 })) }), response: { 200: Type.Object({ deleted: Type.Integer() }), ...Errors } } }, async (request) => {
    const userId = me(request).id;
    const deleted = await db.transaction(async (trx) => {
      const query = trx('mailbox').where({ user_id: userId, folder: 'trash' });
      if (request.query.ids?.length) query.whereIn('message_id', request.query.ids);
      const ids = (await query.del().returning('message_id')).map((r: { message_id: string }) => Number(r.message_id));
      await collectMessages(trx, services, ids);
      return ids.length;
    });
    return { deleted };
  });

  app.get('/badge-count', { schema: { response: { 200: Type.Object({ count: Type.Integer() }), ...Errors } } }, async (request) => ({ count: (await unreadCounts(db, me(request).id)).total }));
}

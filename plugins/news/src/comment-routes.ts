import { Type, type CurrentUser, type PluginApp, type PluginServices, type SchoolRef } from '@preau/sdk';
import { includes } from './access.js';
import { CommentNotFound, CommentsOff, ItemNotFound } from './errors.js';
import { findItem, isLive } from './items.js';
import { Comment, CommentInput, Errors, IdParams } from './schemas.js';
import { threadFor } from './threads.js';

/** Comments under a published item, when its thread has them on; plain text, shortest way to answer. */
export async function commentRoutes(app: PluginApp, services: PluginServices): Promise<void> {
  const { db, clock } = services;

  /** A live item the user reads, with its thread; not found otherwise. */
  const liveItem = async (request: { currentUser: CurrentUser | null; currentSchools: SchoolRef[] }, id: number) => {
    const item = await findItem(db, id);
    if (!item || !isLive(item, clock.now())) throw ItemNotFound();
    const access = await threadFor(services, request.currentUser!, request.currentSchools, item.thread_id, 'read', 'lire ce fil').catch(() => {
      throw ItemNotFound();
    });
    return { item, ...access };
  };

  app.get('/items/:id/comments', {
    schema: { params: IdParams, response: { 200: Type.Array(Comment), ...Errors } },
  }, async (request) => {
    const { item } = await liveItem(request, request.params.id);
    const rows = await db('comments').where({ item_id: item.id }).orderBy('id').limit(500).select('id', 'item_id', 'author_id', 'body', 'created_at');
    const people = new Map((await services.structure.people([...new Set(rows.flatMap((r) => (r.author_id ? [r.author_id] : [])))])).map((p) => [p.id, p]));
    return rows.map((row) => {
      const author = people.get(row.author_id);
      return {
        id: row.id, itemId: row.item_id, body: row.body, createdAt: new Date(row.created_at).toISOString(),
        author: author ? { id: author.id, displayName: author.displayName } : null, mine: row.author_id === request.currentUser!.id,
      };
    });
  });

  app.post('/items/:id/comments', {
    schema: { params: IdParams, body: CommentInput, response: { 201: Comment, ...Errors } },
  }, async (request, reply) => {
    const user = request.currentUser!;
    const { item, thread } = await liveItem(request, request.params.id);
    if (!thread.comments_enabled) throw CommentsOff();
    const body = request.body.body.trim();
    const [row] = await db('comments').insert({ item_id: item.id, author_id: user.id, body, created_at: clock.now() }).returning(['id', 'created_at']);
    reply.code(201);
    return { id: row.id, itemId: item.id, body, createdAt: new Date(row.created_at).toISOString(), author: { id: user.id, displayName: user.displayName }, mine: true };
  });

  // Its author, or a publisher of the thread (moderation), removes a comment.
  app.delete('/comments/:id', {
    schema: { params: IdParams, response: { 204: Type.Null(), ...Errors } },
  }, async (request, reply) => {
    const user = request.currentUser!;
    const comment = await db('comments').where({ id: request.params.id }).first('id', 'item_id', 'author_id');
    if (!comment) throw CommentNotFound();
    const { role } = await liveItem(request, comment.item_id).catch(() => {
      throw CommentNotFound();
    });
    if (comment.author_id !== user.id && !includes(role, 'publish')) throw CommentNotFound();
    await db('comments').where({ id: comment.id }).delete();
    reply.code(204);
    return null;
  });
}

import { roleIncludes, Type, type AccessRole, type CurrentUser, type Knex, type PluginApp, type PluginServices } from '@preau/sdk';
import { blogFor, peopleWith } from './blogs.js';
import { CommentNotFound, CommentsClosed, PostNotFound, PostNotPublished, RoleTooLow } from './errors.js';
import { postRow } from './posts.js';
import { BlogParams, Comment, CommentInput, CommentParams, Errors, PostParams } from './schemas.js';

interface CommentRow {
  id: number;
  post_id: number;
  author_id: number | null;
  author_name: string | null;
  body: string;
  state: 'pending' | 'published';
  created_at: Date;
}

const commentQuery = (db: Knex) => db('comments as c').leftJoin('users as u', 'u.id', 'c.author_id')
  .select('c.id', 'c.post_id', 'c.author_id', 'u.display_name as author_name', 'c.body', 'c.state', 'c.created_at');

const toComment = (row: CommentRow, user: CurrentUser, role: AccessRole): Comment => ({
  id: row.id,
  postId: row.post_id,
  author: row.author_id ? { id: row.author_id, displayName: row.author_name ?? '' } : null,
  body: row.body,
  state: row.state,
  createdAt: row.created_at.toISOString(),
  canDelete: row.author_id === user.id || roleIncludes(role, 'manage'),
});

/** A post's comments the user sees: published ones, and those waiting for moderation to managers and their author. */
export async function commentsOf(db: Knex, postId: number, user: CurrentUser, role: AccessRole): Promise<Comment[]> {
  const query = commentQuery(db).where('c.post_id', postId);
  if (!roleIncludes(role, 'manage')) query.where((q) => q.where('c.state', 'published').orWhere('c.author_id', user.id));
  return ((await query.orderBy([{ column: 'c.created_at', order: 'asc' }, { column: 'c.id', order: 'asc' }])) as CommentRow[]).map((row) => toComment(row, user, role));
}

/**
 * Comments: readers comment under their own name on published posts when the blog allows it (at once, or after
 * a manager approves); managers approve and delete any; an author deletes their own. Never shown publicly.
 */
export async function commentRoutes(app: PluginApp, services: PluginServices): Promise<void> {
  const { db, clock, notify } = services;

  /** Tells the post's author and the blog's managers of a comment readers now see. */
  const announce = async (commentId: number, actor: number) => {
    const row = (await db('comments as c').join('posts as p', 'p.id', 'c.post_id').join('blogs as b', 'b.id', 'p.blog_id').where('c.id', commentId)
      .first('p.id as post_id', 'p.title', 'p.author_id', 'p.blog_id', 'b.title as blog_title', 'c.state')) as { post_id: number; title: string; author_id: number | null; blog_id: number; blog_title: string; state: string } | undefined;
    if (!row) return;
    const managers = await peopleWith(services, row.blog_id, 'manage');
    const users = row.state === 'published' ? [...new Set([...(row.author_id ? [row.author_id] : []), ...managers])] : managers;
    if (users.length === 0) return;
    await notify.send({
      type: row.state === 'published' ? 'comment-posted' : 'comment-waiting', recipients: { users }, actor,
      resource: { app: 'blog', id: `comment:${commentId}`, url: `/apps/blog/posts/${row.post_id}` },
      params: { title: row.title, blog: row.blog_title },
    });
  };

  /** A comment, its post's blog and the user's role; 404 when they do not see it. */
  const commentFor = async (user: CurrentUser, schools: Parameters<typeof blogFor>[2], id: number) => {
    const row = (await commentQuery(db).join('posts as p', 'p.id', 'c.post_id').where('c.id', id).first('p.blog_id', 'p.state as post_state')) as
      (CommentRow & { blog_id: number; post_state: string }) | undefined;
    if (!row) throw CommentNotFound();
    const { role } = await blogFor(services, user, schools, row.blog_id, 'read', 'lire ce blog').catch(() => {
      throw CommentNotFound();
    });
    const visible = row.post_state === 'published' && (row.state === 'published' || row.author_id === user.id || roleIncludes(role, 'manage'));
    if (!visible) throw CommentNotFound();
    return { row, role };
  };

  app.post('/posts/:postId/comments', {
    schema: { params: PostParams, body: CommentInput, response: { 201: Comment, ...Errors } },
  }, async (request, reply) => {
    const user = request.currentUser!;
    const post = await postRow(db, request.params.postId);
    if (!post) throw PostNotFound();
    const { blog, role } = await blogFor(services, user, request.currentSchools, post.blog_id, 'read', 'lire ce blog').catch(() => {
      throw PostNotFound();
    });
    if (post.state !== 'published') {
      if (post.author_id === user.id || roleIncludes(role, 'manage')) throw PostNotPublished();
      throw PostNotFound();
    }
    if (blog.comments === 'none') throw CommentsClosed();
    const state = blog.comments === 'immediate' || roleIncludes(role, 'manage') ? 'published' : 'pending';
    const [row] = await db('comments').insert({ post_id: post.id, author_id: user.id, body: request.body.body.trim(), state, created_at: clock.now() }).returning('id');
    const id = row.id as number;
    await announce(id, user.id);
    const created = (await commentQuery(db).where('c.id', id).first()) as CommentRow;
    return reply.code(201).send(toComment(created, user, role));
  });

  app.get('/blogs/:blogId/pending-comments', {
    schema: { params: BlogParams, response: { 200: Type.Array(Comment), ...Errors } },
  }, async (request) => {
    const user = request.currentUser!;
    const { blog, role } = await blogFor(services, user, request.currentSchools, request.params.blogId, 'manage', 'modérer ses commentaires');
    const rows = (await commentQuery(db).join('posts as p', 'p.id', 'c.post_id').where({ 'p.blog_id': blog.id, 'c.state': 'pending', 'p.state': 'published' })
      .orderBy([{ column: 'c.created_at', order: 'asc' }, { column: 'c.id', order: 'asc' }])) as CommentRow[];
    return rows.map((row) => toComment(row, user, role));
  });

  app.post('/comments/:commentId/approve', {
    schema: { params: CommentParams, response: { 200: Comment, ...Errors } },
  }, async (request) => {
    const user = request.currentUser!;
    const { row, role } = await commentFor(user, request.currentSchools, request.params.commentId);
    if (!roleIncludes(role, 'manage')) throw RoleTooLow('modérer ses commentaires');
    if (row.state === 'pending') {
      await db('comments').where({ id: row.id }).update({ state: 'published' });
      await announce(row.id, user.id);
    }
    return toComment({ ...row, state: 'published' }, user, role);
  });

  app.delete('/comments/:commentId', {
    schema: { params: CommentParams, response: { 204: Type.Null(), ...Errors } },
  }, async (request, reply) => {
    const user = request.currentUser!;
    const { row, role } = await commentFor(user, request.currentSchools, request.params.commentId);
    if (row.author_id !== user.id && !roleIncludes(role, 'manage')) throw RoleTooLow('supprimer ce commentaire');
    await db('comments').where({ id: row.id }).delete();
    return reply.code(204).send(null);
  });
}

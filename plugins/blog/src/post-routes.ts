import { decodePageCursor, encodePageCursor, MAX_ID, roleIncludes, Type, type AccessRole, type CurrentUser, type Knex, type PluginApp, type PluginServices, type SchoolRef } from '@preau/sdk';
import { blogFor, type BlogRow } from './blogs.js';
import { publicCache } from './public-cache.js';
import { commentsOf } from './comments.js';
import { BadPublishDate, PostNotFound, PostNotWaiting, RoleTooLow } from './errors.js';
import {
  announcePublished, announceSubmitted, canEdit, canSee, detachPost, needsValidation, postQuery, postRow, setState, toPost, type PostRow, type PostState,
} from './posts.js';
import { BlogParams, Errors, PhotoReminder, Post, PostInput, PostParams, PostsPage, PostsQuery, PostWithComments, PublishInput, ReturnInput } from './schemas.js';

const YEAR = 366 * 86_400_000;

/** Posts: writing, the managers' queue (publish, send back), reading a blog newest first, one post. */
export async function postRoutes(app: PluginApp, services: PluginServices): Promise<void> {
  const { db, sanitize, insertedFiles, clock } = services;
  const cache = publicCache(services);

  /** The post, its blog and the user's role; 404 when they may not see it. */
  const postFor = async (user: CurrentUser, schools: readonly SchoolRef[], id: number) => {
    const row = await postRow(db, id);
    if (!row) throw PostNotFound();
    const { blog, role } = await blogFor(services, user, schools, row.blog_id, 'read', 'lire ce blog').catch(() => {
      throw PostNotFound();
    });
    if (!canSee(row, user, role)) throw PostNotFound();
    return { row, blog, role };
  };

  /** A wished publication instant: in the future, within a year; null when absent. */
  const publishDate = (value: string | null | undefined): Date | null => {
    if (!value) return null;
    const at = new Date(value);
    const now = clock.now().getTime();
    if (Number.isNaN(at.getTime()) || at.getTime() <= now || at.getTime() > now + YEAR) throw BadPublishDate();
    return at;
  };

  /** What saving with `submit` makes of a post the user writes: a draft, a post waiting, scheduled or published. */
  const stateOnSubmit = (user: CurrentUser, role: AccessRole, blog: BlogRow, submit: boolean, publishAt: Date | null): PostState => {
    if (!submit) return 'draft';
    if (needsValidation(user, role, blog)) return 'submitted';
    return publishAt ? 'scheduled' : 'published';
  };

  /** Stores the text's files: held for the post's readers, and listed for the public page's pictures. */
  const holdFiles = async (files: Awaited<ReturnType<typeof insertedFiles.check>>, postId: number, transaction: Knex.Transaction) => {
    await files.holdIn({ type: 'post', id: postId }, { transaction });
    await transaction('post_files').where({ post_id: postId }).delete();
    if (files.ids.length) await transaction('post_files').insert(files.ids.map((blobId) => ({ post_id: postId, blob_id: blobId })));
  };

  /** After the commit: tells whom a change of state concerns. */
  const announce = async (postId: number, before: PostState | null, after: PostState, actor: number) => {
    if (before === 'published' || after === 'published') await cache.changed();
    if (after === 'published' && before !== 'published') await announcePublished(services, postId, actor);
    if (after === 'submitted' && before !== 'submitted') await announceSubmitted(services, postId, actor);
  };

  const answer = async (user: CurrentUser, id: number, role: AccessRole) => toPost((await postRow(db, id))!, user, role);

  app.get('/blogs/:blogId/posts', {
    schema: { params: BlogParams, querystring: PostsQuery, response: { 200: PostsPage, ...Errors } },
  }, async (request) => {
    const user = request.currentUser!;
    const { blog, role } = await blogFor(services, user, request.currentSchools, request.params.blogId, 'read', 'lire ce blog');
    const cursor = decodePageCursor(request.query.cursor, { maxId: MAX_ID });
    const query = postQuery(db).where({ 'p.blog_id': blog.id, 'p.state': 'published' });
    if (cursor) query.whereRaw('(p.published_at, p.id) < (?, ?)', [cursor.at, cursor.id]);
    const rows = (await query.orderBy([{ column: 'p.published_at', order: 'desc' }, { column: 'p.id', order: 'desc' }]).limit(request.query.limit + 1)) as PostRow[];
    const page = rows.slice(0, request.query.limit);
    const last = page.at(-1);
    return {
      posts: page.map((row) => toPost(row, user, role)),
      nextCursor: rows.length > page.length && last ? encodePageCursor({ at: last.published_at!, id: last.id }) : null,
    };
  });

  // What waits for the blog's managers: submitted posts, oldest first, then those planned for later.
  app.get('/blogs/:blogId/queue', {
    schema: { params: BlogParams, response: { 200: Type.Array(Post), ...Errors } },
  }, async (request) => {
    const user = request.currentUser!;
    const { blog, role } = await blogFor(services, user, request.currentSchools, request.params.blogId, 'manage', 'valider ses articles');
    const rows = (await postQuery(db).where('p.blog_id', blog.id).whereIn('p.state', ['submitted', 'scheduled'])
      .orderByRaw(`case p.state when 'submitted' then 0 else 1 end, coalesce(p.publish_at, p.updated_at), p.id`)) as PostRow[];
    return rows.map((row) => toPost(row, user, role));
  });

  // The user's own posts not published yet: drafts (and those sent back), waiting, planned.
  app.get('/blogs/:blogId/mine', {
    schema: { params: BlogParams, response: { 200: Type.Array(Post), ...Errors } },
  }, async (request) => {
    const user = request.currentUser!;
    const { blog, role } = await blogFor(services, user, request.currentSchools, request.params.blogId, 'contribute', 'y écrire');
    const rows = (await postQuery(db).where({ 'p.blog_id': blog.id, 'p.author_id': user.id }).whereNot('p.state', 'published')
      .orderBy([{ column: 'p.updated_at', order: 'desc' }, { column: 'p.id', order: 'desc' }])) as PostRow[];
    return rows.map((row) => toPost(row, user, role));
  });

  // Droit à l'image: the pupils of the blog's classes (a school blog: every class of the school) whose ONDE file
  // says « Autorisation photo : Non », for the staff who write in it; never for families or pupils.
  app.get('/blogs/:blogId/photo-reminder', {
    schema: { params: BlogParams, response: { 200: PhotoReminder, ...Errors } },
  }, async (request) => {
    const user = request.currentUser!;
    const { blog } = await blogFor(services, user, request.currentSchools, request.params.blogId, 'contribute', 'y écrire');
    if (user.profile !== 'Teacher' && user.profile !== 'Personnel') throw RoleTooLow("voir les autorisations photo des élèves");
    const classes = blog.class_id ? [blog.class_id] : (await services.structure.classesOfSchool(blog.school_id)).map((c) => c.id);
    const pupils = await services.structure.pupilsWithoutPhotoAuthorisation(classes);
    return { pupils: pupils.map((p) => ({ id: p.id, displayName: p.displayName, classId: p.classId })) };
  });

  app.post('/blogs/:blogId/posts', {
    schema: { params: BlogParams, body: PostInput, response: { 201: Post, ...Errors } },
  }, async (request, reply) => {
    const user = request.currentUser!;
    const { blog, role } = await blogFor(services, user, request.currentSchools, request.params.blogId, 'contribute', 'y écrire');
    const body = sanitize.richText(request.body.body);
    const publishAt = publishDate(request.body.publishAt);
    const files = await insertedFiles.check(body, user);
    const state = stateOnSubmit(user, role, blog, request.body.submit, publishAt);
    const id = await db.transaction(async (transaction) => {
      const [row] = await transaction('posts').insert({
        blog_id: blog.id, author_id: user.id, title: request.body.title.trim(), body, body_text: sanitize.plainText(body, 2000),
        state: 'draft', has_images: /<img\s/i.test(body), created_at: clock.now(), updated_at: clock.now(),
      }).returning('id');
      const postId = row.id as number;
      await holdFiles(files, postId, transaction);
      await setState(services, transaction, { id: postId, blog_id: blog.id, state: 'draft' }, state, publishAt);
      return postId;
    });
    await announce(id, null, state, user.id);
    return reply.code(201).send(await answer(user, id, role));
  });

  app.get('/posts/:postId', {
    schema: { params: PostParams, response: { 200: PostWithComments, ...Errors } },
  }, async (request) => {
    const user = request.currentUser!;
    const { row, blog, role } = await postFor(user, request.currentSchools, request.params.postId);
    return {
      post: toPost(row, user, role),
      comments: row.state === 'published' ? await commentsOf(db, row.id, user, role) : [],
      canComment: row.state === 'published' && blog.comments !== 'none',
    };
  });

  app.put('/posts/:postId', {
    schema: { params: PostParams, body: PostInput, response: { 200: Post, ...Errors } },
  }, async (request) => {
    const user = request.currentUser!;
    const { row, blog, role } = await postFor(user, request.currentSchools, request.params.postId);
    if (!canEdit(row, user, role)) throw RoleTooLow('modifier cet article');
    const body = sanitize.richText(request.body.body);
    const publishAt = request.body.publishAt === undefined ? (row.publish_at && row.publish_at > clock.now() ? row.publish_at : null) : publishDate(request.body.publishAt);
    const files = await insertedFiles.check(body, user);
    const author = row.author_id === user.id;
    let state: PostState;
    if (row.state === 'published') {
      // A published post changed by its author goes back to validation when they could not have published it.
      state = author && needsValidation(user, role, blog) ? 'submitted' : 'published';
    } else if (author) {
      state = stateOnSubmit(user, role, blog, request.body.submit, publishAt);
    } else {
      // A manager correcting a post that waits keeps it waiting (or planned): publishing is its own action.
      state = row.state === 'scheduled' && !publishAt ? 'submitted' : row.state;
    }
    await db.transaction(async (transaction) => {
      await transaction('posts').where({ id: row.id }).update({
        title: request.body.title.trim(), body, body_text: sanitize.plainText(body, 2000), has_images: /<img\s/i.test(body),
        ...(state === 'submitted' && author ? { returned_comment: null } : {}),
      });
      await holdFiles(files, row.id, transaction);
      await setState(services, transaction, row, state, publishAt);
    });
    await announce(row.id, row.state, state, user.id);
    return answer(user, row.id, role);
  });

  app.post('/posts/:postId/publish', {
    schema: { params: PostParams, body: PublishInput, response: { 200: Post, ...Errors } },
  }, async (request) => {
    const user = request.currentUser!;
    const { row, role } = await postFor(user, request.currentSchools, request.params.postId);
    if (!roleIncludes(role, 'manage')) throw RoleTooLow('publier ses articles');
    if (row.state === 'published' || (row.state === 'draft' && row.author_id !== user.id)) throw PostNotWaiting();
    const publishAt = request.body.publishAt === undefined
      ? (row.publish_at && row.publish_at > clock.now() ? row.publish_at : null)
      : publishDate(request.body.publishAt);
    const state: PostState = publishAt ? 'scheduled' : 'published';
    await db.transaction((transaction) => setState(services, transaction, row, state, publishAt, { returned_comment: null }));
    await announce(row.id, row.state, state, user.id);
    return answer(user, row.id, role);
  });

  // Sent back to its author with a manager's word: a draft again, out of every reader's sight.
  app.post('/posts/:postId/return', {
    schema: { params: PostParams, body: ReturnInput, response: { 200: Post, ...Errors } },
  }, async (request) => {
    const user = request.currentUser!;
    const { row, blog, role } = await postFor(user, request.currentSchools, request.params.postId);
    if (!roleIncludes(role, 'manage')) throw RoleTooLow('renvoyer ses articles');
    if (row.state === 'draft') throw PostNotWaiting();
    await db.transaction((transaction) => setState(services, transaction, row, 'draft', row.publish_at, { returned_comment: request.body.comment.trim() }));
    if (row.state === 'published') await cache.changed();
    if (row.author_id && row.author_id !== user.id) {
      await services.notify.send({
        type: 'post-returned', recipients: { users: [row.author_id] }, actor: user.id,
        resource: { app: 'blog', id: `post:${row.id}`, url: `/apps/blog/posts/${row.id}` },
        params: { title: row.title, blog: blog.title },
      });
    }
    return answer(user, row.id, role);
  });

  // Taken off the blog (and its public page and feed) at once, back in the managers' queue.
  app.post('/posts/:postId/unpublish', {
    schema: { params: PostParams, response: { 200: Post, ...Errors } },
  }, async (request) => {
    const user = request.currentUser!;
    const { row, role } = await postFor(user, request.currentSchools, request.params.postId);
    if (!roleIncludes(role, 'manage')) throw RoleTooLow('retirer ses articles');
    if (row.state !== 'published') throw PostNotWaiting();
    await db.transaction((transaction) => setState(services, transaction, row, 'submitted', null));
    await cache.changed();
    return answer(user, row.id, role);
  });

  app.delete('/posts/:postId', {
    schema: { params: PostParams, response: { 204: Type.Null(), ...Errors } },
  }, async (request, reply) => {
    const user = request.currentUser!;
    const { row, role } = await postFor(user, request.currentSchools, request.params.postId);
    if (!canEdit(row, user, role) && !roleIncludes(role, 'manage')) throw RoleTooLow('supprimer cet article');
    await db.transaction(async (transaction) => {
      await detachPost(services, row.id, transaction);
      await transaction('posts').where({ id: row.id }).delete();
      if (row.state === 'published') await transaction('blogs').where({ id: row.blog_id }).update({ version: transaction.raw('version + 1') });
    });
    if (row.state === 'published') await cache.changed();
    return reply.code(204).send(null);
  });
}

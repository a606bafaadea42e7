import { administersSchool, roleIncludes, Type, type CurrentUser, type PluginApp, type PluginServices } from '@preau/sdk';
import { createBlog } from './create-blog.js';
import { blogFor, blogRef, mayPublishPublic, readableBlogs, toBlog, touchBlog, type ReadableBlog } from './blogs.js';
import { BlogNotFound, CannotCreateBlog, CannotPublishPublic, SlugTaken } from './errors.js';
import { detachPost } from './posts.js';
import { publicCache } from './public-cache.js';
import { Blog, BlogChange, BlogParams, Creatable, Errors, FollowInput, NewBlogInput, PublicInput } from './schemas.js';

/** The text a cover picture is checked as: the same check as a picture inserted in a post. */
const coverHtml = (blobId: string | null | undefined) => (blobId ? `<img src="/api/core/files/${blobId}">` : '');

/** Blogs: listing, creating (a class's by its teachers, the school's by its administrators), settings, follow, public address. */
export async function blogRoutes(app: PluginApp, services: PluginServices): Promise<void> {
  const { db, sharing, structure, insertedFiles } = services;
  const cache = publicCache(services);

  /** The API's blogs: each with whether the user follows it and, for its managers, how many posts wait. */
  const describe = async (user: CurrentUser, blogs: readonly ReadableBlog[]) => {
    const ids = blogs.map((b) => b.blog.id);
    const managed = blogs.filter((b) => roleIncludes(b.role, 'manage')).map((b) => b.blog.id);
    const [unfollowed, waiting] = await Promise.all([
      ids.length ? db('follows').whereIn('blog_id', ids).where({ user_id: user.id, following: false }).pluck('blog_id') : [],
      managed.length ? db('posts').whereIn('blog_id', managed).where({ state: 'submitted' }).groupBy('blog_id').select('blog_id', db.raw('count(*)::int as n')) : [],
    ]);
    const stopped = new Set((unfollowed as number[]).map(Number));
    const counts = new Map((waiting as { blog_id: number; n: number }[]).map((r) => [r.blog_id, r.n]));
    return blogs.map((b) => toBlog(b, {
      following: !stopped.has(b.blog.id),
      waiting: counts.get(b.blog.id) ?? 0,
      canPublishPublic: roleIncludes(b.role, 'manage') && mayPublishPublic(services, user, b.blog.school_id),
    }));
  };
  const answer = async (user: CurrentUser, blog: ReadableBlog) => (await describe(user, [blog]))[0]!;

  app.get('/blogs', {
    schema: { response: { 200: Type.Array(Blog), ...Errors } },
  }, async (request) => describe(request.currentUser!, await readableBlogs(services, request.currentUser!, request.currentSchools)));

  app.get('/creatable', {
    schema: { response: { 200: Creatable, ...Errors } },
  }, async (request) => {
    const user = request.currentUser!;
    const schoolIds = new Set(request.currentSchools.map((s) => s.id));
    const classes = user.profile === 'Teacher' ? (await structure.classesOf(user.id)).filter((c) => schoolIds.has(c.schoolId)) : [];
    return {
      classes: classes.map((c) => ({ id: c.id, schoolId: c.schoolId, label: c.label })),
      schools: request.currentSchools.filter((s) => administersSchool(user, s.id)).map((s) => ({ id: s.id, name: s.name })),
    };
  });

  app.post('/blogs', {
    schema: { body: NewBlogInput, response: { 201: Blog, ...Errors } },
  }, async (request, reply) => {
    const user = request.currentUser!;
    const { schoolId, classId, title, description, coverBlobId, publication, comments } = request.body;
    if (!request.currentSchools.some((s) => s.id === schoolId)) throw CannotCreateBlog();
    if (classId) {
      const [schoolClass] = await structure.classes([classId]);
      const teaches = user.profile === 'Teacher' && (await structure.staffOf([classId])).some((s) => s.user.id === user.id);
      if (!schoolClass || schoolClass.schoolId !== schoolId || !teaches) throw CannotCreateBlog();
    } else if (!administersSchool(user, schoolId)) throw CannotCreateBlog();
    const files = await insertedFiles.check(coverHtml(coverBlobId), user);
    const id = await createBlog(services, {
      schoolId, classId: classId ?? null, title, description: description ?? '', coverBlobId: coverBlobId ?? null,
      publication: publication ?? 'restrained', comments: comments ?? 'moderated', owner: user.id,
    }, files);
    return reply.code(201).send(await answer(user, await blogFor(services, user, request.currentSchools, id, 'read', 'lire ce blog')));
  });

  app.get('/blogs/:blogId', {
    schema: { params: BlogParams, response: { 200: Blog, ...Errors } },
  }, async (request) => answer(request.currentUser!, await blogFor(services, request.currentUser!, request.currentSchools, request.params.blogId, 'read', 'lire ce blog')));

  app.patch('/blogs/:blogId', {
    schema: { params: BlogParams, body: BlogChange, response: { 200: Blog, ...Errors } },
  }, async (request) => {
    const user = request.currentUser!;
    const { blog } = await blogFor(services, user, request.currentSchools, request.params.blogId, 'manage', 'modifier ce blog');
    const { title, description, coverBlobId, publication, comments } = request.body;
    const files = coverBlobId !== undefined && coverBlobId !== blog.cover_blob_id ? await insertedFiles.check(coverHtml(coverBlobId), user) : null;
    await db.transaction(async (transaction) => {
      await transaction('blogs').where({ id: blog.id }).update({
        ...(title !== undefined ? { title: title.trim() } : {}),
        ...(description !== undefined ? { description: description.trim() } : {}),
        ...(files ? { cover_blob_id: coverBlobId ?? null } : {}),
        ...(publication ? { publication } : {}),
        ...(comments ? { comments } : {}),
      });
      await files?.holdIn({ type: 'blog', id: blog.id }, { transaction });
      await touchBlog(transaction, blog.id);
    });
    await cache.changed();
    return answer(user, await blogFor(services, user, request.currentSchools, blog.id, 'read', 'lire ce blog'));
  });

  app.delete('/blogs/:blogId', {
    schema: { params: BlogParams, response: { 204: Type.Null(), ...Errors } },
  }, async (request, reply) => {
    const { blog } = await blogFor(services, request.currentUser!, request.currentSchools, request.params.blogId, 'manage', 'supprimer ce blog');
    await db.transaction(async (transaction) => {
      for (const id of await transaction('posts').where({ blog_id: blog.id }).pluck('id')) await detachPost(services, id as number, transaction);
      await insertedFiles.detach({ type: 'blog', id: blog.id }, { transaction });
      await transaction('blogs').where({ id: blog.id }).delete();
      await sharing.remove(blogRef(blog.id), { transaction });
    });
    await cache.changed();
    return reply.code(204).send(null);
  });

  app.put('/blogs/:blogId/follow', {
    schema: { params: BlogParams, body: FollowInput, response: { 204: Type.Null(), ...Errors } },
  }, async (request, reply) => {
    const user = request.currentUser!;
    const { blog } = await blogFor(services, user, request.currentSchools, request.params.blogId, 'read', 'lire ce blog');
    await db('follows').insert({ blog_id: blog.id, user_id: user.id, following: request.body.following }).onConflict(['blog_id', 'user_id']).merge();
    return reply.code(204).send(null);
  });

  // The public address: chosen by whoever holds `publishPublic` in the blog's school and manages it. A slug
  // given up keeps redirecting to the blog (301) until another blog takes it.
  app.put('/blogs/:blogId/public', {
    schema: { params: BlogParams, body: PublicInput, response: { 200: Blog, ...Errors } },
  }, async (request) => {
    const user = request.currentUser!;
    const found = await blogFor(services, user, request.currentSchools, request.params.blogId, 'read', 'lire ce blog');
    if (!roleIncludes(found.role, 'manage') || !mayPublishPublic(services, user, found.blog.school_id)) throw CannotPublishPublic();
    const { slug } = request.body;
    const { blog } = found;
    if (slug !== blog.slug) {
      if (slug && (await db('blogs').where({ slug }).whereNot({ id: blog.id }).first('id'))) throw SlugTaken(slug);
      await db.transaction(async (transaction) => {
        if (slug) await transaction('old_slugs').where({ slug }).delete();
        if (blog.slug) await transaction('old_slugs').insert({ slug: blog.slug, blog_id: blog.id }).onConflict('slug').merge();
        await transaction('blogs').where({ id: blog.id }).update({ slug });
        await touchBlog(transaction, blog.id);
      }).catch((error: unknown) => {
        // Two administrators choosing the same address at once: the unique index keeps one.
        if ((error as { code?: string }).code === '23505') throw SlugTaken(slug ?? '');
        throw error;
      });
      await cache.changed();
    }
    const after = await blogFor(services, user, request.currentSchools, blog.id, 'read', 'lire ce blog').catch(() => {
      throw BlogNotFound();
    });
    return answer(user, after);
  });
}

import { roleIncludes, type AccessRole, type CurrentUser, type Knex, type PluginServices } from '@preau/sdk';
import { peopleWith, touchBlog, type BlogRow } from './blogs.js';
import { publicCache } from './public-cache.js';
import type { Post } from './schemas.js';

export type PostState = 'draft' | 'submitted' | 'scheduled' | 'published';

export interface PostRow {
  id: number;
  blog_id: number;
  author_id: number | null;
  author_name: string | null;
  title: string;
  body: string;
  state: PostState;
  publish_at: Date | null;
  published_at: Date | null;
  returned_comment: string | null;
  has_images: boolean;
  updated_at: Date;
}

/** A post with its author's name (the core's read-only `users` view). */
export const postQuery = (db: Knex) => db('posts as p').leftJoin('users as u', 'u.id', 'p.author_id')
  .select('p.id', 'p.blog_id', 'p.author_id', 'u.display_name as author_name', 'p.title', 'p.body', 'p.state', 'p.publish_at', 'p.published_at', 'p.returned_comment', 'p.has_images', 'p.updated_at');

export async function postRow(db: Knex, id: number): Promise<PostRow | undefined> {
  return (await postQuery(db).where('p.id', id).first()) as PostRow | undefined;
}

/**
 * Who sees a post: everyone who reads the blog once it is published; before that, its author (while they
 * still write in the blog) and, once it is no longer a draft, the blog's managers.
 */
export function canSee(post: Pick<PostRow, 'state' | 'author_id'>, user: CurrentUser, role: AccessRole): boolean {
  if (post.state === 'published') return true;
  if (post.author_id === user.id && roleIncludes(role, 'contribute')) return true;
  return post.state !== 'draft' && roleIncludes(role, 'manage');
}

/** The author edits their post; a manager edits any post that is not someone else's draft. */
export function canEdit(post: Pick<PostRow, 'state' | 'author_id'>, user: CurrentUser, role: AccessRole): boolean {
  if (post.author_id === user.id) return roleIncludes(role, 'contribute');
  return post.state !== 'draft' && roleIncludes(role, 'manage');
}

/**
 * A post written by `user` must wait for a manager: always for a pupil; for a contributor when the blog is
 * restrained; never for a manager.
 */
export function needsValidation(user: CurrentUser, role: AccessRole, blog: Pick<BlogRow, 'publication'>): boolean {
  if (user.profile === 'Student') return true;
  if (roleIncludes(role, 'manage')) return false;
  return blog.publication === 'restrained';
}

export function toPost(row: PostRow, user: CurrentUser, role: AccessRole): Post {
  return {
    id: row.id,
    blogId: row.blog_id,
    author: row.author_id ? { id: row.author_id, displayName: row.author_name ?? '' } : null,
    title: row.title,
    body: row.body,
    state: row.state,
    publishAt: row.publish_at?.toISOString() ?? null,
    publishedAt: row.published_at?.toISOString() ?? null,
    returnedComment: row.author_id === user.id || roleIncludes(role, 'manage') ? row.returned_comment : null,
    hasImages: row.has_images,
    updatedAt: row.updated_at.toISOString(),
    canEdit: canEdit(row, user, role),
    canManage: roleIncludes(role, 'manage'),
  };
}

const jobKey = (postId: number) => `publish:${postId}`;

type Services = Pick<PluginServices, 'db' | 'jobs' | 'clock' | 'notify' | 'sharing' | 'structure' | 'insertedFiles' | 'log' | 'events'>;

/**
 * Puts a post in `state` in the caller's transaction: published now, scheduled (a job publishes it at
 * `publishAt`), submitted or a draft. The public page's version moves whenever what readers see may change.
 */
export async function setState(services: Services, transaction: Knex.Transaction, post: Pick<PostRow, 'id' | 'blog_id' | 'state'>, state: PostState, publishAt: Date | null, extra: Record<string, unknown> = {}): Promise<void> {
  const now = services.clock.now();
  await transaction('posts').where({ id: post.id }).update({
    state,
    publish_at: state === 'scheduled' ? publishAt : (state === 'published' ? null : publishAt),
    published_at: state === 'published' ? (post.state === 'published' ? transaction.raw('published_at') : now) : null,
    updated_at: now,
    ...extra,
  });
  if (state === 'scheduled') await services.jobs.schedule('publish', publishAt!, { postId: post.id }, { key: jobKey(post.id), transaction });
  else await services.jobs.cancel(jobKey(post.id), { transaction });
  if (state === 'published' || post.state === 'published') await touchBlog(transaction, post.blog_id);
}

/** Lets go of a post's files and planned publication (the post is being deleted). */
export async function detachPost(services: Pick<Services, 'insertedFiles' | 'jobs'>, postId: number, transaction: Knex.Transaction): Promise<void> {
  await services.insertedFiles.detach({ type: 'post', id: postId }, { transaction });
  await services.jobs.cancel(jobKey(postId), { transaction });
}

/** Tells the blog's readers who follow it that a post is out (sent after the publication's commit). */
export async function announcePublished(services: Services, postId: number, actor: number | null): Promise<void> {
  const row = await postRow(services.db, postId);
  if (!row || row.state !== 'published') return;
  const blog = (await services.db('blogs').where({ id: row.blog_id }).first('title')) as { title: string };
  const readers = await peopleWith(services, row.blog_id, 'read');
  const stopped = new Set((await services.db('follows').where({ blog_id: row.blog_id, following: false }).pluck('user_id')).map(Number));
  const users = readers.filter((id) => !stopped.has(id));
  if (users.length === 0) return;
  await services.notify.send({
    type: 'post-published', recipients: { users }, actor,
    resource: { app: 'blog', id: `post:${row.id}`, url: `/apps/blog/posts/${row.id}` },
    params: { title: row.title, blog: blog.title },
  });
}

/** Tells the blog's managers that a post waits for them. */
export async function announceSubmitted(services: Services, postId: number, actor: number): Promise<void> {
  const row = await postRow(services.db, postId);
  if (!row || row.state !== 'submitted') return;
  const blog = (await services.db('blogs').where({ id: row.blog_id }).first('title')) as { title: string };
  const managers = await peopleWith(services, row.blog_id, 'manage');
  if (managers.length === 0) return;
  await services.notify.send({
    type: 'post-submitted', recipients: { users: managers }, actor,
    resource: { app: 'blog', id: `post:${row.id}`, url: `/apps/blog/posts/${row.id}` },
    params: { title: row.title, blog: blog.title },
  });
}

/** The job that publishes a scheduled post at its time, on one process. */
export function definePublishJob(services: Services): void {
  services.jobs.define('publish', async (payload) => {
    const postId = Number(payload.postId);
    const published = await services.db.transaction(async (transaction) => {
      const row = await transaction('posts').where({ id: postId }).forUpdate().first('id', 'blog_id', 'state', 'publish_at');
      // Changed since (sent back, published by hand, deleted): the write that changed it cancelled this job.
      if (!row || row.state !== 'scheduled') return false;
      await setState(services, transaction, row as PostRow, 'published', null);
      return true;
    });
    if (!published) return;
    await publicCache(services).changed();
    await announcePublished(services, postId, null);
  });
}

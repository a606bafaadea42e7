import { createHash } from 'node:crypto';
import { Feed } from 'feed';
import { decodePageCursor, encodePageCursor, Id, MAX_ID, PageCursorSchema, Type, type PluginApp, type PluginServices } from '@preau/sdk';
import { blogFor } from './blogs.js';
import { PostNotFound, PublicBlogNotFound } from './errors.js';
import { canSee, postRow } from './posts.js';
import { publicCache, type PublicBlog, type Rendered } from './public-cache.js';
import { article, escapeHtml, page, STYLESHEET } from './public-html.js';
import { Errors, PostParams, Slug } from './schemas.js';

const PAGE_SIZE = 10;
const FEED_SIZE = 20;
/**
 * Shared caches may keep a public page but must ask again each time (an ETag makes it a 304): a post taken off
 * the blog is gone from every reader at once, as the issue demands of unpublishing.
 */
const PUBLIC_CACHE = 'public, no-cache';
const FILE_ADDRESS = /\/api\/core\/files\/([a-f0-9]{32})/g;

/** What these pages use of Fastify's request and reply (plugins import only the SDK). */
interface FastifyRequest {
  url: string;
  protocol: string;
  host: string;
  headers: Record<string, string | string[] | undefined>;
}
interface FastifyReply {
  code(status: number): FastifyReply;
  header(name: string, value: string): FastifyReply;
  type(contentType: string): FastifyReply;
  send(payload?: unknown): FastifyReply;
  redirect(url: string, status?: number): FastifyReply;
}


const SlugParams = Type.Object({ slug: Slug });
const SlugPostParams = Type.Object({ slug: Slug, postId: Id() });
const SlugFileParams = Type.Object({ slug: Slug, blobId: Type.String({ pattern: '^[a-f0-9]{32}$' }) });
const PageQuery = Type.Object({ before: Type.Optional(PageCursorSchema()) }, { additionalProperties: false });
const HTML = 'text/html; charset=utf-8';

/**
 * The public blogs, for anyone: pages of published posts (server-rendered, no script), one post, Atom and RSS
 * feeds, and the pictures of published posts. Nothing else: no comment, no author, no draft, nothing of a
 * blog that is not public. A slug's blog (with its version) is remembered until a write changes a blog, on
 * any process (see `PublicCache`); the rendered page is cached under that version, which every such write raises.
 */
export async function publicPages(app: PluginApp, services: PluginServices): Promise<void> {
  const { db, apps, sanitize, storage } = services;
  const cache = publicCache(services);
  await cache.listen();

  /** The public blog at this slug, or a 301 to its address of today when the slug is an earlier one. */
  const resolve = async (request: FastifyRequest, reply: FastifyReply, slug: string): Promise<PublicBlog | null> => {
    const answer = await cache.lookup(slug, async () => {
      const blog = (await db('blogs').where({ slug }).first('id', 'school_id', 'title', 'description', 'cover_blob_id', 'slug', 'version')) as PublicBlog | undefined;
      if (blog) return { blog };
      const moved = (await db('old_slugs as o').join('blogs as b', 'b.id', 'o.blog_id').where('o.slug', slug).whereNotNull('b.slug').first('b.slug')) as { slug: string } | undefined;
      return moved ? { movedTo: moved.slug } : null;
    });
    if (answer && 'movedTo' in answer) {
      const rest = request.url.slice(`/pub/blog/${slug}`.length);
      reply.header('cache-control', 'public, max-age=3600').redirect(`/pub/blog/${answer.movedTo}${rest}`, 301);
      return null;
    }
    if (answer && apps.isEnabled(answer.blog.school_id, 'blog')) return answer.blog;
    notFound(reply);
    return null;
  };

  /** A visitor's 404: a page to read (its message is the coded error's), not JSON. */
  const notFound = (reply: FastifyReply) => {
    const message = PublicBlogNotFound().messages.fr;
    reply.code(404).type(HTML).header('cache-control', PUBLIC_CACHE)
      .send(page({ title: message, description: message, url: '', image: null }, `<main><h1>${escapeHtml(message)}</h1></main>`));
  };

  const origin = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

  /** Sends a rendered page with its ETag, or 304 when the reader has it; renders it once per blog version. */
  const serve = async (request: FastifyRequest, reply: FastifyReply, key: string, render: () => Promise<Omit<Rendered, 'etag'>>): Promise<void> => {
    let rendered = cache.pages.get(key);
    if (!rendered) {
      const made = await render();
      rendered = { ...made, etag: `"${createHash('sha256').update(made.body).digest('base64url').slice(0, 27)}"` };
      cache.remember(key, rendered);
    }
    reply.header('cache-control', PUBLIC_CACHE).header('etag', rendered.etag).type(rendered.type);
    if (request.headers['if-none-match'] === rendered.etag) reply.code(304).send();
    else reply.send(rendered.body);
  };

  /** Published posts, newest first, from a cursor. */
  const published = (blogId: number, limit: number, before?: { at: Date; id: number }) => {
    const query = db('posts').where({ blog_id: blogId, state: 'published' });
    if (before) query.whereRaw('(published_at, id) < (?, ?)', [before.at, before.id]);
    return query.orderBy([{ column: 'published_at', order: 'desc' }, { column: 'id', order: 'desc' }]).limit(limit)
      .select('id', 'title', 'body', 'body_text', 'published_at') as Promise<{ id: number; title: string; body: string; body_text: string; published_at: Date }[]>;
  };

  /** A post's text for the public: sanitized again, its files at the public blog's address. */
  const publicBody = (blog: PublicBlog, body: string) => sanitize.richText(body).replace(FILE_ADDRESS, `/pub/blog/${blog.slug}/files/$1`);
  const cover = (blog: PublicBlog, base: string) => (blog.cover_blob_id ? `${base}/pub/blog/${blog.slug}/files/${blog.cover_blob_id}` : null);
  const schoolName = async (blog: PublicBlog) => ((await db('schools').where({ id: blog.school_id }).first('name')) as { name: string } | undefined)?.name ?? '';
  const header = (blog: PublicBlog, school: string, home: boolean) => `<header class="blog">
${blog.cover_blob_id ? `<img class="cover" src="/pub/blog/${blog.slug}/files/${blog.cover_blob_id}" alt="">` : ''}
<p class="school">${escapeHtml(school)}</p>
${home ? `<h1>${escapeHtml(blog.title)}</h1>` : `<p><a href="/pub/blog/${blog.slug}">${escapeHtml(blog.title)}</a></p>`}
${home && blog.description ? `<p>${escapeHtml(blog.description)}</p>` : ''}
</header>`;
  const footer = (blog: PublicBlog, school: string) => `<footer>
<p>${escapeHtml(school)} — blog publié avec Préau. Suivre : <a href="/pub/blog/${blog.slug}/feed.atom">flux Atom</a> · <a href="/pub/blog/${blog.slug}/feed.rss">flux RSS</a></p>
</footer>`;

  app.get('/assets/blog.css', {
    config: { public: true },
    schema: { response: { 200: Type.String(), ...Errors } },
  }, async (_request, reply) => reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=86400').send(STYLESHEET));

  app.get('/:slug', {
    config: { public: true },
    schema: { params: SlugParams, querystring: PageQuery, response: { 200: Type.String(), 301: Type.Null(), 304: Type.Null(), ...Errors } },
  }, async (request, reply) => {
    const blog = await resolve(request, reply, request.params.slug);
    if (!blog) return;
    const before = decodePageCursor(request.query.before, { maxId: MAX_ID });
    const base = origin(request);
    return serve(request, reply, `${blog.id}:${blog.version}:page:${request.query.before ?? ''}:${base}`, async () => {
      const rows = await published(blog.id, PAGE_SIZE + 1, before);
      const shown = rows.slice(0, PAGE_SIZE);
      const last = shown.at(-1);
      const school = await schoolName(blog);
      const older = rows.length > PAGE_SIZE && last ? `<a href="/pub/blog/${blog.slug}?before=${encodePageCursor({ at: last.published_at, id: last.id })}">Articles plus anciens →</a>` : '';
      const main = shown.length
        ? shown.map((p) => article({ title: p.title, body: publicBody(blog, p.body), publishedAt: p.published_at, link: `/pub/blog/${blog.slug}/posts/${p.id}` }, 'h2')).join('\n')
        : '<p>Aucun article pour le moment.</p>';
      const body = `${header(blog, school, true)}
<main>
${main}
</main>
<nav class="pages">${before ? `<a href="/pub/blog/${blog.slug}">← Articles les plus récents</a>` : '<span></span>'}${older}</nav>
${footer(blog, school)}`;
      return {
        type: HTML,
        body: page({
          title: school ? `${blog.title} — ${school}` : blog.title,
          description: blog.description || blog.title,
          url: `${base}/pub/blog/${blog.slug}`,
          image: cover(blog, base),
          feeds: { atom: `/pub/blog/${blog.slug}/feed.atom`, rss: `/pub/blog/${blog.slug}/feed.rss` },
        }, body),
      };
    });
  });

  app.get('/:slug/posts/:postId', {
    config: { public: true },
    schema: { params: SlugPostParams, response: { 200: Type.String(), 301: Type.Null(), 304: Type.Null(), ...Errors } },
  }, async (request, reply) => {
    const blog = await resolve(request, reply, request.params.slug);
    if (!blog) return;
    const base = origin(request);
    const post = (await db('posts').where({ id: request.params.postId, blog_id: blog.id, state: 'published' }).first('id', 'title', 'body', 'body_text', 'published_at')) as
      { id: number; title: string; body: string; body_text: string; published_at: Date } | undefined;
    if (!post) return notFound(reply);
    return serve(request, reply, `${blog.id}:${blog.version}:post:${post.id}:${base}`, async () => {
      const school = await schoolName(blog);
      const firstImage = /\/api\/core\/files\/([a-f0-9]{32})/.exec(post.body)?.[1];
      return {
        type: HTML,
        body: page({
          title: `${post.title} — ${blog.title}`,
          description: post.body_text.slice(0, 200) || blog.title,
          url: `${base}/pub/blog/${blog.slug}/posts/${post.id}`,
          image: firstImage ? `${base}/pub/blog/${blog.slug}/files/${firstImage}` : cover(blog, base),
          feeds: { atom: `/pub/blog/${blog.slug}/feed.atom`, rss: `/pub/blog/${blog.slug}/feed.rss` },
        }, `${header(blog, school, false)}\n<main>\n${article({ title: post.title, body: publicBody(blog, post.body), publishedAt: post.published_at }, 'h1')}\n</main>\n${footer(blog, school)}`),
      };
    });
  });

  for (const format of ['atom', 'rss'] as const) {
    app.get(`/:slug/feed.${format}`, {
      config: { public: true },
      schema: { params: SlugParams, response: { 200: Type.String(), 301: Type.Null(), 304: Type.Null(), ...Errors } },
    }, async (request, reply) => {
      const blog = await resolve(request, reply, request.params.slug);
      if (!blog) return;
      const base = origin(request);
      return serve(request, reply, `${blog.id}:${blog.version}:${format}:${base}`, async () => {
        const rows = await published(blog.id, FEED_SIZE);
        const link = `${base}/pub/blog/${blog.slug}`;
        const feed = new Feed({
          id: link, link, title: blog.title, description: blog.description || blog.title, language: 'fr',
          updated: rows[0]?.published_at ?? new Date(0), generator: 'Préau', copyright: await schoolName(blog),
          image: cover(blog, base) ?? undefined,
          feedLinks: { atom: `${link}/feed.atom`, rss: `${link}/feed.rss` },
        });
        for (const row of rows) {
          feed.addItem({
            id: `${link}/posts/${row.id}`, link: `${link}/posts/${row.id}`, title: row.title, date: row.published_at,
            description: row.body_text.slice(0, 300), content: publicBody(blog, row.body).replace(/(src|href)="\/pub\//g, `$1="${base}/pub/`),
          });
        }
        return format === 'atom'
          ? { type: 'application/atom+xml; charset=utf-8', body: feed.atom1() }
          : { type: 'application/rss+xml; charset=utf-8', body: feed.rss2() };
      });
    });
  }

  // A file is served only as the cover of a public blog or inside one of its published posts.
  app.get('/:slug/files/:blobId', {
    config: { public: true },
    schema: { params: SlugFileParams, response: { 301: Type.Null(), ...Errors } },
  }, async (request, reply) => {
    const blog = await resolve(request, reply, request.params.slug);
    if (!blog) return;
    const { blobId } = request.params;
    const inPost = blog.cover_blob_id === blobId || Boolean(await db('post_files as f').join('posts as p', 'p.id', 'f.post_id')
      .where({ 'f.blob_id': blobId, 'p.blog_id': blog.id, 'p.state': 'published' }).first('p.id'));
    if (!inPost) throw PublicBlogNotFound();
    reply.header('cache-control', 'public, no-cache');
    return storage.send(reply, blobId, { inline: true });
  });
}

/** A post printed on one clean page, without the shell around it: whoever sees the post. */
export async function printRoutes(app: PluginApp, services: PluginServices): Promise<void> {
  const { sanitize } = services;
  app.get('/posts/:postId/print', {
    schema: { params: PostParams, response: { 200: Type.String(), ...Errors } },
  }, async (request, reply) => {
    const user = request.currentUser!;
    const row = await postRow(services.db, request.params.postId);
    if (!row) throw PostNotFound();
    const found = await blogFor(services, user, request.currentSchools, row.blog_id, 'read', 'lire ce blog').catch(() => null);
    if (!found || !canSee(row, user, found.role)) throw PostNotFound();
    const body = `<main>${article({ title: row.title, body: sanitize.richText(row.body), publishedAt: row.published_at ?? row.updated_at }, 'h1')}
<p class="date">${escapeHtml(found.blog.title)}${row.author_name ? ` — ${escapeHtml(row.author_name)}` : ''}</p></main>`;
    return reply.type(HTML).header('cache-control', 'private, no-store')
      .send(page({ title: row.title, description: row.title, url: `/apps/blog/posts/${row.id}`, image: null }, body));
  });
}

import t from 'tap';
import { createTestPlatform, fileUpload, waitFor, type TestPlatform } from '@preau/core/testing';
import plugin from '../src/index.js';
import { blogApi, school, type BlogAnswer, type PostAnswer } from './helpers.js';

let platform: TestPlatform;
let api: ReturnType<typeof blogApi>;
t.before(async () => {
  platform = await createTestPlatform({ plugins: [plugin] });
  api = blogApi(platform);
});
t.teardown(() => platform.close());

// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

async function publicSchoolBlog(slug: string) {
  const world = await school(platform);
  const created = await platform.as(world.director).inject({ method: 'POST', url: '/api/blog/blogs', payload: { schoolId: world.s.id, title: "Le blog de l'école", description: 'La vie de notre école', publication: 'immediate' } });
  const blog = created.json() as BlogAnswer;
  if (!blog.canPublishPublic) throw new Error('the director may make it public');
  const made = await platform.as(world.director).inject({ method: 'PUT', url: `/api/blog/blogs/${blog.id}/public`, payload: { slug } });
  if (made.statusCode !== 200) throw new Error(made.body);
  return { ...world, blog };
}

t.test('a public blog is server-rendered HTML for anyone: title, description, Open Graph, public cache, no script, published posts only', async (t) => {
  const { director, pupil, blog, teacher } = await publicSchoolBlog('ecole-des-tilleuls');
  await platform.as(director).inject({ method: 'PUT', url: `/api/core/shares/blog/blog/${blog.id}`, payload: { role: 'contribute', users: [pupil.id, teacher.id] } });
  await api.write(director, blog.id, { title: 'Kermesse', body: '<p>La <em>kermesse</em> aura lieu samedi.</p><script>alert(1)</script>' });
  await api.write(pupil, blog.id, { title: 'Brouillon élève', submit: true });
  await api.write(teacher, blog.id, { title: 'Brouillon maître', submit: false });
  const pageAnswer = await platform.inject('/pub/blog/ecole-des-tilleuls');
  t.equal(pageAnswer.statusCode, 200);
  t.match(pageAnswer.headers['content-type'], /text\/html/);
  t.match(pageAnswer.headers['cache-control'], /^public/);
  t.match(pageAnswer.headers['content-security-policy'], /default-src 'self'/, "the shell's CSP holds");
  t.match(pageAnswer.body, /<title>Le blog de l&#39;école — /);
  t.match(pageAnswer.body, /<meta name="description" content="La vie de notre école">/);
  t.match(pageAnswer.body, /<meta property="og:title"/);
  t.match(pageAnswer.body, /Kermesse/);
  t.match(pageAnswer.body, /<em>kermesse<\/em>/);
  t.notMatch(pageAnswer.body, /<script|alert\(1\)/, 'no script at all');
  t.notMatch(pageAnswer.body, /Brouillon/, 'neither a submitted post nor a draft');
  t.notMatch(pageAnswer.body, new RegExp(`${director.login}|${pupil.login}`), "no author's login");
  const again = await platform.inject({ url: '/pub/blog/ecole-des-tilleuls', headers: { 'if-none-match': pageAnswer.headers.etag as string } });
  t.equal(again.statusCode, 304, 'an unchanged page is a 304');
  const css = await platform.inject('/pub/blog/assets/blog.css');
  t.equal(css.statusCode, 200);
  t.match(css.headers['content-type'], /text\/css/);
  const nowhere = await platform.inject('/pub/blog/nulle-part');
  t.equal(nowhere.statusCode, 404);
  t.match(nowhere.headers['content-type'], /text\/html/, 'a visitor reads a page, not JSON');
  t.match(nowhere.body, /<h1>Il n&#39;y a pas de blog public à cette adresse.<\/h1>/);
});

t.test('the feed lists published posts only, and unpublishing removes a post from the page and the feed at once', async (t) => {
  const { director, blog, parent } = await publicSchoolBlog('blog-du-feed');
  const post = (await api.write(director, blog.id, { title: 'Carnaval' })).json() as PostAnswer;
  await api.write(director, blog.id, { title: 'Pas encore', submit: false });
  const atom = await platform.inject('/pub/blog/blog-du-feed/feed.atom');
  t.equal(atom.statusCode, 200);
  t.match(atom.headers['content-type'], /application\/atom\+xml/);
  t.match(atom.body, /<feed[\s\S]*Carnaval/);
  t.notMatch(atom.body, /Pas encore/);
  const rss = await platform.inject('/pub/blog/blog-du-feed/feed.rss');
  t.match(rss.body, /<rss[\s\S]*Carnaval/);
  t.match((await platform.inject(`/pub/blog/blog-du-feed/posts/${post.id}`)).body, /<h1>Carnaval<\/h1>/);
  // The comment of a parent never shows publicly.
  await platform.as(parent).inject({ method: 'POST', url: `/api/blog/posts/${post.id}/comments`, payload: { body: 'Commentaire secret' } });
  await platform.as(director).inject({ method: 'POST', url: '/api/blog/comments/1/approve' });
  t.notMatch((await platform.inject(`/pub/blog/blog-du-feed/posts/${post.id}`)).body, /Commentaire secret/);

  t.equal((await platform.as(director).inject({ method: 'POST', url: `/api/blog/posts/${post.id}/unpublish` })).statusCode, 200);
  t.notMatch((await platform.inject('/pub/blog/blog-du-feed')).body, /Carnaval/, 'gone from the page at once');
  t.notMatch((await platform.inject('/pub/blog/blog-du-feed/feed.atom')).body, /Carnaval/, 'and from the feed');
  t.equal((await platform.inject(`/pub/blog/blog-du-feed/posts/${post.id}`)).statusCode, 404);
  // Made private: nothing answers any more.
  await platform.as(director).inject({ method: 'PUT', url: `/api/blog/blogs/${blog.id}/public`, payload: { slug: null } });
  t.equal((await platform.inject('/pub/blog/blog-du-feed')).statusCode, 404);
  t.equal((await platform.inject('/pub/blog/blog-du-feed/feed.rss')).statusCode, 404);
});

t.test('a slug is unique and URL-safe, chosen by those who hold the right, and an old slug redirects (301)', async (t) => {
  const { director, blog, teacher, s, cm2 } = await publicSchoolBlog('premier-nom');
  const classBlog = await api.createClassBlog(teacher, s.id, cm2.id);
  const refused = await platform.as(teacher).inject({ method: 'PUT', url: `/api/blog/blogs/${classBlog.id}/public`, payload: { slug: 'la-classe' } });
  t.equal(refused.statusCode, 403, 'a teacher without the right cannot make a blog public');
  t.match(refused.json(), { code: 'BLOG_ERR_PUBLIC_RIGHT' });
  const unsafe = await platform.as(director).inject({ method: 'PUT', url: `/api/blog/blogs/${blog.id}/public`, payload: { slug: '../Admin' } });
  t.equal(unsafe.statusCode, 400);
  const other = await platform.as(director).inject({ method: 'POST', url: '/api/blog/blogs', payload: { schoolId: s.id, title: 'Autre' } });
  const taken = await platform.as(director).inject({ method: 'PUT', url: `/api/blog/blogs/${other.json().id}/public`, payload: { slug: 'premier-nom' } });
  t.equal(taken.statusCode, 409);
  t.match(taken.json(), { code: 'BLOG_ERR_SLUG_TAKEN', message: /premier-nom/ });
  t.equal((await platform.as(director).inject({ method: 'PUT', url: `/api/blog/blogs/${blog.id}/public`, payload: { slug: 'nouveau-nom' } })).json().slug, 'nouveau-nom');
  const moved = await platform.inject('/pub/blog/premier-nom/feed.atom');
  t.equal(moved.statusCode, 301);
  t.equal(moved.headers.location, '/pub/blog/nouveau-nom/feed.atom');
  t.equal((await platform.inject('/pub/blog/nouveau-nom')).statusCode, 200);
});

t.test("a picture is served publicly only inside a published post of a public blog", async (t) => {
  const { director, blog, teacher, s, cm2 } = await publicSchoolBlog('blog-images');
  const upload = await platform.as(director).inject({ method: 'POST', url: '/api/core/files', ...fileUpload('photo.png', PNG, 'image/png') });
  t.equal(upload.statusCode, 201, upload.body);
  const { id: blobId, src } = upload.json() as { id: string; src: string };
  const draft = (await api.write(director, blog.id, { title: 'Photo', body: `<p><img src="${src}" alt="La cour"></p>`, submit: false })).json() as PostAnswer;
  t.equal((await platform.inject(`/pub/blog/blog-images/files/${blobId}`)).statusCode, 404, 'not while the post is a draft');
  await platform.as(director).inject({ method: 'POST', url: `/api/blog/posts/${draft.id}/publish`, payload: {} });
  const page = await platform.inject('/pub/blog/blog-images');
  t.match(page.body, new RegExp(`<img src="/pub/blog/blog-images/files/${blobId}"`), 'the page points at the public address');
  const image = await platform.inject(`/pub/blog/blog-images/files/${blobId}`);
  t.equal(image.statusCode, 200);
  t.match(image.headers['content-type'], /image\/png/);
  // The same picture in a class blog's post is not public through another blog's address.
  const classBlog = await api.createClassBlog(teacher, s.id, cm2.id);
  const upload2 = (await platform.as(teacher).inject({ method: 'POST', url: '/api/core/files', ...fileUpload('classe.png', PNG, 'image/png') })).json() as { id: string; src: string };
  await api.write(teacher, classBlog.id, { title: 'Classe', body: `<p><img src="${upload2.src}"></p>` });
  t.equal((await platform.inject(`/pub/blog/blog-images/files/${upload2.id}`)).statusCode, 404);
  await platform.as(director).inject({ method: 'POST', url: `/api/blog/posts/${draft.id}/unpublish` });
  t.equal((await platform.inject(`/pub/blog/blog-images/files/${blobId}`)).statusCode, 404, 'unpublished: the picture is no longer public');
});

t.test("another process's change reaches this process's public page through the event bus", async (t) => {
  const { director, blog } = await publicSchoolBlog('autre-processus');
  await api.write(director, blog.id, { title: 'Avant' });
  t.match((await platform.inject('/pub/blog/autre-processus')).body, /Avant/, 'the page is rendered and remembered');
  // Another process takes the post off: its write in the database and its message, nothing of this process.
  await platform.knex('blog.posts').where({ blog_id: blog.id }).update({ state: 'submitted', published_at: null });
  await platform.knex('blog.blogs').where({ id: blog.id }).update({ version: platform.knex.raw('version + 1') });
  await platform.knex.raw("select pg_notify('blog_public_changed', '{}')");
  const body = await waitFor(async () => {
    const page = (await platform.inject('/pub/blog/autre-processus')).body;
    return /Avant/.test(page) ? null : page;
  }, { what: 'the page to follow the message' });
  t.notMatch(body, /Avant/, 'gone once the message arrives');
});

t.test('a school that switches the blog off has no public blog any more, at once', async (t) => {
  const { director, blog, s } = await publicSchoolBlog('ecole-eteinte');
  await api.write(director, blog.id, { title: 'Bientôt éteint' });
  t.equal((await platform.inject('/pub/blog/ecole-eteinte')).statusCode, 200);
  const off = await platform.as(director).inject({ method: 'PUT', url: `/api/core/schools/${s.id}/apps/blog`, payload: { enabled: false } });
  t.equal(off.statusCode, 200, off.body);
  t.equal((await platform.inject('/pub/blog/ecole-eteinte')).statusCode, 404);
  t.equal((await platform.inject('/pub/blog/ecole-eteinte/feed.atom')).statusCode, 404);
});

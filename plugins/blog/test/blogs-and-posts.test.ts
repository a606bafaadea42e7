import t from 'tap';
import { createTestPlatform, fileUpload, type TestPlatform } from '@preau/core/testing';
import plugin from '../src/index.js';
import { blogApi, school, type BlogAnswer, type PostAnswer } from './helpers.js';

// One real Préau for the whole file (PGlite, or PostgreSQL with PREAU_TEST_DATABASE=postgres).
let platform: TestPlatform;
let api: ReturnType<typeof blogApi>;
t.before(async () => {
  platform = await createTestPlatform({ plugins: [plugin] });
  api = blogApi(platform);
});
t.teardown(() => platform.close());

t.test("a class blog is created by the class's teacher, read by its parents and pupils, and hidden from other classes", async (t) => {
  const { s, teacher, other, cm2, parent, pupil, otherParent, director } = await school(platform);
  const blog = await api.createClassBlog(teacher, s.id, cm2.id);
  t.match(blog, { kind: 'class', classId: cm2.id, role: 'owner', title: 'London, here we come !', slug: null });
  const byParent = (await platform.as(parent).inject('/api/blog/blogs')).json() as BlogAnswer[];
  t.match(byParent, [{ id: blog.id, role: 'read', following: true }]);
  t.match((await platform.as(pupil).inject(`/api/blog/blogs/${blog.id}`)).json(), { role: 'contribute' });
  t.equal((await platform.as(otherParent).inject(`/api/blog/blogs/${blog.id}`)).statusCode, 404, "another class's parent gets 404");
  t.same((await platform.as(otherParent).inject('/api/blog/blogs')).json(), []);
  const refused = await platform.as(other).inject({ method: 'POST', url: '/api/blog/blogs', payload: { schoolId: s.id, classId: cm2.id, title: 'Pas ma classe' } });
  t.equal(refused.statusCode, 403);
  t.match(refused.json(), { code: 'BLOG_ERR_CANNOT_CREATE', message: /enseignants/ });
  t.equal((await platform.as(parent).inject({ method: 'POST', url: '/api/blog/blogs', payload: { schoolId: s.id, title: 'Blog des parents' } })).statusCode, 403, 'a parent creates no blog');
  t.equal((await platform.as(teacher).inject({ method: 'POST', url: '/api/blog/blogs', payload: { schoolId: s.id, title: "Blog de l'école" } })).statusCode, 403, 'a teacher creates no school blog');
  const schoolBlog = await platform.as(director).inject({ method: 'POST', url: '/api/blog/blogs', payload: { schoolId: s.id, title: "Blog de l'école" } });
  t.equal(schoolBlog.statusCode, 201, 'the director creates the school blog');
  t.match((await platform.as(otherParent).inject(`/api/blog/blogs/${schoolBlog.json().id}`)).json(), { role: 'read' }, 'every family of the school reads it');
  const bad = await platform.as(teacher).inject({ method: 'PATCH', url: `/api/blog/blogs/${blog.id}`, payload: { comments: 'sometimes' } });
  t.equal(bad.statusCode, 400);
  t.match(bad.json(), { code: 'PREAU_ERR_VALIDATION' });
});

t.test("a pupil's post waits for the teacher, unseen by readers and notifications, until the teacher publishes it", async (t) => {
  const { s, teacher, cm2, parent, pupil } = await school(platform);
  const blog = await api.createClassBlog(teacher, s.id, cm2.id, { publication: 'immediate' });
  const written = await api.write(pupil, blog.id, { title: 'Big Ben', body: '<p>On a vu <strong>Big Ben</strong></p><script>alert(1)</script><img src="x" onerror="alert(1)">' });
  t.equal(written.statusCode, 201, written.body);
  const post = written.json() as PostAnswer;
  t.equal(post.state, 'submitted', "a pupil's post waits even on an immediate blog");
  t.notMatch(post.body, /script|onerror/, 'the text is sanitized on the server');
  t.same(await api.titles(parent, blog.id), [], 'the parent does not see it');
  t.equal((await platform.as(parent).inject(`/api/blog/posts/${post.id}`)).statusCode, 404);
  t.equal((await platform.as(cm2.pupils[1]!).inject(`/api/blog/posts/${post.id}`)).statusCode, 404, 'nor does another pupil');
  t.same((await api.timeline(parent)).map((i) => i.type), [], 'nothing in the parent timeline');
  t.match(await api.timeline(teacher), [{ type: 'post-submitted', resource: { id: `post:${post.id}` } }], 'the teacher is told');
  t.match((await platform.as(teacher).inject(`/api/blog/blogs/${blog.id}`)).json(), { waiting: 1 });
  const launcher = (await platform.as(teacher).inject('/api/core/apps')).json() as { name: string; badge: { count: number } | null }[];
  t.match(launcher.find((a) => a.name === 'blog'), { badge: { count: 1 } }, "the launcher's badge counts the post waiting");
  t.match((await platform.as(teacher).inject(`/api/blog/blogs/${blog.id}/queue`)).json(), [{ id: post.id, state: 'submitted' }]);
  t.equal((await platform.as(pupil).inject({ method: 'POST', url: `/api/blog/posts/${post.id}/publish`, payload: {} })).statusCode, 403, 'the pupil cannot publish');

  const published = await platform.as(teacher).inject({ method: 'POST', url: `/api/blog/posts/${post.id}/publish`, payload: {} });
  t.equal(published.statusCode, 200, published.body);
  t.equal(published.json().state, 'published');
  t.same(await api.titles(parent, blog.id), ['Big Ben']);
  t.match(await api.timeline(parent), [{ type: 'post-published', resource: { id: `post:${post.id}` } }], 'the parent is told once it is out');

  // Editing by the pupil sends it back to validation: readers lose it at once.
  const edited = await platform.as(pupil).inject({ method: 'PUT', url: `/api/blog/posts/${post.id}`, payload: { title: 'Big Ben !', body: '<p>Encore</p>', submit: true } });
  t.equal(edited.json().state, 'submitted');
  t.same(await api.titles(parent, blog.id), [], 'an edited post waits again');
});

t.test('a contributor publishes at once on an immediate blog, waits on a restrained one, and editing a published post there sends it back', async (t) => {
  const { s, teacher, cm2, parent, other } = await school(platform);
  const blog = await api.createClassBlog(teacher, s.id, cm2.id, { publication: 'immediate' });
  const shared = await platform.as(teacher).inject({ method: 'PUT', url: `/api/core/shares/blog/blog/${blog.id}`, payload: { role: 'contribute', users: [other.id] } });
  t.equal(shared.statusCode, 200, shared.body);
  const first = (await api.write(other, blog.id, { title: 'Piscine' })).json() as PostAnswer;
  t.equal(first.state, 'published', 'immediate: published at once');
  await platform.as(teacher).inject({ method: 'PATCH', url: `/api/blog/blogs/${blog.id}`, payload: { publication: 'restrained' } });
  const second = (await api.write(other, blog.id, { title: 'Musée' })).json() as PostAnswer;
  t.equal(second.state, 'submitted', 'restrained: it waits');
  const edited = await platform.as(other).inject({ method: 'PUT', url: `/api/blog/posts/${first.id}`, payload: { title: 'Piscine (modifié)', body: '<p>x</p>', submit: true } });
  t.equal(edited.json().state, 'submitted', 'its author editing a published post of a restrained blog sends it back to validation');
  t.same(await api.titles(parent, blog.id), []);
  const byManager = await platform.as(teacher).inject({ method: 'PUT', url: `/api/blog/posts/${second.id}`, payload: { title: 'Musée du Louvre', body: '<p>corrigé</p>', submit: true } });
  t.equal(byManager.json().state, 'submitted', 'a manager correcting a waiting post leaves it waiting');
  const returned = await platform.as(teacher).inject({ method: 'POST', url: `/api/blog/posts/${second.id}/return`, payload: { comment: 'Ajoute une photo' } });
  t.match(returned.json(), { state: 'draft', returnedComment: 'Ajoute une photo' });
  t.match(await api.timeline(other), [{ type: 'post-returned' }]);
  t.equal((await platform.as(teacher).inject(`/api/blog/posts/${second.id}`)).statusCode, 404, "a draft is its author's alone");
  t.match((await platform.as(other).inject(`/api/blog/blogs/${blog.id}/mine`)).json(), [{ id: second.id, returnedComment: 'Ajoute une photo' }, { id: first.id }]);
});

t.test('a post planned for later is published by the job at its time, and readers page newest first', async (t) => {
  const { s, teacher, cm2, parent } = await school(platform);
  const blog = await api.createClassBlog(teacher, s.id, cm2.id);
  for (const title of ['Un', 'Deux', 'Trois']) {
    t.equal((await api.write(teacher, blog.id, { title })).json().state, 'published');
    platform.clock.advance(1000);
  }
  const at = new Date(platform.clock.now().getTime() + 3_600_000).toISOString();
  const planned = (await api.write(teacher, blog.id, { title: 'Plus tard', publishAt: at })).json() as PostAnswer;
  t.equal(planned.state, 'scheduled');
  const past = await api.write(teacher, blog.id, { title: 'Hier', publishAt: '2000-01-01T00:00:00Z' });
  t.equal(past.statusCode, 400);
  t.match(past.json(), { code: 'BLOG_ERR_PUBLISH_DATE' });
  t.same(await api.titles(parent, blog.id), ['Trois', 'Deux', 'Un']);
  const page = (await platform.as(parent).inject(`/api/blog/blogs/${blog.id}/posts?limit=2`)).json() as { posts: PostAnswer[]; nextCursor: string };
  t.same(page.posts.map((p) => p.title), ['Trois', 'Deux']);
  const next = (await platform.as(parent).inject(`/api/blog/blogs/${blog.id}/posts?limit=2&cursor=${page.nextCursor}`)).json() as { posts: PostAnswer[]; nextCursor: string | null };
  t.same(next.posts.map((p) => p.title), ['Un']);
  t.equal(next.nextCursor, null);
  platform.clock.advance(3_600_001);
  t.ok(await platform.runScheduledJobs() >= 1);
  t.same((await api.titles(parent, blog.id) as string[])[0], 'Plus tard', 'the job published it');
  t.ok((await api.timeline(parent)).some((i) => i.type === 'post-published' && i.resource.id === `post:${planned.id}`));
});

t.test('comments: moderated ones wait for a manager, closed blogs refuse them, a manager deletes any', async (t) => {
  const { s, teacher, cm2, parent, secondParent } = await school(platform);
  const blog = await api.createClassBlog(teacher, s.id, cm2.id);
  const post = (await api.write(teacher, blog.id, { title: 'Tower Bridge' })).json() as PostAnswer;
  const comment = await platform.as(parent).inject({ method: 'POST', url: `/api/blog/posts/${post.id}/comments`, payload: { body: 'Merci pour les photos !' } });
  t.equal(comment.statusCode, 201, comment.body);
  t.match(comment.json(), { state: 'pending', canDelete: true });
  t.same((await platform.as(secondParent).inject(`/api/blog/posts/${post.id}`)).json().comments, [], 'another parent does not see a comment waiting');
  t.match(await api.timeline(teacher), [{ type: 'comment-waiting' }]);
  t.match((await platform.as(teacher).inject(`/api/blog/blogs/${blog.id}/pending-comments`)).json(), [{ id: comment.json().id }]);
  t.equal((await platform.as(secondParent).inject({ method: 'POST', url: `/api/blog/comments/${comment.json().id}/approve` })).statusCode, 404);
  t.equal((await platform.as(teacher).inject({ method: 'POST', url: `/api/blog/comments/${comment.json().id}/approve` })).statusCode, 200);
  t.match((await platform.as(secondParent).inject(`/api/blog/posts/${post.id}`)).json().comments, [{ body: 'Merci pour les photos !', state: 'published', canDelete: false }]);
  t.equal((await platform.as(secondParent).inject({ method: 'DELETE', url: `/api/blog/comments/${comment.json().id}` })).statusCode, 403);
  t.equal((await platform.as(teacher).inject({ method: 'DELETE', url: `/api/blog/comments/${comment.json().id}` })).statusCode, 204, 'a manager deletes any comment');
  await platform.as(teacher).inject({ method: 'PATCH', url: `/api/blog/blogs/${blog.id}`, payload: { comments: 'none' } });
  const closed = await platform.as(parent).inject({ method: 'POST', url: `/api/blog/posts/${post.id}/comments`, payload: { body: 'Encore' } });
  t.equal(closed.statusCode, 403);
  t.match(closed.json(), { code: 'BLOG_ERR_COMMENTS_CLOSED', message: /fermés/ });
  await platform.as(teacher).inject({ method: 'PATCH', url: `/api/blog/blogs/${blog.id}`, payload: { comments: 'immediate' } });
  t.match((await platform.as(parent).inject({ method: 'POST', url: `/api/blog/posts/${post.id}/comments`, payload: { body: 'Super' } })).json(), { state: 'published' });
});

t.test('a follower who stops following is no longer told of new posts', async (t) => {
  const { s, teacher, cm2, parent } = await school(platform);
  const blog = await api.createClassBlog(teacher, s.id, cm2.id);
  t.equal((await platform.as(parent).inject({ method: 'PUT', url: `/api/blog/blogs/${blog.id}/follow`, payload: { following: false } })).statusCode, 204);
  t.match((await platform.as(parent).inject(`/api/blog/blogs/${blog.id}`)).json(), { following: false });
  await api.write(teacher, blog.id, { title: 'Sans moi' });
  t.same(await api.timeline(parent), []);
});

t.test('a printed post is one page of HTML without the shell, for its readers only', async (t) => {
  const { s, teacher, cm2, parent, otherParent } = await school(platform);
  const blog = await api.createClassBlog(teacher, s.id, cm2.id);
  const post = (await api.write(teacher, blog.id, { title: 'À imprimer' })).json() as PostAnswer;
  const printed = await platform.as(parent).inject(`/api/blog/posts/${post.id}/print`);
  t.equal(printed.statusCode, 200);
  t.match(printed.headers['content-type'], /text\/html/);
  t.match(printed.body, /<h1>À imprimer<\/h1>/);
  t.notMatch(printed.body, /<script/);
  t.equal((await platform.as(otherParent).inject(`/api/blog/posts/${post.id}/print`)).statusCode, 404);
});

// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

t.test("a picture in a pupil's post opens for readers only once the post is published; a file the author may not read is refused", async (t) => {
  const { s, teacher, cm2, parent, pupil, otherParent } = await school(platform);
  const blog = await api.createClassBlog(teacher, s.id, cm2.id);
  const upload = (await platform.as(pupil).inject({ method: 'POST', url: '/api/core/files', ...fileUpload('dessin.png', PNG, 'image/png') })).json() as { id: string; src: string };
  const post = (await api.write(pupil, blog.id, { title: 'Mon dessin', body: `<p><img src="${upload.src}" alt="Big Ben"></p>` })).json() as PostAnswer;
  t.equal(post.state, 'submitted');
  t.equal((await platform.as(parent).inject(upload.src)).statusCode, 404, 'not while the post waits');
  t.equal((await platform.as(teacher).inject(upload.src)).statusCode, 200, 'the manager sees it to validate it');
  await platform.as(teacher).inject({ method: 'POST', url: `/api/blog/posts/${post.id}/publish`, payload: {} });
  t.equal((await platform.as(parent).inject(upload.src)).statusCode, 200, "the class's parent once it is published");
  t.equal((await platform.as(otherParent).inject(upload.src)).statusCode, 404, "never another class's parent");
  const private_ = (await platform.as(teacher).inject({ method: 'POST', url: '/api/core/files', ...fileUpload('bulletin.png', PNG, 'image/png') })).json() as { src: string };
  const refused = await api.write(pupil, blog.id, { title: 'Pas à moi', body: `<p><img src="${private_.src}" alt="x"></p>` });
  t.equal(refused.statusCode, 403);
  t.match(refused.json(), { code: 'PREAU_ERR_INSERTED_FILE' });
  t.same(await api.titles(parent, blog.id), ['Mon dessin'], 'nothing half-written');
});

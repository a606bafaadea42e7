import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { createTestPlatform, type TestUser } from '@preau/core/testing';
import type { FfmpegService } from '@preau/sdk';
import blog from '@preau/plugin-blog';
import media from '@preau/plugin-media';

// A pupil's recording follows the validation of the text it is inserted in: in a post waiting for the blog's
// teacher, only the pupil and the teacher play it; once published, the class's parents do too.
const platform = await createTestPlatform({ plugins: [blog, media] });
t.teardown(() => platform.close());
const ffmpeg = (platform.platform.plugins.get('media') as unknown as { services: { ffmpeg: FfmpegService } }).services.ffmpeg;

/** Two seconds of sound as Chromium records it (WebM/Opus). */
async function poem(): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'media-blog-'));
  try {
    await ffmpeg.run(['-v', 'error', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=2', '-c:a', 'libopus', '-f', 'webm', '-y', join(dir, 'poeme.webm')], { timeoutMs: 60_000 });
    return await readFile(join(dir, 'poeme.webm'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The pupil records (an upload in one chunk) and the conversion job runs; the recording's `src`. */
async function record(pupil: TestUser, bytes: Buffer): Promise<string> {
  const as = platform.as(pupil);
  const created = await as.inject({ method: 'POST', url: '/api/media/recordings', payload: { kind: 'audio', name: 'Mon poème', size: bytes.length } });
  const id = created.json().id as number;
  await as.inject({ method: 'PUT', url: `/api/media/recordings/${id}/chunks?offset=0`, payload: bytes, headers: { 'content-type': 'application/octet-stream' } });
  await platform.runScheduledJobs();
  return (await as.inject(`/api/media/recordings/${id}`)).json().src as string;
}

t.test("a pupil's recording in a blog post waiting for validation plays for the pupil and the teacher only, then for the parents once published", async (t) => {
  const school = await platform.createSchool();
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [school] });
  const cm2 = await platform.createClass({ school, label: 'CM2', teachers: [teacher], pupils: 2, relativesPerPupil: 1 });
  const [pupil, classmate] = cm2.pupils as [TestUser, TestUser];
  const parent = cm2.relatives[1]![0]!;
  const created = await platform.as(teacher).inject({ method: 'POST', url: '/api/blog/blogs', payload: { schoolId: school.id, classId: cm2.id, title: 'Nos poèmes' } });
  const blogId = created.json().id as number;

  const src = await record(pupil, await poem());
  t.match(src, /^\/api\/core\/files\/[a-f0-9]{32}$/, 'converted and ready to insert');
  const post = await platform.as(pupil).inject({
    method: 'POST', url: `/api/blog/blogs/${blogId}/posts`,
    payload: { title: 'Le corbeau et le renard', body: `<p>Je récite :</p><audio src="${src}" controls preload="metadata"></audio>`, submit: true },
  });
  t.equal(post.statusCode, 201, post.body);
  t.equal(post.json().state, 'submitted', 'a pupil’s post waits for the teacher');
  t.match(post.json().body, `<audio src="${src}"`, 'the player is kept by the sanitizer');

  const plays = async (user: TestUser) => (await platform.as(user).inject({ url: src, headers: { range: 'bytes=0-99' } })).statusCode;
  t.equal(await plays(pupil), 206, 'its author plays it');
  t.equal(await plays(teacher), 206, 'the teacher who validates plays it');
  t.equal(await plays(parent), 404, 'a parent of the class does not while it waits');
  t.equal(await plays(classmate), 404, 'nor a classmate');

  const published = await platform.as(teacher).inject({ method: 'POST', url: `/api/blog/posts/${post.json().id}/publish`, payload: {} });
  t.equal(published.json().state, 'published');
  t.equal(await plays(parent), 206, 'published: the parents play it');
  t.equal(await plays(classmate), 206);

  // Sent back to its author, it is theirs again: the parents lose it at once.
  await platform.as(teacher).inject({ method: 'POST', url: `/api/blog/posts/${post.json().id}/return`, payload: { comment: 'Articule mieux' } });
  t.equal(await plays(parent), 404);
});

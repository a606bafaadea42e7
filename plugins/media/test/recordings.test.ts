import t from 'tap';
import { createTestPlatform, type TestPlatform, type TestUser } from '@preau/core/testing';
import media from '../src/index.js';
import { CONVERSION_FAILED } from '../src/convert-job.js';
import { ffmpegOf, sendChunk, settingsOf, testClip, uploadRecording } from './helpers.js';

let platform: TestPlatform;
let teacher: TestUser;
let colleague: TestUser;
let clip: Buffer;

t.before(async () => {
  platform = await createTestPlatform({ plugins: [media] });
  const school = await platform.createSchool();
  teacher = await platform.createUser({ profile: 'Teacher', schools: [school] });
  colleague = await platform.createUser({ profile: 'Teacher', schools: [school] });
  clip = await testClip(ffmpegOf(platform), { seconds: 4 });
});
t.teardown(() => platform.close());

const usage = async (user: TestUser) => (await platform.as(user).inject('/api/core/storage/usage')).json() as { used: number };

t.test('a recording sent in chunks resumes at the offset after a drop, converts to MP4 with a poster, trimmed', async (t) => {
  const as = platform.as(teacher);
  const created = await as.inject({ method: 'POST', url: '/api/media/recordings', payload: { kind: 'video', name: 'Les devoirs', size: clip.length, trimStartMs: 1000, trimEndMs: 3000 } });
  t.equal(created.statusCode, 201, created.body);
  const id = created.json().id as number;
  const half = Math.floor(clip.length / 2);
  t.equal((await sendChunk(platform, teacher, id, 0, clip.subarray(0, half))).statusCode, 200);
  // The phone lost the connection and does not know what arrived: it sends from 0 again, is told where to resume.
  const stale = await sendChunk(platform, teacher, id, 0, clip.subarray(0, half));
  t.equal(stale.statusCode, 409);
  t.equal(stale.json().code, 'MEDIA_ERR_OFFSET');
  t.equal(stale.json().details.offset, half);
  t.equal((await as.inject(`/api/media/recordings/${id}/upload`)).json().received, half, 'the offset to resume from');
  const last = await sendChunk(platform, teacher, id, half, clip.subarray(half));
  t.equal(last.statusCode, 200, last.body);
  t.equal(last.json().status, 'converting', 'en cours de conversion');
  t.equal(last.json().src, null, 'nothing to insert until it is converted');

  t.equal(await platform.runScheduledJobs(), 1);
  const ready = (await as.inject(`/api/media/recordings/${id}`)).json();
  t.equal(ready.status, 'ready');
  t.equal(ready.mediaType, 'video/mp4');
  t.ok(ready.durationMs >= 1800 && ready.durationMs <= 2300, `trimmed to about 2 s (${ready.durationMs} ms)`);
  t.match(ready.src, /^\/api\/core\/files\/[a-f0-9]{32}$/);
  t.match(ready.poster, /^\/api\/core\/files\/[a-f0-9]{32}$/);
  const poster = await as.inject(ready.poster);
  t.equal(poster.headers['content-type'], 'image/jpeg');

  const whole = await as.inject(ready.src);
  t.equal(whole.statusCode, 200);
  t.equal(whole.headers['accept-ranges'], 'bytes');
  t.equal(whole.headers['x-content-type-options'], 'nosniff');
  t.match(String(whole.headers['content-disposition']), /^inline/);
  const range = await as.inject({ url: ready.src, headers: { range: 'bytes=100-199' } });
  t.equal(range.statusCode, 206);
  t.equal(range.headers['content-range'], `bytes 100-199/${whole.rawPayload.length}`);
  t.same(range.rawPayload, whole.rawPayload.subarray(100, 200), 'the bytes asked for');
  const tail = await as.inject({ url: ready.src, headers: { range: 'bytes=-10' } });
  t.same(tail.rawPayload, whole.rawPayload.subarray(-10));
  const beyond = await as.inject({ url: ready.src, headers: { range: `bytes=${whole.rawPayload.length}-` } });
  t.equal(beyond.statusCode, 416);
  t.equal(beyond.headers['content-range'], `bytes */${whole.rawPayload.length}`);
  const stale2 = await as.inject({ url: ready.src, headers: { range: 'bytes=0-9', 'if-range': '"autre"' } });
  t.equal(stale2.statusCode, 200, 'a stale If-Range gets the whole file');

  const counted = await usage(teacher);
  t.equal(counted.used, whole.rawPayload.length + poster.rawPayload.length, 'the quota counts the converted file and poster; the original and the chunks are gone');

  t.equal((await platform.as(colleague).inject(`/api/media/recordings/${id}`)).statusCode, 404, 'someone else’s recording reads as absent');
  t.equal((await platform.as(colleague).inject(ready.src)).statusCode, 404, 'and so does its file, until a text they read holds it');
  t.equal((await platform.as(colleague).inject({ method: 'DELETE', url: `/api/media/recordings/${id}` })).statusCode, 404);
  t.same((await as.inject('/api/media/recordings')).json().map((r: { id: number }) => r.id), [id], 'the owner’s list');
});

t.test('a file that is not media renamed .webm is refused from its bytes and leaves nothing', async (t) => {
  const before = (await usage(teacher)).used;
  const html = Buffer.from('<html><script>alert(1)</script></html>'.repeat(100));
  const { id, last } = await uploadRecording(platform, teacher, html, { name: 'poeme.webm' });
  t.equal(last.statusCode, 400);
  t.equal(last.json().code, 'MEDIA_ERR_NOT_MEDIA');
  t.match(last.json().message, /n'est pas un enregistrement/);
  t.equal((await platform.as(teacher).inject(`/api/media/recordings/${id}`)).statusCode, 404);
  t.equal((await usage(teacher)).used, before, 'no chunk nor file kept');
});

t.test('bad uploads get French 4xx: a trim ending before it starts, a chunk past the size, a recording too big for the quota', async (t) => {
  const as = platform.as(teacher);
  const trim = await as.inject({ method: 'POST', url: '/api/media/recordings', payload: { kind: 'audio', name: 'x', size: 10, trimStartMs: 3000, trimEndMs: 2000 } });
  t.equal(trim.json().code, 'MEDIA_ERR_TRIM');
  const huge = await as.inject({ method: 'POST', url: '/api/media/recordings', payload: { kind: 'video', name: 'x', size: 2 ** 41 } });
  t.equal(huge.statusCode, 413);
  t.equal(huge.json().code, 'MEDIA_ERR_TOO_LARGE');
  const small = await as.inject({ method: 'POST', url: '/api/media/recordings', payload: { kind: 'audio', name: 'x', size: 10 } });
  const over = await sendChunk(platform, teacher, small.json().id, 0, Buffer.alloc(11, 1));
  t.equal(over.statusCode, 400);
  t.equal(over.json().code, 'MEDIA_ERR_CHUNK');
  t.equal((await as.inject(`/api/media/recordings/${small.json().id}/upload`)).json().received, 0, 'nothing kept of it');
});

t.test('a truncated recording fails with a French message and keeps its original', async (t) => {
  const cut = clip.subarray(0, Math.floor(clip.length * 0.4));
  const { id, last } = await uploadRecording(platform, teacher, cut, { name: 'coupé' });
  t.equal(last.json().status, 'converting', last.body);
  await platform.runScheduledJobs();
  const failed = (await platform.as(teacher).inject(`/api/media/recordings/${id}`)).json();
  t.equal(failed.status, 'failed');
  t.equal(failed.error, CONVERSION_FAILED.unreadable);
  t.ok((await usage(teacher)).used >= cut.length, 'the original is kept');
  t.equal((await platform.as(teacher).inject({ method: 'DELETE', url: `/api/media/recordings/${id}` })).statusCode, 204);
});

t.test('ffmpeg past its time limit is retried, then the recording is marked failed with a French message', async (t) => {
  const settings = settingsOf(platform);
  const limit = settings.conversionLimitSeconds!;
  settings.conversionLimitSeconds = 0.01;
  t.teardown(() => void (settings.conversionLimitSeconds = limit));
  const { id } = await uploadRecording(platform, teacher, clip, { name: 'lent' });
  const status = async () => (await platform.as(teacher).inject(`/api/media/recordings/${id}`)).json();
  for (let attempt = 1; attempt <= settings.conversionAttempts!; attempt++) {
    t.equal(await platform.runScheduledJobs(), 1, `attempt ${attempt}`);
    if (attempt < settings.conversionAttempts!) t.equal((await status()).status, 'converting', 'still waiting for a retry');
    platform.clock.advance(60 * 60_000);
  }
  const failed = await status();
  t.equal(failed.status, 'failed');
  t.equal(failed.error, CONVERSION_FAILED.timeout);
  t.equal(await platform.runScheduledJobs(), 0, 'the job is done with');
});

t.test('a recording deleted while it converts stops ffmpeg and keeps nothing', async (t) => {
  const before = (await usage(teacher)).used;
  const long = await testClip(ffmpegOf(platform), { seconds: 20, size: '1280x720' });
  const { id } = await uploadRecording(platform, teacher, long, { name: 'long', chunk: 4 * 1024 * 1024 });
  const running = platform.runScheduledJobs();
  // Deleted once the job has claimed it (it counts its attempt when it starts).
  for (let row = await platform.knex('media.recordings').where({ id }).first('attempts'); row.attempts === 0; row = await platform.knex('media.recordings').where({ id }).first('attempts')) {
    await new Promise((resolve) => setImmediate(resolve));
  }
  t.equal((await platform.as(teacher).inject({ method: 'DELETE', url: `/api/media/recordings/${id}` })).statusCode, 204);
  await running;
  t.equal((await usage(teacher)).used, before, 'neither the original nor a converted file is left');
  t.equal(await platform.runScheduledJobs(), 0);
});

t.test('a chunk sent over a real socket streams into storage (the request is not walked as data)', async (t) => {
  const address = await platform.app.listen({ port: 0, host: '127.0.0.1' });
  const session = await platform.platform.sessions.create(colleague.id, { ip: '127.0.0.1', userAgent: 'test' });
  const cookie = `preau_session=${session.token}`;
  const headers = { cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' };
  const created = await fetch(`${address}/api/media/recordings`, { method: 'POST', headers, body: JSON.stringify({ kind: 'audio', name: 'socket', size: 3000 }) });
  t.equal(created.status, 201);
  const { id } = (await created.json()) as { id: number };
  const sent = await fetch(`${address}/api/media/recordings/${id}/chunks?offset=0`, { method: 'PUT', headers: { ...headers, 'content-type': 'application/octet-stream' }, body: Buffer.alloc(1000, 3) });
  t.equal(sent.status, 200, await sent.clone().text());
  t.equal(((await sent.json()) as { received: number }).received, 1000);
});

import t from 'tap';
import { createTestPlatform, type TestPlatform, type TestUser } from '@preau/core/testing';
import media from '../src/index.js';
import { uploadRecording } from './helpers.js';

// A WebM's EBML header (DocType "webm"), as a browser's recording starts, then some bytes.
const WEBM = Buffer.concat([
  Buffer.from('1a45dfa39f4286810142f7810142f2810442f381084282847765626d42878102428581021853806701ffffffffffffff', 'hex'),
  Buffer.alloc(5000, 7),
]);

let platform: TestPlatform;
let teacher: TestUser;
t.before(async () => {
  // As on a server where neither @ffmpeg-installer/ffmpeg's binary nor an ffmpeg on the PATH is found.
  process.env.PREAU_FFMPEG = 'none';
  platform = await createTestPlatform({ plugins: [media] });
  delete process.env.PREAU_FFMPEG;
  const school = await platform.createSchool();
  teacher = await platform.createUser({ profile: 'Teacher', schools: [school] });
});
t.teardown(() => platform.close());

t.test('without ffmpeg a recording is kept and served as recorded, and the app says it does not convert', async (t) => {
  const status = (await platform.as(teacher).inject('/api/media/status')).json();
  t.equal(status.converts, false);
  const { id, last } = await uploadRecording(platform, teacher, WEBM, { name: 'Poème' });
  t.equal(last.statusCode, 200, last.body);
  t.equal(last.json().status, 'original');
  t.equal(last.json().mediaType, 'video/webm');
  t.equal(await platform.runScheduledJobs(), 0, 'no conversion job');
  const file = await platform.as(teacher).inject(last.json().src);
  t.equal(file.statusCode, 200);
  t.equal(file.headers['content-type'], 'video/webm');
  t.same(file.rawPayload, WEBM, 'the bytes as recorded');
  t.equal((await platform.as(teacher).inject(`/api/media/recordings/${id}`)).json().src, last.json().src);
});

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { createTestPlatform, type TestUser } from '@preau/core/testing';
import type { FfmpegService } from '@preau/sdk';
import documents from '@preau/plugin-documents';
import media from '@preau/plugin-media';

// The media app files each playable recording in its owner's Documents, « Enregistrements », through the core's
// `personalFiles` contribution point (the documents app declares it; neither app imports the other).
const platform = await createTestPlatform({ plugins: [documents, media] });
t.teardown(() => platform.close());
const ffmpeg = (platform.platform.plugins.get('media') as unknown as { services: { ffmpeg: FfmpegService } }).services.ffmpeg;

async function sound(seconds: number): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'media-documents-'));
  try {
    await ffmpeg.run(['-v', 'error', '-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}`, '-c:a', 'libopus', '-f', 'webm', '-y', join(dir, 'son.webm')], { timeoutMs: 60_000 });
    return await readFile(join(dir, 'son.webm'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function record(user: TestUser, name: string, bytes: Buffer): Promise<{ id: number; src: string }> {
  const as = platform.as(user);
  const id = (await as.inject({ method: 'POST', url: '/api/media/recordings', payload: { kind: 'audio', name, size: bytes.length } })).json().id as number;
  await as.inject({ method: 'PUT', url: `/api/media/recordings/${id}/chunks?offset=0`, payload: bytes, headers: { 'content-type': 'application/octet-stream' } });
  await platform.runScheduledJobs();
  return { id, src: (await as.inject(`/api/media/recordings/${id}`)).json().src as string };
}

type Item = { id: number; kind: string; name: string; blobId: string | null; size: number };
const list = async (user: TestUser, folderId?: number) =>
  ((await platform.as(user).inject(`/api/documents/nodes${folderId ? `?folderId=${folderId}` : ''}`)).json().items as Item[]);
const used = async (user: TestUser) => ((await platform.as(user).inject('/api/core/storage/usage')).json() as { used: number }).used;

t.test('a converted recording appears in the owner’s Documents « Enregistrements » and counts once in their quota', async (t) => {
  const school = await platform.createSchool();
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [school] });
  const { id, src } = await record(teacher, 'La chorale', await sound(2));
  const top = await list(teacher);
  const folder = top.find((item) => item.kind === 'folder' && item.name === 'Enregistrements');
  t.ok(folder, 'the folder is made');
  const files = await list(teacher, folder!.id);
  t.match(files, [{ kind: 'file', name: 'La chorale.m4a', blobId: src.slice('/api/core/files/'.length) }], 'the converted file, not the original');
  t.equal(await used(teacher), files[0]!.size, 'the quota counts it once');

  await record(teacher, 'Le poème', await sound(1));
  t.same((await list(teacher, folder!.id)).map((f) => f.name).sort(), ['La chorale.m4a', 'Le poème.m4a'], 'the next one goes in the same folder');
  t.equal((await list(teacher)).filter((item) => item.name.startsWith('Enregistrements')).length, 1);

  // Deleted in the media app, it stays in Documents (where the person deletes it to free the space).
  t.equal((await platform.as(teacher).inject({ method: 'DELETE', url: `/api/media/recordings/${id}` })).statusCode, 204);
  t.equal((await platform.as(teacher).inject(src)).statusCode, 200, 'Documents still holds it');
  t.equal((await list(teacher, folder!.id)).length, 2);
});

t.test('nothing is filed for someone whose schools have Documents off; the recording still plays', async (t) => {
  const school = await platform.createSchool();
  const director = await platform.createUser({ profile: 'Teacher', schools: [school], functions: [{ function: 'director', schoolId: school.id }] });
  const off = await platform.as(director).inject({ method: 'PUT', url: `/api/core/schools/${school.id}/apps/documents`, payload: { enabled: false } });
  t.equal(off.statusCode, 200, off.body);
  const { src } = await record(director, 'Sans documents', await sound(1));
  t.equal((await platform.as(director).inject(src)).statusCode, 200);
  t.equal(await platform.knex('documents.nodes').where({ owner_id: director.id }).count<{ n: string }[]>('id as n').then((r) => Number(r[0]!.n)), 0, 'no folder, no file');
});

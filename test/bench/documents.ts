/**
 * Documents benchmark, on PostgreSQL by default; prints figures against baselines measured in the same run,
 * asserts nothing.
 *
 * 1. The first page (100 rows) of a folder of 10,000 files: the route (session, gate, the user's role, the
 *    keyset page) and the listing query, against the bare select of the same 100 rows by primary key.
 * 2. "Partagé avec moi" for a parent of a school of about 500 with 50 folders shared with them (through their
 *    class's group, the school's parents group and in person), against the bare select of those 50 rows.
 * 3. A folder of PREAU_BENCH_ZIP_MB MiB (200 by default; 1024 for the 1 GiB) downloaded as a ZIP over
 *    a real socket, against reading the same files with fs in the same run; the process's peak RSS meanwhile.
 * 4. The thumbnail of a 12-megapixel JPEG: made (sharp), then served from its cached blob; RSS before and after.
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { tmpdir, availableParallelism, cpus } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import Fastify from 'fastify';
import { createTestPlatform, generateOndeSchool, type TestDatabaseKind } from '@preau/core/testing';
import { readOndeFiles, runOndeImport } from '@preau/core';
import documents from '@preau/plugin-documents';
import { time, type Latency } from './latency.js';

const database = (process.env.PREAU_BENCH_DATABASE ?? 'postgres') as TestDatabaseKind;
const ROUNDS = Number(process.env.PREAU_BENCH_ROUNDS ?? 1000);
const ZIP_MB = Number(process.env.PREAU_BENCH_ZIP_MB ?? 200);
const FILE_MB = 8;

const dir = await mkdtemp(join(tmpdir(), 'preau-bench-documents-'));
const platform = await createTestPlatform({
  database, plugins: [documents],
  config: { storage: { dir, maxUploadMb: 1024, quotaMb: { Teacher: 20 * 1024, Personnel: 10 * 1024, Student: 1024, Relative: 1024, Guest: 1024 } } },
});
const rows: [string, Latency][] = [];
const lines: string[] = [];
try {
  const { knex } = platform;
  const school = await platform.createSchool({ name: 'École du banc d’essai' });
  await runOndeImport(knex, {
    schoolId: school.id, files: readOndeFiles(generateOndeSchool({ seed: 11, classes: 10, pupilsPerClass: 23 }), { maxBytes: 20 * 1024 * 1024 }),
    now: platform.clock.now(), activationKey: platform.platform.activationKey, codeDays: 90, actorId: null, dryRun: false,
  });
  await knex('core.users').update({ state: 'active' });
  const classes: number[] = await knex('core.classes').where({ school_id: school.id }).orderBy('id').pluck('id');
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [school], displayName: 'ENSEIGNANT Banc' });
  await knex('core.class_members').insert({ class_id: classes[0], user_id: teacher.id });
  const sharing = platform.platform.sharing.forApp('documents');
  const now = platform.clock.now();
  const cookieOf = async (userId: number) => `preau_session=${(await platform.platform.sessions.create(userId, { ip: '127.0.0.1', userAgent: 'bench' })).token}`;
  const teacherCookie = await cookieOf(teacher.id);

  // 1. A folder of 10,000 files, each registered in the sharing tree as the app does.
  process.stderr.write('10,000 files');
  const [big] = await knex('documents.nodes').insert({ is_file: false, owner_id: teacher.id, name: 'Photos', name_key: 'photos', created_by: teacher.id, created_at: now, updated_at: now }).returning('id');
  await sharing.register({ type: 'folder', id: big.id }, { owner: teacher.id, parent: null });
  for (let batch = 0; batch < 10; batch += 1) {
    const inserted = await knex('documents.nodes').insert(Array.from({ length: 1000 }, (_, i) => {
      const name = `IMG_${String(batch * 1000 + i).padStart(5, '0')}.jpg`;
      return { is_file: true, parent_id: big.id, owner_id: teacher.id, name, name_key: name.toLowerCase(), size: 1000 + i, media_type: 'image/jpeg', current_version: 1, created_by: teacher.id, created_at: now, updated_at: new Date(now.getTime() + i) };
    })).returning('id');
    await knex.transaction(async (transaction) => {
      for (const { id } of inserted) await sharing.register({ type: 'file', id }, { owner: teacher.id, parent: { type: 'folder', id: big.id }, transaction });
    });
    process.stderr.write('.');
  }
  process.stderr.write('\n');
  await knex.raw('analyze');
  const firstPage: number[] = await knex('documents.nodes').where({ parent_id: big.id }).orderBy([{ column: 'is_file' }, { column: 'name_key' }, { column: 'id' }]).limit(100).pluck('id');
  const probe = await platform.app.inject({ url: `/api/documents/nodes?folderId=${big.id}`, headers: { cookie: teacherCookie } });
  if (probe.statusCode !== 200 || probe.json().items.length !== 100) throw new Error(`listing answered ${probe.statusCode}: ${probe.body.slice(0, 200)}`);
  rows.push(['baseline: bare select of the same 100 rows by primary key', await time(ROUNDS, () => knex('documents.nodes').whereIn('id', firstPage).orderBy('name_key').select('*'))]);
  rows.push(['listing query: first page of 10,000 files, by name', await time(ROUNDS, () => knex.raw(
    `select * from documents.nodes where parent_id = ? and trashed_at is null order by is_file, name_key, id limit 101`, [big.id]))]);
  rows.push(['GET /api/documents/nodes?folderId (session, gate, role, page)', await time(ROUNDS, () => platform.app.inject({ url: `/api/documents/nodes?folderId=${big.id}`, headers: { cookie: teacherCookie } }))]);
  rows.push(['same, sorted by size, descending', await time(ROUNDS, () => platform.app.inject({ url: `/api/documents/nodes?folderId=${big.id}&sort=size&order=desc`, headers: { cookie: teacherCookie } }))]);

  // 2. A parent with 50 folders shared with them: 25 through their class's parents, 20 through the school's, 5 in person.
  const parent = Number((await knex.raw(
    `select rl.relative_id as id from core.relative_links rl join core.class_members cm on cm.user_id = rl.pupil_id
      group by rl.relative_id having count(*) = 1 and min(cm.class_id) = ? order by rl.relative_id limit 1`, [classes[0]!])).rows[0].id);
  const groupOf = async (where: Record<string, unknown>) => Number((await knex('core.groups').where({ school_id: school.id, ...where }).first('id')).id);
  const classParents = await groupOf({ class_id: classes[0], profile: 'Relative' });
  const schoolParents = await groupOf({ kind: 'school', profile: 'Relative' });
  const otherClass = await groupOf({ class_id: classes[1], profile: 'Relative' });
  const folders = await knex('documents.nodes').insert(Array.from({ length: 80 }, (_, i) => ({
    is_file: false, owner_id: teacher.id, name: `Partage ${i + 1}`, name_key: `partage ${i + 1}`, created_by: teacher.id, created_at: now, updated_at: now,
  }))).returning('id');
  for (const [i, { id }] of folders.entries()) {
    const ref = { type: 'folder', id };
    await sharing.register(ref, { owner: teacher.id, parent: null });
    const grant = i < 25 ? { groups: [classParents] } : i < 45 ? { groups: [schoolParents] } : i < 50 ? { users: [parent] } : { groups: [otherClass] };
    await sharing.grant(ref, { role: 'read', ...grant }, { by: teacher.id, notify: false });
  }
  await knex.raw('analyze');
  const parentCookie = await cookieOf(parent);
  const shared = await platform.app.inject({ url: '/api/documents/shared-with-me?limit=50', headers: { cookie: parentCookie } });
  const sharedCount = shared.json().people.flatMap((p: { items: unknown[] }) => p.items).length;
  if (sharedCount !== 50) throw new Error(`the parent should see 50 folders, not ${sharedCount}: ${shared.body.slice(0, 200)}`);
  const sharedIds = folders.slice(0, 50).map((f: { id: number }) => f.id);
  rows.push(['baseline: bare select of the same 50 folders by primary key', await time(ROUNDS, () => knex('documents.nodes').whereIn('id', sharedIds).select('*'))]);
  rows.push(['GET /api/documents/shared-with-me, the parent (50 folders)', await time(ROUNDS, () => platform.app.inject({ url: '/api/documents/shared-with-me?limit=50', headers: { cookie: parentCookie } }))]);

  // 3. A folder of ZIP_MB MiB in files of 8 MiB (random bytes: stored, not deflated), over a real socket.
  const [zipFolder] = await knex('documents.nodes').insert({ is_file: false, owner_id: teacher.id, name: 'Vidéos', name_key: 'videos', created_by: teacher.id, created_at: now, updated_at: now }).returning('id');
  await sharing.register({ type: 'folder', id: zipFolder.id }, { owner: teacher.id, parent: null });
  const chunk = randomBytes(1024 * 1024);
  const paths: string[] = [];
  for (let i = 0; i < Math.ceil(ZIP_MB / FILE_MB); i += 1) {
    const blob = await platform.platform.storage.put(Readable.from(Array.from({ length: FILE_MB }, () => chunk)), { owner: teacher.id, name: `video-${i}.bin` });
    const [node] = await knex('documents.nodes').insert({ is_file: true, parent_id: zipFolder.id, owner_id: teacher.id, name: blob.name, name_key: blob.name, size: blob.size, media_type: blob.mediaType, blob_id: blob.id, current_version: 1, created_by: teacher.id, created_at: now, updated_at: now }).returning('id');
    await sharing.register({ type: 'file', id: node.id }, { owner: teacher.id, parent: { type: 'folder', id: zipFolder.id } });
    paths.push(join(dir, blob.id.slice(0, 2), blob.id));
  }
  const totalBytes = paths.length * FILE_MB * 1024 * 1024;
  const readAll = async () => {
    const started = performance.now();
    for (const path of paths) for await (const _ of createReadStream(path, { highWaterMark: 1024 * 1024 })) void _;
    return performance.now() - started;
  };
  await platform.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = platform.app.server.address() as AddressInfo;
  // The client is curl in its own process: the server's figures are the server's alone (peak RSS included).
  const download = (url = `http://127.0.0.1:${port}/api/documents/nodes/${zipFolder.id}/zip`) => new Promise<{ ms: number; bytes: number; peakRss: number }>((resolve, reject) => {
    const started = performance.now();
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 20);
    const curl = spawn('curl', ['-s', '-o', '/dev/null', '-w', '%{http_code} %{size_download}', '-H', `cookie: ${teacherCookie}`, url]);
    let out = '';
    curl.stdout.on('data', (data: Buffer) => { out += data.toString(); });
    curl.on('error', reject);
    curl.on('close', () => {
      clearInterval(sampler);
      const [status, size] = out.split(' ');
      if (status !== '200') return reject(new Error(`zip answered ${status}`));
      resolve({ ms: performance.now() - started, bytes: Number(size), peakRss });
    });
  });
  // A second baseline: the same bytes, one file after the other, sent by a bare Fastify route to the same
  // client, no ZIP, no session, no database: what the socket and curl cost on their own.
  const bare = Fastify();
  bare.get('/files', async (_request, reply) => reply.type('application/octet-stream').send(Readable.from((async function* files() {
    for (const path of paths) yield* createReadStream(path, { highWaterMark: 1024 * 1024 });
  })())));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const barePort = (bare.server.address() as AddressInfo).port;
  await readAll();
  const fsMs = await readAll();
  await download(`http://127.0.0.1:${barePort}/files`);
  const stream = await download(`http://127.0.0.1:${barePort}/files`);
  await bare.close();
  const rssBefore = process.memoryUsage().rss;
  const zip = await download();
  const mibps = (bytes: number, ms: number) => bytes / 1024 / 1024 / (ms / 1000);
  lines.push(`ZIP of ${paths.length} files, ${(totalBytes / 1024 / 1024).toFixed(0)} MiB (PREAU_BENCH_ZIP_MB): ${mibps(zip.bytes, zip.ms).toFixed(0)} MiB/s over HTTP vs fs read ${mibps(totalBytes, fsMs).toFixed(0)} MiB/s `
    + `→ ratio ${(mibps(zip.bytes, zip.ms) / mibps(totalBytes, fsMs)).toFixed(2)} (target ≥ 0.5); vs the same files streamed by a bare Fastify route ${mibps(stream.bytes, stream.ms).toFixed(0)} MiB/s → ratio ${(mibps(zip.bytes, zip.ms) / mibps(stream.bytes, stream.ms)).toFixed(2)}; `
    + `RSS ${(rssBefore / 1048576).toFixed(0)} MiB before, peak ${(zip.peakRss / 1048576).toFixed(0)} MiB during`);

  // 4. A 12-megapixel JPEG's thumbnail: made once, then served from its blob.
  const photo = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: { r: 90, g: 140, b: 60 }, noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).jpeg({ quality: 85 }).toBuffer();
  const makes: number[] = [];
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 10);
  const rssBeforeThumb = process.memoryUsage().rss;
  let lastId = 0;
  for (let i = 0; i < 5; i += 1) {
    const form = (await import('@preau/core/testing')).fileUpload(`photo-${i}.jpg`, photo);
    const placed = await platform.app.inject({ method: 'POST', url: '/api/documents/uploads', payload: form.payload, headers: { ...form.headers, cookie: teacherCookie, 'x-csrf-token': (await platform.app.inject({ url: '/api/core/me', headers: { cookie: teacherCookie } })).json().csrfToken } });
    lastId = placed.json()[0].id;
    const started = performance.now();
    const made = await platform.app.inject({ url: `/api/documents/nodes/${lastId}/thumbnail`, headers: { cookie: teacherCookie } });
    if (made.statusCode !== 200) throw new Error(`thumbnail answered ${made.statusCode}: ${made.body.slice(0, 200)}`);
    makes.push(performance.now() - started);
  }
  clearInterval(sampler);
  const cached = await time(200, () => platform.app.inject({ url: `/api/documents/nodes/${lastId}/thumbnail`, headers: { cookie: teacherCookie } }));
  lines.push(`thumbnail of a 12-megapixel JPEG (${(photo.length / 1048576).toFixed(1)} MiB): made in ${Math.min(...makes).toFixed(0)}–${Math.max(...makes).toFixed(0)} ms (5 photos), `
    + `then served from its blob at p50 ${cached.p50.toFixed(2)} ms; RSS ${(rssBeforeThumb / 1048576).toFixed(0)} MiB before, peak ${(peakRss / 1048576).toFixed(0)} MiB while making them`);

  console.log(`node ${process.version} · ${availableParallelism()} CPUs (${cpus()[0]?.model.trim() ?? 'unknown'}) · database ${database}`);
  console.log(`${ROUNDS} calls per row after up to 200 warm-up calls\n`);
  const width = Math.max(...rows.map(([name]) => name.length));
  console.log(`${'call'.padEnd(width)}  ${'p50 ms'.padStart(7)}  ${'p99 ms'.padStart(7)}  ${'mean ms'.padStart(7)}`);
  for (const [name, f] of rows) console.log(`${name.padEnd(width)}  ${f.p50.toFixed(2).padStart(7)}  ${f.p99.toFixed(2).padStart(7)}  ${f.mean.toFixed(2).padStart(7)}`);
  console.log('');
  for (const line of lines) console.log(line);
  console.log('\ntargets (PostgreSQL): first page of a 10,000-file folder p99 < 20 ms; "Partagé avec moi" with 50 folders p99 < 30 ms; ZIP ≥ 0.5 × fs, flat memory');
} finally {
  await platform.close();
  await rm(dir, { recursive: true, force: true });
}

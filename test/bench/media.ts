/**
 * Media benchmark; prints figures against baselines measured in the same run, asserts nothing.
 *
 * 1. Converting a PREAU_BENCH_MEDIA_SECONDS (60) s 720p camera-like clip (WebM, made by ffmpeg's testsrc): the
 *    `convert` job (copy out of storage, ffmpeg, poster, converted file and poster stored) against ffmpeg alone
 *    with the same arguments on the same file: the job system's overhead.
 * 2. A light route's latency (GET /api/media/status over HTTP: session, gate, handler) while a conversion runs,
 *    against the same route idle and a bare Fastify route.
 * 3. Range requests on a PREAU_BENCH_RANGE_MB (200) MiB video blob: a whole download's throughput over HTTP
 *    against reading the file with fs; the time to the first byte of a seek (Range: bytes=N-) against an fs
 *    read at N.
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createTestPlatform, type TestDatabaseKind } from '@preau/core/testing';
import media from '@preau/plugin-media';
import type { FfmpegService } from '@preau/sdk';
import { percentiles, time, type Latency } from './latency.js';
import { startBareFastify } from './targets/bare-fastify.js';

const database = (process.env.PREAU_BENCH_DATABASE ?? 'postgres') as TestDatabaseKind;
const SECONDS = Number(process.env.PREAU_BENCH_MEDIA_SECONDS ?? 60);
const RANGE_MB = Number(process.env.PREAU_BENCH_RANGE_MB ?? 200);
const ROUNDS = Number(process.env.PREAU_BENCH_ROUNDS ?? 300);

const dir = await mkdtemp(join(tmpdir(), 'preau-bench-media-'));
const platform = await createTestPlatform({
  database, plugins: [media], config: { storage: { dir: join(dir, 'files'), maxUploadMb: 1024, quotaMb: { Teacher: 4096 } } },
});
const bare = await startBareFastify();
const ms = (value: number) => `${value.toFixed(1)} ms`;
const row = (label: string, l: Latency) => `${label.padEnd(62)} p50 ${ms(l.p50).padStart(9)}  p99 ${ms(l.p99).padStart(9)}  max ${ms(l.max).padStart(9)}`;
const lines: string[] = [];
try {
  const record = platform.platform.plugins.get('media') as unknown as { services: { ffmpeg: FfmpegService; storage: { put: (s: Readable, o: object) => Promise<{ id: string; size: number }> } } };
  const { ffmpeg, storage } = record.services;
  if (!ffmpeg.available) throw new Error('no ffmpeg: nothing to measure');
  const school = await platform.createSchool();
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [school] });
  const session = await platform.platform.sessions.create(teacher.id, { ip: '127.0.0.1', userAgent: 'bench' });
  const headers = { cookie: `preau_session=${session.token}` };
  const address = await platform.app.listen({ port: 0, host: '127.0.0.1' });

  // The clip, as a camera records it (VP8 + Opus in WebM), made before anything is timed.
  process.stderr.write(`making a ${SECONDS} s 720p clip…\n`);
  const clipPath = join(dir, 'clip.webm');
  await ffmpeg.run(['-v', 'error', '-f', 'lavfi', '-i', `testsrc=size=1280x720:rate=30:duration=${SECONDS}`, '-f', 'lavfi', '-i', `sine=frequency=440:duration=${SECONDS}`,
    '-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '2M', '-c:a', 'libopus', '-shortest', '-f', 'webm', '-y', clipPath], { timeoutMs: 600_000 });
  const clip = await readFile(clipPath);

  // 1. ffmpeg alone, then the job, on the same bytes and arguments.
  const threads = 1;
  let started = performance.now();
  // The arguments of the media plugin's `conversionArgs` for a video (src/convert-job.ts), untrimmed.
  await ffmpeg.run(['-v', 'error', '-stats', '-xerror', '-i', clipPath, '-threads', String(threads), '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-pix_fmt', 'yuv420p',
    '-vf', "scale='trunc(min(1280,iw)/2)*2':-2", '-c:a', 'aac', '-b:a', '128k', '-movflags', '+faststart', '-f', 'mp4', '-y', join(dir, 'alone.mp4'),
    '-map', '0:v:0', '-ss', '0.5', '-frames:v', '1', '-vf', "scale='min(1280,iw)':-2", '-q:v', '4', '-f', 'image2', '-y', join(dir, 'alone.jpg')], { timeoutMs: 600_000 });
  const alone = performance.now() - started;
  const as = platform.as(teacher);
  const upload = async (): Promise<number> => {
    const created = (await as.inject({ method: 'POST', url: '/api/media/recordings', payload: { kind: 'video', name: 'banc', size: clip.length } })).json();
    for (let offset = 0; offset < clip.length; offset += 4 * 1024 * 1024) {
      const sent = await as.inject({ method: 'PUT', url: `/api/media/recordings/${created.id}/chunks?offset=${offset}`, payload: clip.subarray(offset, offset + 4 * 1024 * 1024), headers: { 'content-type': 'application/octet-stream' } });
      if (sent.statusCode !== 200) throw new Error(sent.body);
    }
    return created.id as number;
  };
  // The job alone, nothing else running: its overhead over ffmpeg alone.
  const first = await upload();
  started = performance.now();
  await platform.runScheduledJobs();
  const viaJob = performance.now() - started;
  const created = { id: await upload() };

  // 2. The light route idle, then while the job converts (measured as many times as it takes to finish).
  const status = () => fetch(`${address}/api/media/status`, { headers }).then((r) => r.text());
  const bareLatency = await time(ROUNDS, () => fetch(bare.url).then((r) => r.text()));
  const idle = await time(ROUNDS, status);
  started = performance.now();
  let done = false;
  const job = platform.runScheduledJobs().then(() => (done = true));
  const busy: number[] = [];
  while (!done) {
    const t0 = performance.now();
    await status();
    busy.push(performance.now() - t0);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await job;
  const loaded = performance.now() - started;
  for (const id of [first, created.id]) {
    const converted = await platform.knex('media.recordings').where({ id }).first('status');
    if (converted.status !== 'ready') throw new Error(`conversion ${converted.status}`);
  }
  lines.push(`1. Converting a ${SECONDS} s 720p clip (${(clip.length / 1048576).toFixed(1)} MiB WebM) to H.264/AAC MP4, ${threads} ffmpeg thread`);
  lines.push(`   ffmpeg alone (baseline)                 ${(alone / 1000).toFixed(2)} s`);
  lines.push(`   the convert job (storage in/out, poster) ${(viaJob / 1000).toFixed(2)} s   overhead ${(((viaJob / alone) - 1) * 100).toFixed(1)} %  (${(SECONDS * 1000 / viaJob).toFixed(2)}× real time)`);
  lines.push(`   the job while a light route is called every 20 ms ${(loaded / 1000).toFixed(2)} s`);
  lines.push('2. A light route over HTTP');
  lines.push(`   ${row('baseline: bare Fastify route', bareLatency)}`);
  lines.push(`   ${row('GET /api/media/status, idle', idle)}`);
  lines.push(`   ${row(`GET /api/media/status while converting (${busy.length} calls)`, percentiles(busy))}`);

  // 3. Range requests on a big video blob, against fs on the same bytes.
  const bigPath = join(dir, 'big.mp4');
  const source = await readFile(join(dir, 'alone.mp4'));
  const copies = Math.max(1, Math.ceil((RANGE_MB * 1048576) / source.length));
  await writeFile(bigPath, Buffer.concat(Array.from({ length: copies }, () => source)).subarray(0, RANGE_MB * 1048576));
  const big = await storage.put(createReadStream(bigPath), { owner: teacher.id, name: 'grande.mp4' });
  const url = `${address}/api/core/files/${big.id}`;
  const drain = async (stream: AsyncIterable<Uint8Array>) => {
    let bytes = 0;
    for await (const chunk of stream) bytes += chunk.length;
    return bytes;
  };
  started = performance.now();
  await drain(createReadStream(bigPath, { highWaterMark: 1024 * 1024 }));
  const fsMs = performance.now() - started;
  started = performance.now();
  const whole = await fetch(url, { headers });
  const httpBytes = await drain(whole.body as unknown as AsyncIterable<Uint8Array>);
  const httpMs = performance.now() - started;
  const mib = big.size / 1048576;
  lines.push(`3. Range requests on a ${mib.toFixed(0)} MiB video (HTTP on 127.0.0.1)`);
  lines.push(`   fs read (baseline)              ${(mib / (fsMs / 1000)).toFixed(0)} MiB/s`);
  lines.push(`   GET /api/core/files/:id (whole)  ${(httpBytes / 1048576 / (httpMs / 1000)).toFixed(0)} MiB/s`);
  const offsets = Array.from({ length: 50 }, (_, i) => Math.floor(((i * 7919) % 50) / 50 * (big.size - 65536)));
  const seekFs: number[] = [];
  const seekHttp: number[] = [];
  const handle = await open(bigPath);
  for (const offset of offsets) {
    let t0 = performance.now();
    await handle.read(Buffer.alloc(65536), 0, 65536, offset);
    seekFs.push(performance.now() - t0);
    t0 = performance.now();
    const answer = await fetch(url, { headers: { ...headers, range: `bytes=${offset}-` } });
    const reader = answer.body!.getReader();
    await reader.read();
    seekHttp.push(performance.now() - t0);
    if (answer.status !== 206) throw new Error(`range answered ${answer.status}`);
    await reader.cancel();
  }
  await handle.close();
  lines.push(`   ${row('time to first byte of a seek: fs read at the offset (baseline)', percentiles(seekFs))}`);
  lines.push(`   ${row('time to first byte of a seek: Range: bytes=N- (206)', percentiles(seekHttp))}`);
} finally {
  await bare.close();
  await platform.close();
  await rm(dir, { recursive: true, force: true });
}
process.stdout.write(`Media benchmark (${database}, ${availableParallelism()} × ${cpus()[0]?.model ?? 'cpu'})\n${lines.join('\n')}\n`);

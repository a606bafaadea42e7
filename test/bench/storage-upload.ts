/**
 * Attachment upload throughput, on PostgreSQL by default, disk driver. It prints figures and asserts nothing.
 *
 * A teacher uploads the same file N times to `POST /api/messaging/attachments` (multipart over a real socket,
 * one upload after the other): the storage service streams it to disk while hashing it and detecting its type,
 * reserves the quota and records the blob. Baseline in the same run, on the same disk: writing the same bytes
 * N times with `fs` (a stream into a `.partial` file renamed when complete, as the disk driver does, without
 * HTTP, multipart parsing, hashing or database). A second reference shows what HTTP alone costs here: a bare
 * Fastify route in the same process that reads the same request body and drops it (client and server share
 * the event loop, as in the upload rows).
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rename, rm } from 'node:fs/promises';
import { request, Agent } from 'node:http';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { randomBytes } from 'node:crypto';
import Fastify from 'fastify';
import { createTestPlatform, type TestDatabaseKind } from '@preau/core/testing';
import messaging from '@preau/plugin-messaging';

const progress = (message: string): void => void process.stderr.write(`${message}\n`);
const database = (process.env.PREAU_BENCH_DATABASE ?? 'postgres') as TestDatabaseKind;
const MIB = 1024 * 1024;
const SIZE_MB = Number(process.env.PREAU_BENCH_FILE_MB ?? 16);
const ROUNDS = Number(process.env.PREAU_BENCH_ROUNDS ?? 30);

// A PDF header, then random bytes: the type is detected from the first bytes, the rest does not compress.
const file = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(SIZE_MB * MIB - 9)]);
const boundary = '----preaubench';
const payload = Buffer.concat([
  Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="compte-rendu.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
  file,
  Buffer.from(`\r\n--${boundary}--\r\n`),
]);

const dir = await mkdtemp(join(tmpdir(), 'preau-bench-storage-'));
const platform = await createTestPlatform({ plugins: [messaging], database, config: { storage: { dir: join(dir, 'files') } } });
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const bare = Fastify({ bodyLimit: payload.length * 2 });
bare.addContentTypeParser('multipart/form-data', (request, body, done) => {
  body.on('data', () => {});
  body.on('end', () => done(null, {}));
  body.on('error', done);
});
bare.post('/drain', async (_request, reply) => reply.code(201).send([]));
try {
  const school = await platform.createSchool({ name: 'École du banc d’essai' });
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [school] });
  const session = await platform.platform.sessions.create(teacher.id, {});
  const address = new URL(await platform.app.listen({ port: 0, host: '127.0.0.1' }));

  const bareAddress = new URL(await bare.listen({ port: 0, host: '127.0.0.1' }));

  const post = (to: URL, path: string) => () => new Promise<void>((resolve, reject) => {
    const req = request({
      host: to.hostname, port: to.port, path, method: 'POST', agent,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': payload.length, cookie: `preau_session=${session.token}`, 'x-csrf-token': session.csrfToken },
    }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => (response.statusCode === 201 ? resolve() : reject(new Error(`upload answered ${response.statusCode}: ${Buffer.concat(chunks).toString().slice(0, 300)}`))));
    });
    req.on('error', reject);
    req.end(payload);
  });
  const upload = post(address, '/api/messaging/attachments');
  let written = 0;
  const writeWithFs = async () => {
    const path = join(dir, `fs-${(written += 1)}`);
    await pipeline(Readable.from([file], { objectMode: false }), createWriteStream(`${path}.partial`, { flags: 'wx' }));
    await rename(`${path}.partial`, path);
  };

  // Throughput in MB/s of `rounds` runs one after the other, after 2 unmeasured ones.
  const throughput = async (run: () => Promise<void>): Promise<{ mbPerSecond: number; p50: number }> => {
    for (let i = 0; i < 2; i += 1) await run();
    const samples: number[] = [];
    for (let i = 0; i < ROUNDS; i += 1) {
      const started = performance.now();
      await run();
      samples.push(performance.now() - started);
    }
    const total = samples.reduce((s, x) => s + x, 0) / 1000;
    return { mbPerSecond: (ROUNDS * SIZE_MB) / total, p50: [...samples].sort((x, y) => x - y)[Math.floor(ROUNDS / 2)]! };
  };

  progress(`${ROUNDS} × ${SIZE_MB} MiB with fs, then through the upload route…`);
  const fsFigures = await throughput(writeWithFs);
  const bareFigures = await throughput(post(bareAddress, '/drain'));
  const uploadFigures = await throughput(upload);

  console.log(`node ${process.version} · ${availableParallelism()} CPUs (${cpus()[0]?.model.trim() ?? 'unknown'}) · database ${database} · disk driver in ${tmpdir()}`);
  console.log(`${ROUNDS} files of ${SIZE_MB} MiB one after the other, after 2 unmeasured\n`);
  console.log(`${'target'.padEnd(40)}  ${'MiB/s'.padStart(7)}  ${'p50 ms per file'.padStart(15)}`);
  console.log(`${'baseline: fs stream + rename'.padEnd(40)}  ${fsFigures.mbPerSecond.toFixed(0).padStart(7)}  ${fsFigures.p50.toFixed(0).padStart(15)}`);
  console.log(`${'bare Fastify route, body drained'.padEnd(40)}  ${bareFigures.mbPerSecond.toFixed(0).padStart(7)}  ${bareFigures.p50.toFixed(0).padStart(15)}`);
  console.log(`${'POST /api/messaging/attachments'.padEnd(40)}  ${uploadFigures.mbPerSecond.toFixed(0).padStart(7)}  ${uploadFigures.p50.toFixed(0).padStart(15)}`);
  console.log(`\nratio upload/fs (throughput): ${(uploadFigures.mbPerSecond / fsFigures.mbPerSecond).toFixed(2)} (target ≥ 0.7); upload/bare HTTP: ${(uploadFigures.mbPerSecond / bareFigures.mbPerSecond).toFixed(2)}`);
} finally {
  agent.destroy();
  await bare.close();
  await platform.close();
  await rm(dir, { recursive: true, force: true });
}

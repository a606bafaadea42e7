import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

/** A storage configuration and what stops it: a temporary folder, or a real S3-compatible server (s3rver). */
export interface StorageUnderTest {
  config: Record<string, unknown>;
  close(): Promise<void>;
}

/** The disk driver in a temporary folder. */
export async function diskStorage(extra: Record<string, unknown> = {}): Promise<StorageUnderTest> {
  const dir = await mkdtemp(join(tmpdir(), 'preau-storage-'));
  return { config: { driver: 'disk', dir, ...extra }, close: () => rm(dir, { recursive: true, force: true }) };
}

/** The S3 driver against s3rver on a random port, with its own bucket. */
export async function s3Storage(extra: Record<string, unknown> = {}): Promise<StorageUnderTest> {
  const directory = await mkdtemp(join(tmpdir(), 'preau-s3rver-'));
  const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory, configureBuckets: [{ name: 'preau-test' }] });
  const { port } = await server.run();
  return {
    config: {
      driver: 's3',
      s3: { bucket: 'preau-test', endpoint: `http://127.0.0.1:${port}`, accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', prefix: 'blobs/' },
      ...extra,
    },
    close: async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/** `total` bytes of a repeating pattern, `chunk` at a time (never all in memory). */
export async function* pattern(total: number, chunk = 64 * 1024, byte = (i: number) => (i * 31 + 7) & 0xff): AsyncGenerator<Uint8Array> {
  let sent = 0;
  while (sent < total) {
    const size = Math.min(chunk, total - sent);
    const buffer = Buffer.alloc(size);
    for (let i = 0; i < size; i += 1) buffer[i] = byte(sent + i);
    sent += size;
    yield buffer;
  }
}

/** Reads a stream whole (small files in tests). */
export async function readAll(stream: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** The smallest valid PNG (1×1). */
export const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5e6b5d50000000049454e44ae426082',
  'hex',
);

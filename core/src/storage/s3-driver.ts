import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import type { Readable } from 'node:stream';
import type { BlobDriver } from './blob-driver.js';

/** How the S3 driver reaches its bucket. */
export interface S3Options {
  bucket: string;
  region: string;
  endpoint?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  prefix: string;
}

// S3's smallest part (but the last). Buffering one part bounds the memory of an upload to 8 MiB whatever
// the file's size, without knowing its length in advance (PutObject needs it).
const PART_BYTES = 8 * 1024 * 1024;

/** Blobs as objects of an S3-compatible bucket; files larger than one part go up as multipart uploads. */
export function s3Driver(options: S3Options): BlobDriver {
  const client = new S3Client({
    region: options.region,
    ...(options.endpoint ? { endpoint: options.endpoint, forcePathStyle: true } : {}),
    ...(options.accessKeyId && options.secretAccessKey
      ? { credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey } }
      : {}),
  });
  const Bucket = options.bucket;
  const keyOf = (key: string): string => `${options.prefix}${key}`;

  return {
    label: `s3 ${Bucket}`,
    async write(key, source) {
      const Key = keyOf(key);
      let pending: Buffer[] = [];
      let pendingBytes = 0;
      let uploadId: string | undefined;
      const parts: { ETag: string; PartNumber: number }[] = [];
      const flushPart = async (): Promise<void> => {
        if (!uploadId) {
          const created = await client.send(new CreateMultipartUploadCommand({ Bucket, Key }));
          uploadId = created.UploadId!;
        }
        const body = Buffer.concat(pending, pendingBytes);
        pending = [];
        pendingBytes = 0;
        const PartNumber = parts.length + 1;
        const part = await client.send(new UploadPartCommand({ Bucket, Key, UploadId: uploadId, PartNumber, Body: body, ContentLength: body.length }));
        parts.push({ ETag: part.ETag!, PartNumber });
      };
      try {
        for await (const chunk of source) {
          pending.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          pendingBytes += chunk.byteLength;
          if (pendingBytes >= PART_BYTES) await flushPart();
        }
        if (!uploadId) {
          const body = Buffer.concat(pending, pendingBytes);
          await client.send(new PutObjectCommand({ Bucket, Key, Body: body, ContentLength: body.length }));
          return;
        }
        if (pendingBytes > 0) await flushPart();
        await client.send(new CompleteMultipartUploadCommand({ Bucket, Key, UploadId: uploadId, MultipartUpload: { Parts: parts } }));
      } catch (error) {
        if (uploadId) await client.send(new AbortMultipartUploadCommand({ Bucket, Key, UploadId: uploadId })).catch(() => {});
        throw error;
      }
    },
    async read(key, range) {
      const object = await client.send(new GetObjectCommand({ Bucket, Key: keyOf(key), ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}) }));
      return object.Body as Readable;
    },
    async remove(key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: keyOf(key) }));
    },
    close() {
      client.destroy();
    },
  };
}

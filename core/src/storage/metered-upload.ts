import { createHash, randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock, StorageService } from '@preau/sdk';
import { StorageQuotaExceeded, StorageTooLarge, StorageUnavailable } from '../errors.js';
import type { BlobDriver } from './blob-driver.js';
import { sanitizeFileName } from './file-names.js';
import { detectMediaType, SNIFF_BYTES, TextCheck } from './media-type.js';
import type { createQuota } from './quota.js';

// Bytes are reserved on the quota ahead of the stream in steps this big. Small enough that an upload near
// someone's quota does not hold much of it from another one racing it.
const RESERVE_STEP = 256 * 1024;

/**
 * Storing one stream as a blob, metered as it flows: the size limit and the owner's quota are checked chunk by
 * chunk (reserved ahead, released on failure), the content hashed and its type sniffed on the way.
 */
export function createMeteredPut(deps: {
  knex: Knex;
  clock: Clock;
  log: FastifyBaseLogger;
  driver: BlobDriver;
  maxUploadBytes: number;
  quota: ReturnType<typeof createQuota>;
}): StorageService['put'] {
  const { knex, driver, log, quota } = deps;

  return async (source, options) => {
    const name = sanitizeFileName(options.name);
    const id = randomBytes(16).toString('hex');
    const owner = options.owner;
    const limit = await quota.limitOf(owner);
    const hash = createHash('sha256');
    const text = new TextCheck();
    const headChunks: Buffer[] = [];
    let headBytes = 0;
    let size = 0;
    let reserved = 0;
    if (options.size !== undefined && options.size > 0) {
      const announced = Math.min(options.size, deps.maxUploadBytes);
      reserved = await quota.reserve(owner, announced, announced, limit);
      if (reserved === 0) {
        await quota.warnFull(owner, limit);
        throw StorageQuotaExceeded(await quota.used(owner), limit);
      }
    }

    async function* metered(): AsyncGenerator<Uint8Array> {
      for await (const raw of source as AsyncIterable<Uint8Array | string>) {
        const chunk = typeof raw === 'string' ? Buffer.from(raw) : raw;
        size += chunk.byteLength;
        if (size > deps.maxUploadBytes) throw StorageTooLarge(deps.maxUploadBytes);
        if (size > reserved) {
          const need = size - reserved;
          // A step ahead (fewer bytes near the quota), so a database round trip every 256 KiB, not per chunk.
          const got = await quota.reserve(owner, need, RESERVE_STEP, limit);
          if (!got) {
            if (reserved > 0) await quota.release(owner, reserved, undefined, limit);
            reserved = 0;
            await quota.warnFull(owner, limit);
            throw StorageQuotaExceeded(await quota.used(owner), limit);
          }
          reserved += got;
        }
        hash.update(chunk);
        text.push(chunk);
        if (headBytes < SNIFF_BYTES) {
          headChunks.push(Buffer.from(chunk.subarray(0, SNIFF_BYTES - headBytes)));
          headBytes += Math.min(chunk.byteLength, SNIFF_BYTES - headBytes);
        }
        yield chunk;
      }
    }

    let written = false;
    try {
      try {
        await driver.write(id, metered());
      } catch (error) {
        if (StorageTooLarge.is(error) || StorageQuotaExceeded.is(error)) throw error;
        log.error({ err: error }, 'storage: write failed');
        throw StorageUnavailable();
      }
      written = true;
      const mediaType = await detectMediaType(Buffer.concat(headChunks), text.end(), options.mediaType);
      const sha256 = hash.digest('hex');
      const createdAt = deps.clock.now();
      await knex('core.storage_blobs').insert({ id, owner_id: owner, name, media_type: mediaType, size, sha256, key: id, created_at: createdAt });
      const used = reserved > size ? await quota.release(owner, reserved - size, undefined, limit) : undefined;
      reserved = size;
      await quota.warnIfNeeded(owner, limit, used);
      return { id, owner, name, mediaType, size, sha256, createdAt };
    } catch (error) {
      if (reserved > 0) await quota.release(owner, reserved, undefined, limit).catch(() => {});
      if (written) await driver.remove(id).catch(() => {});
      throw error;
    }
  };
}

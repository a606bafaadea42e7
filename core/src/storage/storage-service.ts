import { createHash, randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Knex } from 'knex';
import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import type { Clock, NotifyService, Profile, StorageService, StoredBlob } from '@preau/sdk';
import { StorageNotFound, StorageQuotaExceeded, StorageTooLarge, StorageUnavailable, StorageUploadInvalid } from '../errors.js';
import type { BlobDriver } from './blob-driver.js';
import { sanitizeFileName } from './file-names.js';
import { detectMediaType, SNIFF_BYTES, TextCheck } from './media-type.js';
import { sendBlob } from './send-blob.js';
import { createQuota } from './quota.js';

/** What the storage service is built from. */
export interface StorageDeps {
  knex: Knex;
  clock: Clock;
  log: FastifyBaseLogger;
  driver: BlobDriver;
  maxUploadBytes: number;
  quotaBytes: Readonly<Record<Profile, number>>;
  notify: NotifyService;
}

/** The core's storage service, plus what only the core uses. */
export interface CoreStorage extends StorageService {
  /** Deletes blobs no app referenced within `olderThanHours` of being stored (abandoned uploads); returns how many. */
  sweepOrphans(now: Date, olderThanHours?: number): Promise<number>;
  close(): void;
}

interface BlobRow {
  id: string;
  owner_id: number | null;
  name: string;
  media_type: string;
  size: string | number;
  sha256: string;
  key: string;
  created_at: Date | string;
}

const COLUMNS = ['id', 'owner_id', 'name', 'media_type', 'size', 'sha256', 'key', 'created_at'];
// Bytes are reserved on the quota ahead of the stream in steps this big. Small enough that an upload near
// someone's quota does not hold much of it from another one racing it.
const RESERVE_STEP = 256 * 1024;

function toBlob(row: BlobRow): StoredBlob {
  return {
    id: row.id,
    owner: row.owner_id,
    name: row.name,
    mediaType: row.media_type,
    size: Number(row.size),
    sha256: row.sha256,
    createdAt: new Date(row.created_at),
  };
}

const BLOB_ID = /^[a-f0-9]{32}$/;

/** The storage service over a driver (disk or S3): see `StorageService` in the SDK. */
export function createStorage(deps: StorageDeps): CoreStorage {
  const { knex, driver, log } = deps;
  const quota = createQuota(deps);

  const stat = async (id: string): Promise<StoredBlob | undefined> => {
    if (!BLOB_ID.test(id)) return undefined;
    const row = (await knex('core.storage_blobs').where({ id }).first(COLUMNS)) as BlobRow | undefined;
    return row ? toBlob(row) : undefined;
  };

  /** Deletes those of `ids` nothing references; frees their owners' quota, then removes their bytes. */
  const collect = async (ids: readonly string[]): Promise<string[]> => {
    if (ids.length === 0) return [];
    const removed = await knex.transaction(async (trx) => {
      const { rows } = (await trx.raw(
        `delete from core.storage_blobs b where b.id = any(?::text[])
           and not exists (select 1 from core.storage_references r where r.blob_id = b.id)
         returning b.id, b.owner_id, b.size, b.key`,
        [[...ids]],
      )) as { rows: { id: string; owner_id: number | null; size: string; key: string }[] };
      const byOwner = new Map<number, number>();
      for (const row of rows) if (row.owner_id !== null) byOwner.set(row.owner_id, (byOwner.get(row.owner_id) ?? 0) + Number(row.size));
      for (const [owner, bytes] of byOwner) await quota.release(owner, bytes, trx);
      return rows;
    });
    for (const row of removed) {
      await driver.remove(row.key).catch((error: unknown) => log.warn({ err: error, blob: row.id }, 'storage: bytes of a deleted blob could not be removed'));
    }
    return removed.map((row) => row.id);
  };

  const put: StorageService['put'] = async (source, options) => {
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

  const storage: CoreStorage = {
    maxUploadBytes: deps.maxUploadBytes,
    put,
    async receive(request: FastifyRequest, options) {
      if (!request.isMultipart()) throw StorageUploadInvalid('multipart/form-data attendu');
      const blobs: StoredBlob[] = [];
      // The request's length bounds its first file's: reserved whole, so racing requests are served in turn.
      const length = Number(request.headers['content-length']);
      const fields: Record<string, string> = {};
      try {
        for await (const part of request.parts()) {
          if (part.type === 'file') {
            if (blobs.length >= (options.maxFiles ?? 10)) throw StorageUploadInvalid('trop de fichiers');
            const size = blobs.length === 0 && Number.isFinite(length) ? length : undefined;
            blobs.push(await put(part.file, { owner: options.owner, name: part.filename, mediaType: part.mimetype, size }));
          } else if (typeof part.value === 'string') {
            fields[part.fieldname] = part.value;
          }
        }
      } catch (error) {
        await collect(blobs.map((b) => b.id)).catch(() => {});
        throw error;
      }
      if (blobs.length === 0) throw StorageUploadInvalid('aucun fichier');
      return { blobs, fields };
    },
    async get(id) {
      const blob = await stat(id);
      if (!blob) return undefined;
      const row = (await knex('core.storage_blobs').where({ id }).first('key')) as { key: string };
      return { blob, stream: await driver.read(row.key) };
    },
    stat,
    async statMany(ids) {
      const valid = ids.filter((id) => BLOB_ID.test(id));
      if (valid.length === 0) return [];
      const rows = (await knex('core.storage_blobs').whereIn('id', valid).select(COLUMNS)) as BlobRow[];
      return rows.map(toBlob);
    },
    async send(reply, id, options = {}) {
      const row = BLOB_ID.test(id) ? ((await knex('core.storage_blobs').where({ id }).first(COLUMNS)) as BlobRow | undefined) : undefined;
      if (!row) throw StorageNotFound();
      return sendBlob(reply, toBlob(row), (range) => driver.read(row.key, range), options);
    },
    async addReference(id, holder, options = {}) {
      const db = options.transaction ?? knex;
      if (!BLOB_ID.test(id)) throw StorageNotFound();
      const inserted = await db.raw(
        `insert into core.storage_references (blob_id, holder) select id, ? from core.storage_blobs where id = ?
         on conflict do nothing returning blob_id`,
        [holder, id],
      );
      if ((inserted as { rows: unknown[] }).rows.length === 0) {
        const exists = await db('core.storage_blobs').where({ id }).first('id');
        if (!exists) throw StorageNotFound();
      }
    },
    async removeReferences(ids, holder, options = {}) {
      const valid = ids.filter((id) => BLOB_ID.test(id));
      if (valid.length === 0) return;
      const db = options.transaction ?? knex;
      await db('core.storage_references').whereIn('blob_id', valid).andWhere({ holder }).delete();
      if (options.transaction) {
        // Collected once the caller's transaction commits: a rollback must find the blobs still there.
        options.transaction.executionPromise.then(
          () => collect(valid).catch((error: unknown) => log.error({ err: error }, 'storage: collecting blobs failed')),
          () => {},
        );
      } else {
        await collect(valid);
      }
    },
    async delete(id) {
      return (await collect([id])).length > 0;
    },
    usage: async (userId) => ({ used: await quota.used(userId), quota: await quota.limitOf(userId) }),
    async sweepOrphans(now, olderThanHours = 24) {
      const before = new Date(now.getTime() - olderThanHours * 3_600_000);
      const ids = (await knex('core.storage_blobs as b')
        .where('b.created_at', '<', before)
        .whereNotExists(knex('core.storage_references as r').whereRaw('r.blob_id = b.id'))
        .limit(1000)
        .pluck('b.id')) as string[];
      return (await collect(ids)).length;
    },
    close() {
      driver.close?.();
    },
  };
  return storage;
}

export type { Readable };

import type { Readable } from 'node:stream';
import type { Knex } from 'knex';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock, NotifyService, Profile, StorageService } from '@preau/sdk';
import type { BlobDriver } from './blob-driver.js';
import { createQuota } from './quota.js';
import { createMeteredPut } from './metered-upload.js';
import { createMultipartReceive } from './multipart-upload.js';
import { createBlobReads } from './blob-reads.js';
import { createBlobReferences } from './blob-references.js';
import { createBlobCollection } from './blob-collection.js';

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

/**
 * The storage service over a driver (disk or S3): see `StorageService` in the SDK. Assembled from its parts:
 * the metered upload and the multipart reception, the reads, the references, and the collection of blobs
 * nothing holds.
 */
export function createStorage(deps: StorageDeps): CoreStorage {
  const { knex, driver, log } = deps;
  const quota = createQuota(deps);
  const collection = createBlobCollection({ knex, driver, log, quota });
  const put = createMeteredPut({ ...deps, quota });
  return {
    maxUploadBytes: deps.maxUploadBytes,
    put,
    receive: createMultipartReceive(put, collection),
    ...createBlobReads({ knex, driver }),
    ...createBlobReferences({ knex, log, collection }),
    async delete(id) {
      return (await collection.collect([id])).length > 0;
    },
    usage: async (userId) => ({ used: await quota.used(userId), quota: await quota.limitOf(userId) }),
    sweepOrphans: collection.sweepOrphans,
    close() {
      driver.close?.();
    },
  };
}

export type { Readable };

import { resolve } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { Knex } from 'knex';
import type { Clock, NotifyService, Profile } from '@preau/sdk';
import type { PreauConfig } from '../config/config-schema.js';
import { ConfigInvalid } from '../errors.js';
import type { BlobDriver } from './blob-driver.js';
import { diskDriver } from './disk-driver.js';
import { s3Driver } from './s3-driver.js';
import { createStorage, type CoreStorage } from './storage-service.js';

const MIB = 1024 * 1024;

/** The configured driver: S3 when `storage.driver` is `s3`, else the disk under `storage.dir` or `<dataDir>/files`. */
export function configuredDriver(config: PreauConfig): BlobDriver {
  const { storage } = config;
  if (storage.driver === 's3') {
    if (!storage.s3) throw ConfigInvalid('storage.s3 is required when storage.driver is "s3"');
    return s3Driver(storage.s3);
  }
  return diskDriver(resolve(config.baseDir, storage.dir ?? resolve(config.baseDir, config.database.dataDir, 'files')));
}

/** Each profile's quota in bytes as the configuration sets it (the academy may change them in the database). */
export function configuredQuotas(config: PreauConfig): Record<Profile, number> {
  const q = config.storage.quotaMb;
  return {
    Teacher: Math.floor(q.Teacher * MIB),
    Personnel: Math.floor(q.Personnel * MIB),
    Student: Math.floor(q.Student * MIB),
    Relative: Math.floor(q.Relative * MIB),
    Guest: Math.floor(q.Guest * MIB),
  };
}

/** The storage service as the configuration describes it. */
export function openStorage(config: PreauConfig, deps: { knex: Knex; clock: Clock; log: FastifyBaseLogger; notify: NotifyService; driver?: BlobDriver }): CoreStorage {
  return createStorage({
    ...deps,
    driver: deps.driver ?? configuredDriver(config),
    maxUploadBytes: Math.floor(config.storage.maxUploadMb * MIB),
    quotaBytes: configuredQuotas(config),
  });
}

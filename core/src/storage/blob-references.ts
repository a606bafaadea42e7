import type { Knex } from 'knex';
import type { FastifyBaseLogger } from 'fastify';
import type { StorageService } from '@preau/sdk';
import { StorageNotFound } from '../errors.js';
import { BLOB_ID } from './blob-rows.js';
import type { BlobCollection } from './blob-collection.js';

/** Holders keep blobs: a blob no holder references any more is collected. */
export function createBlobReferences(deps: { knex: Knex; log: FastifyBaseLogger; collection: BlobCollection }): Pick<StorageService, 'addReference' | 'removeReferences'> {
  const { knex, log, collection } = deps;
  return {
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
          () => collection.collect(valid).catch((error: unknown) => log.error({ err: error }, 'storage: collecting blobs failed')),
          () => {},
        );
      } else {
        await collection.collect(valid);
      }
    },
  };
}

import type { Knex } from 'knex';
import type { StorageService, StoredBlob } from '@preau/sdk';
import { StorageNotFound } from '../errors.js';
import type { BlobDriver } from './blob-driver.js';
import { BLOB_COLUMNS, BLOB_ID, toBlob, type BlobRow } from './blob-rows.js';
import { sendBlob } from './send-blob.js';

/** Reading blobs: their description, their bytes, and sending them as a response (ranges included). */
export function createBlobReads(deps: { knex: Knex; driver: BlobDriver }): Pick<StorageService, 'stat' | 'statMany' | 'get' | 'send'> {
  const { knex, driver } = deps;

  const stat = async (id: string): Promise<StoredBlob | undefined> => {
    if (!BLOB_ID.test(id)) return undefined;
    const row = (await knex('core.storage_blobs').where({ id }).first(BLOB_COLUMNS)) as BlobRow | undefined;
    return row ? toBlob(row) : undefined;
  };

  return {
    stat,
    async statMany(ids) {
      const valid = ids.filter((id) => BLOB_ID.test(id));
      if (valid.length === 0) return [];
      const rows = (await knex('core.storage_blobs').whereIn('id', valid).select(BLOB_COLUMNS)) as BlobRow[];
      return rows.map(toBlob);
    },
    async get(id) {
      const blob = await stat(id);
      if (!blob) return undefined;
      const row = (await knex('core.storage_blobs').where({ id }).first('key')) as { key: string };
      return { blob, stream: await driver.read(row.key) };
    },
    async send(reply, id, options = {}) {
      const row = BLOB_ID.test(id) ? ((await knex('core.storage_blobs').where({ id }).first(BLOB_COLUMNS)) as BlobRow | undefined) : undefined;
      if (!row) throw StorageNotFound();
      return sendBlob(reply, toBlob(row), (range) => driver.read(row.key, range), options);
    },
  };
}

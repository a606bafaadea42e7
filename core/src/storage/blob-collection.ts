import type { Knex } from 'knex';
import type { FastifyBaseLogger } from 'fastify';
import type { BlobDriver } from './blob-driver.js';
import type { createQuota } from './quota.js';

/** Deleting the blobs nothing references any more: on request, and the sweep of abandoned uploads. */
export interface BlobCollection {
  /** Deletes those of `ids` nothing references; frees their owners' quota, then removes their bytes. Returns the ids deleted. */
  collect(ids: readonly string[]): Promise<string[]>;
  /** Deletes blobs no app referenced within `olderThanHours` of being stored (abandoned uploads); returns how many. */
  sweepOrphans(now: Date, olderThanHours?: number): Promise<number>;
}

export function createBlobCollection(deps: { knex: Knex; driver: BlobDriver; log: FastifyBaseLogger; quota: ReturnType<typeof createQuota> }): BlobCollection {
  const { knex, driver, log, quota } = deps;

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

  return {
    collect,
    async sweepOrphans(now, olderThanHours = 24) {
      const before = new Date(now.getTime() - olderThanHours * 3_600_000);
      const ids = (await knex('core.storage_blobs as b')
        .where('b.created_at', '<', before)
        .whereNotExists(knex('core.storage_references as r').whereRaw('r.blob_id = b.id'))
        .limit(1000)
        .pluck('b.id')) as string[];
      return (await collect(ids)).length;
    },
  };
}

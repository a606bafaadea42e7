import type { Knex } from 'knex';
import type { Attachment, AttachmentSetsService, FileHolderRef } from '@preau/sdk';
import type { CoreStorage } from './storage-service.js';

/** The core's side of attachment sets: one service per app. */
export interface CoreAttachmentSets {
  /** The service of `app`: its holders are `<app>:<type>:<id>`. */
  forApp(app: string): AttachmentSetsService;
}

interface AttachmentRow {
  holder: string;
  blob_id: string;
  name: string;
  media_type: string;
  size: string | number;
}

const HOLDER_TYPE = /^[A-Za-z0-9_-]{1,64}$/;
const HOLDER_ID = /^[A-Za-z0-9_-]{1,64}$/;

const toAttachment = (row: AttachmentRow): Attachment => ({ id: row.blob_id, name: row.name, mediaType: row.media_type, size: Number(row.size) });

/**
 * Attachment sets (see `AttachmentSetsService` in the SDK). A holder's files are rows of
 * `core.storage_attachments` (name, order) and, for each, a storage reference under the same holder: the
 * reference keeps the blob, so releasing a set frees what nothing else holds, after the transaction commits.
 * The holder is `<app>:<type>:<id>`, the one the apps gave their references before the sets existed
 * (`liaison:word:12`), and apart from inserted files' (`inserted:<app>:…`): a text's images never touch a
 * word's attachments.
 */
export function createAttachmentSets(deps: { knex: Knex; storage: CoreStorage }): CoreAttachmentSets {
  const { knex, storage } = deps;

  const forApp = (app: string): AttachmentSetsService => {
    const holderOf = (ref: FileHolderRef): string => {
      const id = String(ref.id);
      if (!HOLDER_TYPE.test(ref.type) || !HOLDER_ID.test(id)) throw new Error(`attachments: invalid holder ${ref.type}:${id}`);
      return `${app}:${ref.type}:${id}`;
    };
    const heldBy = async (db: Knex, holders: readonly string[]): Promise<AttachmentRow[]> =>
      holders.length
        ? ((await db('core.storage_attachments').whereIn('holder', holders).orderBy(['holder', 'position'])
          .select('holder', 'blob_id', 'name', 'media_type', 'size')) as AttachmentRow[])
        : [];

    return {
      async check(authorId, blobIds, options = {}) {
        if (blobIds.length === 0) return { files: [], refused: [] };
        const blobs = new Map((await storage.statMany(blobIds)).map((blob) => [blob.id, blob]));
        const already = new Set((await heldBy(knex, (options.alreadyOn ?? []).map(holderOf))).map((row) => row.blob_id));
        const refused = blobIds.filter((id) => {
          const blob = blobs.get(id);
          return !blob || (blob.owner !== authorId && !already.has(id));
        });
        if (refused.length) return { files: [], refused };
        return {
          files: blobIds.map((id) => {
            const blob = blobs.get(id)!;
            return { id, name: blob.name, mediaType: blob.mediaType, size: blob.size };
          }),
          refused: [],
        };
      },
      async set(ref, files, options = {}) {
        const holder = holderOf(ref);
        const db = options.transaction ?? knex;
        const before = (await heldBy(db, [holder])).map((row) => row.blob_id);
        await db('core.storage_attachments').where({ holder }).delete();
        if (files.length) {
          await db('core.storage_attachments').insert(files.map((file, position) => ({
            holder, blob_id: file.id, name: file.name, media_type: file.mediaType, size: file.size, position,
          })));
        }
        for (const file of files) await storage.addReference(file.id, holder, { transaction: options.transaction });
        const dropped = before.filter((id) => !files.some((file) => file.id === id));
        if (dropped.length) await storage.removeReferences(dropped, holder, { transaction: options.transaction });
      },
      async of(refs) {
        const holders = refs.map(holderOf);
        const byHolder = new Map<string, Attachment[]>();
        for (const row of await heldBy(knex, [...new Set(holders)])) {
          byHolder.set(row.holder, [...(byHolder.get(row.holder) ?? []), toAttachment(row)]);
        }
        return holders.map((holder) => [...(byHolder.get(holder) ?? [])]);
      },
      async release(refs, options = {}) {
        const db = options.transaction ?? knex;
        const holders = [...new Set(refs.map(holderOf))];
        const rows = await heldBy(db, holders);
        for (const holder of holders) {
          const ids = rows.filter((row) => row.holder === holder).map((row) => row.blob_id);
          if (ids.length) await storage.removeReferences(ids, holder, { transaction: options.transaction });
        }
        if (holders.length) await db('core.storage_attachments').whereIn('holder', holders).delete();
      },
    };
  };

  return { forApp };
}

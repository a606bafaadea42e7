import type { Knex, PluginServices } from '@preau/sdk';
import { AttachmentRefused } from './errors.js';

/** A word's file, as families and staff see it. */
export interface Attachment {
  id: string;
  name: string;
  mediaType: string;
  size: number;
}

const holder = (wordId: number) => `liaison:word:${wordId}`;

/**
 * The attachments a word will have: each must be a file the author uploaded, or one the word already had (an
 * edit keeps them; a copy shares them). Read before the write's transaction (storage reads its own tables).
 */
export async function checkAttachments(services: PluginServices, authorId: number, blobIds: readonly string[], alreadyOn: readonly string[] = []): Promise<Attachment[]> {
  if (blobIds.length === 0) return [];
  const blobs = new Map((await services.storage.statMany(blobIds)).map((b) => [b.id, b]));
  const refused = blobIds.filter((id) => !blobs.has(id) || (blobs.get(id)!.owner !== authorId && !alreadyOn.includes(id)));
  if (refused.length) throw Object.assign(AttachmentRefused(), { details: { refused } });
  return blobIds.map((id) => {
    const blob = blobs.get(id)!;
    return { id, name: blob.name, mediaType: blob.mediaType, size: blob.size };
  });
}

/** Replaces a word's attachments inside the word's transaction; files no longer attached lose this reference. */
export async function writeAttachments(services: PluginServices, trx: Knex.Transaction, wordId: number, attachments: readonly Attachment[]): Promise<void> {
  const before: string[] = await trx('attachments').where({ word_id: wordId }).pluck('blob_id');
  await trx('attachments').where({ word_id: wordId }).delete();
  if (attachments.length) {
    await trx('attachments').insert(attachments.map((a, position) => ({ word_id: wordId, blob_id: a.id, name: a.name, media_type: a.mediaType, size: a.size, position })));
  }
  for (const a of attachments) await services.storage.addReference(a.id, holder(wordId), { transaction: trx });
  const dropped = before.filter((id) => !attachments.some((a) => a.id === id));
  if (dropped.length) await services.storage.removeReferences(dropped, holder(wordId), { transaction: trx });
}

/** Lets go of every file of a word being deleted (inside its transaction). */
export async function releaseAttachments(services: PluginServices, trx: Knex.Transaction, wordId: number): Promise<void> {
  const ids: string[] = await trx('attachments').where({ word_id: wordId }).pluck('blob_id');
  if (ids.length) await services.storage.removeReferences(ids, holder(wordId), { transaction: trx });
}

/** The attachments of these words, in their order. */
export async function attachmentsOf(db: Knex, wordIds: readonly number[]): Promise<Map<number, Attachment[]>> {
  const rows: { word_id: number; blob_id: string; name: string; media_type: string; size: number }[] = wordIds.length
    ? await db('attachments').whereIn('word_id', wordIds).orderBy(['word_id', 'position']).select('word_id', 'blob_id', 'name', 'media_type', 'size')
    : [];
  const byWord = new Map<number, Attachment[]>();
  for (const r of rows) {
    const list = byWord.get(r.word_id) ?? [];
    list.push({ id: r.blob_id, name: r.name, mediaType: r.media_type, size: Number(r.size) });
    byWord.set(r.word_id, list);
  }
  return byWord;
}

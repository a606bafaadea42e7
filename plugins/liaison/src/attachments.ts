import type { Attachment, FileHolderRef, PluginServices } from '@preau/sdk';
import { AttachmentRefused } from './errors.js';

export type { Attachment } from '@preau/sdk';

/** The storage's attachment set of a word (its references keep the holder `liaison:word:<id>`). */
export const wordFiles = (wordId: number): FileHolderRef => ({ type: 'word', id: wordId });

/**
 * The attachments a word will have: each must be a file the author uploaded, or one the word already had (an
 * edit keeps them; a copy shares the original's). Read before the write's transaction.
 */
export async function checkAttachments(services: Pick<PluginServices, 'attachments'>, authorId: number, blobIds: readonly string[], alreadyOn: readonly number[] = []): Promise<readonly Attachment[]> {
  const { files, refused } = await services.attachments.check(authorId, blobIds, { alreadyOn: alreadyOn.map(wordFiles) });
  if (refused.length) throw Object.assign(AttachmentRefused(), { details: { refused } });
  return files;
}

/** The attachments of these words, in their order. */
export async function attachmentsOf(services: Pick<PluginServices, 'attachments'>, wordIds: readonly number[]): Promise<Map<number, Attachment[]>> {
  const lists = await services.attachments.of(wordIds.map(wordFiles));
  return new Map(wordIds.map((id, i) => [id, lists[i]!]));
}

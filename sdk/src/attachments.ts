import type { FileHolderRef, InsertedFileWriteOptions } from './inserted-files.js';

/** A file attached to a holder (a word, a news item), as its readers see it. */
export interface Attachment {
  /** The blob's id. */
  id: string;
  /** The name it is downloaded under (the uploaded file's, when it was attached). */
  name: string;
  mediaType: string;
  size: number;
}

/** What `check` finds: the files to attach, in the order asked, and the ids the author may not attach. */
export interface CheckedAttachments {
  /** The files the author may attach, in the order asked (empty when some were refused). */
  readonly files: readonly Attachment[];
  /** The ids that are no blob, or a blob of someone else the holder did not already have. */
  readonly refused: readonly string[];
}

/**
 * Files attached to a plugin's things, with their names and order: a holder (`{ type: 'word', id: 12 }`) holds
 * a set of blobs, each one reference of the storage (a blob several holders share is stored once; the last
 * holder letting go frees it and its owner's quota). Unlike inserted files, the core serves no attachment: the
 * app's own route decides who downloads it (and names it from `of`).
 *
 * @example
 * const { files, refused } = await services.attachments.check(user.id, body.attachmentIds, { alreadyOn: [holder] });
 * if (refused.length) throw AttachmentRefused();                    // the app's own coded error
 * await db.transaction(async (trx) => {
 *   await trx('words').update(...);
 *   await services.attachments.set(holder, files, { transaction: trx });
 * });
 */
export interface AttachmentSetsService {
  /**
   * The files `authorId` may attach: blobs they uploaded, or blobs one of `alreadyOn` already holds (an edit
   * keeps a file another person attached; a copy shares the original's). Call it outside any transaction.
   */
  check(authorId: number, blobIds: readonly string[], options?: { alreadyOn?: readonly FileHolderRef[] }): Promise<CheckedAttachments>;
  /**
   * Makes `holder` hold exactly `files`, in this order and under these names (as `check` returned them): new
   * files are referenced, those left out let go (deleted after the transaction when nothing else holds them).
   */
  set(holder: FileHolderRef, files: readonly Attachment[], options?: InsertedFileWriteOptions): Promise<void>;
  /** The files of each holder, in their order: one list per holder, in the order of `holders`. */
  of(holders: readonly FileHolderRef[]): Promise<Attachment[][]>;
  /** Lets go of every file of these holders (deleted or trashed things), inside the plugin's transaction. */
  release(holders: readonly FileHolderRef[], options?: InsertedFileWriteOptions): Promise<void>;
}

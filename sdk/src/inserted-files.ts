import type { Knex } from 'knex';
import type { CurrentUser, PluginServices, SchoolRef } from './services.js';

/**
 * Where a text points at a file inserted in it (an image from Documents, a PDF linked as a document, a
 * recording): `<img src="/api/core/files/<blob id>">`, `<a href="/api/core/files/<blob id>">`. One address
 * whatever the app: the core serves it to whoever may read one of the texts (or documents) that hold it.
 */
export const INSERTED_FILE_PREFIX = '/api/core/files/';

/** The address a text uses for an inserted file. */
export function insertedFileUrl(blobId: string): string {
  return `${INSERTED_FILE_PREFIX}${blobId}`;
}

/** A thing of the plugin that holds inserted files: a text (a word, a post, a homework) or a document's version. */
export interface FileHolderRef {
  /** A key of the manifest's `fileHolders`. */
  type: string;
  id: string | number;
}

/**
 * One kind of thing of a plugin that holds files (manifest `fileHolders`): the core asks it who may read one,
 * when someone opens `/api/core/files/<blob id>` and when an author inserts a file they did not upload.
 */
export interface FileHolderDeclaration {
  /**
   * True when `user` may read the holder `id` now (the parent of the word's pupil, a reader of the blog, a
   * person the document is shared with), as the app's own routes decide. `schools` are the user's current
   * schools where the app is on (never empty: the core does not ask otherwise), as `request.currentSchools` in
   * a route. It must answer false, not throw, for an id that does not exist.
   */
  canRead(user: CurrentUser, id: string, context: { schools: readonly SchoolRef[]; services: PluginServices }): Promise<boolean>;
}

/** Options of the inserted files' writes. */
export interface InsertedFileWriteOptions {
  /** The plugin's own write: both are kept, or neither. */
  transaction?: Knex.Transaction;
}

/** The files a text points at, checked against its author: what `check` returns, to hold in the text's transaction. */
export interface CheckedFiles {
  /** The blob ids the text points at, each once. */
  readonly ids: readonly string[];
  /**
   * Makes `holder` hold exactly these files (adding the new ones, letting go of those the text no longer
   * points at) in the plugin's transaction; files nothing holds any more are deleted after it commits.
   */
  holdIn(holder: FileHolderRef, options?: InsertedFileWriteOptions): Promise<void>;
}

/**
 * The files texts point at. An app checks a text's sanitized HTML against its author **before** its
 * transaction (the check asks the apps holding each file, which read the database: on the embedded database,
 * a single connection, they cannot run inside a transaction), then holds them in it:
 *
 * @example
 * const files = await services.insertedFiles.check(body, user);          // 403 PREAU_ERR_INSERTED_FILE
 * await db.transaction(async (trx) => {
 *   const [word] = await trx('words').insert({ body }).returning('id');
 *   await files.holdIn({ type: 'word', id: word.id }, { transaction: trx });
 * });
 *
 * Each `/api/core/files/<id>` the text contains becomes readable by the text's readers (through the app's
 * `fileHolders`); deleting the text calls `detach`. A document deleted from Documents stays readable in the
 * texts that hold it (they keep their reference).
 */
export interface InsertedFilesService {
  /**
   * The files `html` points at, each readable by `author` (they uploaded it, or may read a text or document
   * holding it); otherwise `PREAU_ERR_INSERTED_FILE` (403, "Vous ne pouvez pas insérer ce fichier…").
   * Call it outside any transaction.
   */
  check(html: string, author: CurrentUser): Promise<CheckedFiles>;
  /**
   * Adds files the plugin holds outside any HTML, on its own decision (a document's version holds the blob it
   * just stored; a copy holds the blob of the version copied). No check is made: the plugin has made it.
   */
  hold(blobIds: readonly string[], holder: FileHolderRef, options?: InsertedFileWriteOptions): Promise<void>;
  /** Lets go of every file the holder holds (the text was deleted); files nothing holds any more are deleted. */
  detach(holder: FileHolderRef, options?: InsertedFileWriteOptions): Promise<void>;
  /** True when `user` may open the file: they uploaded it or may read one of its holders. Outside any transaction. */
  canRead(user: CurrentUser, blobId: string): Promise<boolean>;
}

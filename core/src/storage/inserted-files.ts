import type { Knex } from 'knex';
import type { FastifyBaseLogger } from 'fastify';
import { INSERTED_FILE_PREFIX, type AppEnablementService, type CurrentUser, type FileHolderRef, type InsertedFilesService, type PluginServices } from '@preau/sdk';
import type { PluginRegistry } from '../plugins/plugin-registry.js';
import { InsertedFileRefused } from '../errors.js';
import type { CoreStorage } from './storage-service.js';

/** The core's side of inserted files: one service per app, and the check behind `/api/core/files/<id>`. */
export interface CoreInsertedFiles {
  /** The service of `app`: its holders are `inserted:<app>:<type>:<id>`. */
  forApp(app: string): InsertedFilesService;
  /** True when `user` may open the blob: they uploaded it, or an active app lets them read one of its holders. */
  canRead(user: CurrentUser, blobId: string): Promise<boolean>;
}

const BLOB_ID = /^[a-f0-9]{32}$/;
const HOLDER_ID = /^[A-Za-z0-9_-]{1,64}$/;
// Inserted files have their own holders, apart from those an app uses for its attachments through
// `storage.addReference` (`liaison:word:12`): holding a text's files never touches the word's attachments.
const HOLDER = /^inserted:([a-z0-9-]+):([A-Za-z0-9_-]+):([A-Za-z0-9_-]{1,64})$/;
// `src`, `href` and (a video's) `poster` attributes of the sanitized HTML that point at an inserted file. The sanitizer writes
// attributes with double quotes, and keeps a path as it was given.
const INSERTED = new RegExp(`\\b(?:src|href|poster)="${INSERTED_FILE_PREFIX.replaceAll('/', '\\/')}([a-f0-9]{32})(?:[?#][^"]*)?"`, 'g');

/** The blob ids a text's HTML points at, each once, in order. */
export function insertedFileIds(html: string): string[] {
  return [...new Set([...html.matchAll(INSERTED)].map((match) => match[1]!))];
}

/**
 * Files inserted in texts (see `InsertedFilesService` in the SDK). A holder is a thing of an app (a word, a
 * post, a document's version) that keeps blobs through the storage references; who may read a blob is asked of
 * the apps that hold it, through their manifest's `fileHolders`, so a text's readers open its images and
 * nobody else does, whatever the URL they learnt.
 */
export function createInsertedFiles(deps: {
  knex: Knex;
  storage: CoreStorage;
  apps: AppEnablementService;
  log: FastifyBaseLogger;
  registry: () => PluginRegistry | undefined;
}): CoreInsertedFiles {
  const { knex, storage } = deps;

  const holderAllows = async (user: CurrentUser, holder: string): Promise<boolean> => {
    const [, app, type, id] = HOLDER.exec(holder) ?? [];
    if (!app) return false;
    const record = deps.registry()?.get(app);
    const declared = record?.state === 'active' ? record.manifest?.fileHolders?.[type!] : undefined;
    if (!declared || !record?.services) return false;
    // The schools a route of the app would see as `request.currentSchools`.
    const enabled = new Set(deps.apps.enabledSchools(user.schools.map((school) => school.id), app));
    const schools = user.schools.filter((school) => enabled.has(school.id));
    if (schools.length === 0) return false;
    try {
      return (await declared.canRead(user, id!, { schools, services: record.services as PluginServices })) === true;
    } catch (error) {
      deps.log.error({ err: error, holder }, 'inserted files: a holder check failed');
      return false;
    }
  };

  const canRead = async (user: CurrentUser, blobId: string): Promise<boolean> => {
    if (!BLOB_ID.test(blobId)) return false;
    const blob = await storage.stat(blobId);
    if (!blob) return false;
    if (blob.owner === user.id) return true;
    const holders = (await knex('core.storage_references').where({ blob_id: blobId }).orderBy('holder').pluck('holder')) as string[];
    for (const holder of holders) if (await holderAllows(user, holder)) return true;
    return false;
  };

  const forApp = (app: string): InsertedFilesService => {
    const holderOf = (ref: FileHolderRef): string => {
      const id = String(ref.id);
      if (!/^[A-Za-z0-9_-]+$/.test(ref.type) || !HOLDER_ID.test(id)) throw new Error(`inserted files: invalid holder ${ref.type}:${id}`);
      return `inserted:${app}:${ref.type}:${id}`;
    };
    const held = async (holder: string, db: Knex): Promise<string[]> =>
      (await db('core.storage_references').where({ holder }).pluck('blob_id')) as string[];
    const add = async (ids: readonly string[], holder: string, transaction: Knex.Transaction | undefined): Promise<void> => {
      const already = new Set(await held(holder, transaction ?? knex));
      for (const id of ids) if (!already.has(id)) await storage.addReference(id, holder, { transaction });
    };

    return {
      async check(html, author) {
        const ids = insertedFileIds(html);
        for (const id of ids) if (!(await canRead(author, id))) throw InsertedFileRefused();
        return {
          ids,
          async holdIn(ref, options = {}) {
            const holder = holderOf(ref);
            await add(ids, holder, options.transaction);
            const gone = (await held(holder, options.transaction ?? knex)).filter((id) => !ids.includes(id));
            await storage.removeReferences(gone, holder, { transaction: options.transaction });
          },
        };
      },
      async hold(ids, ref, options = {}) {
        if (ids.some((id) => !BLOB_ID.test(id))) throw InsertedFileRefused();
        await add([...new Set(ids)], holderOf(ref), options.transaction);
      },
      async detach(ref, options = {}) {
        const holder = holderOf(ref);
        await storage.removeReferences(await held(holder, options.transaction ?? knex), holder, { transaction: options.transaction });
      },
      canRead,
    };
  };

  return { forApp, canRead };
}

import type { PersonalFilesDeclaration } from '@preau/sdk';
import { ensureFolder, placeFile } from './files.js';
import { cleanName } from './nodes.js';

/**
 * Documents keeps people's own files: another app files a person's blob into a folder at the top of their space
 * (the media app's recordings into « Enregistrements »), made when missing, in one transaction. A file of the same
 * name there gets a new version, as an upload would.
 */
export const personalFiles: PersonalFilesDeclaration = {
  async file({ ownerId, folder, blobId }, services) {
    const blob = await services.storage.stat(blobId);
    if (!blob) return;
    await services.db.transaction(async (trx) => {
      const parentId = await ensureFolder(services, trx, { parentId: null, ownerId, by: ownerId }, cleanName(folder));
      await placeFile(services, trx, { parentId, ownerId, by: ownerId }, blob);
    });
  },
};
